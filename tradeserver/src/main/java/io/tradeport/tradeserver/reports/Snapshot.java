package io.tradeport.tradeserver.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;

/**
 * The engine's state at event sequence {@code seq}, taken on the engine thread.
 *
 * @param full also carries every account's history (closed trades, deleted orders, balance and
 *     credit records): the reconciliation pass. Otherwise only the values that change without
 *     events: accounts' money, open trades' floating profit and the last quotes.
 * @param trades open trades, then (when full) history
 */
record Snapshot(
		long seq,
		Instant at,
		boolean full,
		List<AccountState> accounts,
		List<TradeRecord> trades,
		List<Quote> quotes,
		Map<String, Integer> digits) {

	static Snapshot take(TradeEngine engine, long seq, Instant at, boolean full) {
		List<AccountState> accounts = engine.accounts();
		List<TradeRecord> trades = new ArrayList<>(engine.allOpenTrades());
		if (full) {
			for (AccountState account : accounts) {
				trades.addAll(engine.history(account.login()));
			}
		}
		List<Quote> quotes = new ArrayList<>();
		Map<String, Integer> digits = new HashMap<>();
		for (SymbolConfig symbol : engine.symbols()) {
			digits.put(symbol.name(), symbol.digits());
			engine.quote(symbol.name()).ifPresent(quotes::add);
		}
		return new Snapshot(seq, at, full, accounts, trades, quotes, digits);
	}
}
