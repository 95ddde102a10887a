package io.tradeport.tradeserver.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Immutable snapshot of an order, shaped like MT4's TradeRecord. Money is in the account currency;
 * balance and credit records carry their signed amount in {@code profit} and an empty symbol.
 *
 * @param volume in 1/100 lot
 * @param closeTime null while the position or pending order is live (MT4 stores 1970-01-01)
 * @param expiration null for good-till-cancelled pending orders
 * @param closePrice while open, the current price the order would close (or trigger) at
 * @param convRateOpen profit currency to account currency rate at open (conv_rates[0])
 * @param convRateClose the same rate at close (conv_rates[1]); 0 while open
 * @param storage accumulated swaps
 * @param marginRate margin currency to account currency rate fixed at open
 */
public record TradeRecord(
		Ticket ticket,
		Login login,
		String symbol,
		int digits,
		TradeCommand cmd,
		int volume,
		Instant openTime,
		double openPrice,
		double sl,
		double tp,
		@Nullable Instant closeTime,
		@Nullable Instant expiration,
		double closePrice,
		double convRateOpen,
		double convRateClose,
		double commission,
		double storage,
		double profit,
		double marginRate,
		String comment,
		int magic) {

	public boolean isOpen() {
		return closeTime == null;
	}

	public double lots() {
		return volume / 100.0;
	}
}
