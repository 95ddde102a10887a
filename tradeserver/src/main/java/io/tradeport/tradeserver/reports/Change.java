package io.tradeport.tradeserver.reports;

import java.time.Instant;

import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.TradeRecord;

/**
 * An engine event as queued for the writer. {@code seq} orders events against snapshots: both are
 * produced on the engine thread, so a snapshot taken at sequence n is newer than every event up
 * to n and older than every later one.
 */
sealed interface Change {

	long seq();

	/** @param at when the engine made the change; becomes the row's TIMESTAMP */
	record TradeChange(long seq, TradeRecord trade, Instant at) implements Change {
	}

	/** A position deleted without closing: its row goes, as if it had never been opened. */
	record TradeDeleted(long seq, int ticket) implements Change {
	}

	record AccountChange(long seq, AccountState account, Instant at) implements Change {
	}

	record QuoteChange(long seq, Quote quote) implements Change {
	}
}
