package io.tradeport.tradeserver.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.TradeRecord;

/**
 * Rows waiting to be written, coalesced by primary key: a later state of a ticket, login or symbol
 * replaces the earlier one, so a burst of events costs one upsert per row. Writer thread only.
 * After a failed write the same unit is retried as a whole; every statement is an upsert, so the
 * part that was already committed is simply written again.
 */
final class WriteUnit {

	/**
	 * @param at when the engine made the change (or the snapshot was taken)
	 * @param firstAt the earliest change merged into this row; an account's REGDATE when the row is new
	 */
	record Stamped<T>(T value, Instant at, Instant firstAt) {

		Stamped(T value, Instant at) {
			this(value, at, at);
		}

		Stamped<T> then(Stamped<T> later) {
			return new Stamped<>(later.value, later.at, firstAt);
		}
	}

	/** @param direction 0 up, 1 down, 2 none (SDIR_*) */
	record PriceRow(Quote quote, double low, double high, int direction) {
	}

	final Map<Integer, Stamped<TradeRecord>> trades = new LinkedHashMap<>();
	/** Rows to delete: positions deleted without closing. Never also in {@link #trades}. */
	final BitSet deletedTrades = new BitSet();
	final Map<Integer, Stamped<AccountState>> users = new LinkedHashMap<>();
	final Map<String, PriceRow> prices = new LinkedHashMap<>();
	final List<DailyReport> daily = new ArrayList<>();

	boolean isEmpty() {
		return trades.isEmpty() && deletedTrades.isEmpty() && users.isEmpty() && prices.isEmpty() && daily.isEmpty();
	}

	int size() {
		return trades.size() + deletedTrades.cardinality() + users.size() + prices.size() + daily.size();
	}

	void add(Change change, PriceTracker tracker) {
		switch (change) {
			case Change.TradeChange c -> {
				// A deleted ticket that comes back (restored from a backup) is written again.
				deletedTrades.clear(c.trade().ticket().value());
				trades.put(c.trade().ticket().value(), new Stamped<>(c.trade(), c.at()));
			}
			case Change.TradeDeleted c -> {
				trades.remove(c.ticket());
				deletedTrades.set(c.ticket());
			}
			case Change.AccountChange c -> users.merge(c.account().login().value(), new Stamped<>(c.account(), c.at()),
					Stamped::then);
			case Change.QuoteChange c -> prices.put(c.quote().symbol(), tracker.apply(c.quote()));
		}
	}

	/**
	 * @param closedInDatabase tickets already stored as closed; closed records never change in the
	 *     engine, so a reconciliation need not write them again
	 * @param openInDatabase tickets stored as open (CLOSE_TIME 1970); those the engine no longer
	 *     has at all were deleted without closing while the replicator missed it, and their rows go
	 */
	void add(Snapshot snapshot, PriceTracker tracker, BitSet closedInDatabase, BitSet openInDatabase) {
		for (AccountState account : snapshot.accounts()) {
			users.merge(account.login().value(), new Stamped<>(account, snapshot.at()), Stamped::then);
		}
		BitSet gone = (BitSet) openInDatabase.clone();
		for (TradeRecord trade : snapshot.trades()) {
			int ticket = trade.ticket().value();
			gone.clear(ticket);
			if (trade.isOpen() || !closedInDatabase.get(ticket)) {
				deletedTrades.clear(ticket);
				trades.put(ticket, new Stamped<>(trade, snapshot.at()));
			}
		}
		for (int ticket = gone.nextSetBit(0); ticket >= 0; ticket = gone.nextSetBit(ticket + 1)) {
			trades.remove(ticket);
			deletedTrades.set(ticket);
		}
		for (Quote quote : snapshot.quotes()) {
			prices.put(quote.symbol(), tracker.apply(quote));
		}
	}

	/**
	 * Day low/high and direction of the bid, as MT4's SymbolInfo has them. Only ticks this writer
	 * saw are known here; the upsert merges them with the stored row, so a restart keeps the
	 * day's extremes.
	 */
	static final class PriceTracker {

		private final ZoneId zone;
		private final Map<String, PriceRow> last = new HashMap<>();

		PriceTracker(ZoneId zone) {
			this.zone = zone;
		}

		PriceRow apply(Quote quote) {
			PriceRow previous = last.get(quote.symbol());
			double bid = quote.bid();
			PriceRow row;
			if (previous == null || !day(previous.quote().time()).equals(day(quote.time()))) {
				row = new PriceRow(quote, bid, bid, previous == null ? 2 : direction(previous.quote().bid(), bid));
			}
			else {
				int direction = bid == previous.quote().bid() ? previous.direction() : direction(previous.quote().bid(), bid);
				row = new PriceRow(quote, Math.min(previous.low(), bid), Math.max(previous.high(), bid), direction);
			}
			last.put(quote.symbol(), row);
			return row;
		}

		private static int direction(double before, double after) {
			return after > before ? 0 : after < before ? 1 : 2;
		}

		private LocalDate day(Instant time) {
			return time.atZone(zone).toLocalDate();
		}
	}
}
