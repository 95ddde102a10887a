package io.tradeport.tradeserver.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Request to change an order (TT_ORDER_MODIFY).
 *
 * @param price new pending price; ignored for positions
 * @param sl 0 removes the stop loss
 * @param tp 0 removes the take profit
 * @param expiration pending orders only; null is good-till-cancelled
 */
public record ModifyOrder(Ticket ticket, double price, double sl, double tp, @Nullable Instant expiration) {

	public static ModifyOrder stops(int ticket, double sl, double tp) {
		return new ModifyOrder(Ticket.of(ticket), 0, sl, tp, null);
	}
}
