package io.tradeport.tradeserver.engine;

/**
 * Receives the engine's changes, like an MT4 pumping connection. Called on the engine's thread
 * while it processes the command or tick, so implementations must be quick and must not call back
 * into the engine; hand the event over to another thread or queue.
 *
 * <p>Floating profit changes of every open trade on every tick are deliberately not reported
 * one by one: at a million open trades that would dominate the engine's time. Consumers that need
 * them read {@link TradeEngine#marginLevel} or snapshots on their own schedule.
 */
public interface EngineListener {

	EngineListener NONE = new EngineListener() {
	};

	/** A position was opened or a pending order placed (TRANS_ADD). */
	default void tradeOpened(TradeRecord trade) {
	}

	/** SL/TP/price/expiration changed, a pending order triggered, or swaps were charged (TRANS_UPDATE). */
	default void tradeModified(TradeRecord trade) {
	}

	/**
	 * A position was closed, a pending order deleted or expired, or a balance/credit record written
	 * (those are closed from birth).
	 */
	default void tradeClosed(TradeRecord trade) {
	}

	/**
	 * A dealer deleted a position without closing it (TT_BR_ORDER_DELETE): it is gone as if it had
	 * never been opened, and nothing was booked (no history record, balance unchanged). The record is
	 * the position as it was when deleted.
	 */
	default void tradeDeleted(TradeRecord trade) {
	}

	/** Balance, credit or account settings changed. */
	default void accountChanged(AccountState account) {
	}

	/** The account's level type changed (OK, margin call, stop-out). */
	default void marginLevelChanged(MarginLevel level) {
	}

	default void tickApplied(Quote quote) {
	}

	default void dailyReport(DailyReport report) {
	}
}
