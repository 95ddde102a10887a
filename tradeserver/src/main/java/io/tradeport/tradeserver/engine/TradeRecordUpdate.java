package io.tradeport.tradeserver.engine;

import org.jspecify.annotations.Nullable;

/**
 * An administrator's direct edit of a trade record (MT4's AdmTradeRecordModify): every null field
 * keeps its value. It bypasses the trade rules (stops level, freeze level, market hours) because
 * it is a back-office correction, not a trade.
 *
 * @param openPrice open orders only: the open price (positions are revalued from it)
 * @param closePrice closed orders only
 * @param profit closed orders only; as in MT4 the balance is not touched, so
 *        AdmBalanceCheck then shows the difference and AdmBalanceFix applies it
 */
public record TradeRecordUpdate(Ticket ticket, @Nullable Double openPrice, @Nullable Double closePrice,
		@Nullable Double sl, @Nullable Double tp, @Nullable String comment, @Nullable Integer magic,
		@Nullable Double commission, @Nullable Double storage, @Nullable Double profit) {
}
