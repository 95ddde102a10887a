package io.tradeport.tradeserver.engine;

import java.time.Instant;
import java.util.List;

/**
 * Everything a {@link TradeEngine} holds that cached values cannot be recomputed from, for
 * snapshots: an engine restored from it behaves exactly like the one it was taken from (same
 * next ticket, same open trades with their swaps and fixed rates, same histories and daily
 * accumulators, same next end of day). Margin, floating profit and level types are derived and
 * therefore recomputed on restore.
 *
 * @param symbols in the engine's order, which decides cross-rate resolution
 * @param accounts in the engine's order
 * @param holidays as last put, in their configuration order
 */
public record EngineState(
		int nextTicket,
		Instant nextEndOfDay,
		List<GroupConfig> groups,
		List<SymbolConfig> symbols,
		List<Quote> quotes,
		List<AccountImage> accounts,
		List<MarketHoliday> holidays) {

	public EngineState {
		holidays = List.copyOf(holidays);
		groups = List.copyOf(groups);
		symbols = List.copyOf(symbols);
		quotes = List.copyOf(quotes);
		accounts = List.copyOf(accounts);
	}

	/**
	 * One account's money, open orders (in the account's order) and history.
	 *
	 * @param balancePrev balance at the last daily report; {@code day*} accumulate since then
	 */
	public record AccountImage(
			AccountConfig config,
			double balance,
			double credit,
			double balancePrev,
			double dayDeposit,
			double dayCredit,
			double dayClosed,
			List<TradeRecord> openTrades,
			List<TradeRecord> history) {

		public AccountImage {
			openTrades = List.copyOf(openTrades);
			history = List.copyOf(history);
		}
	}
}
