package io.tradeport.tradeserver.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Request to open a position or place a pending order (TradeTransInfo for TT_ORDER_IE_OPEN, TT_ORDER_REQ_OPEN,
 * TT_ORDER_MK_OPEN and TT_ORDER_PENDING_OPEN).
 *
 * @param volume in 1/100 lot
 * @param price pending orders: the order price. Market orders: the price the client saw, checked
 *     as the symbol's {@link SymbolConfig.Execution} says (ignored in market execution); 0 accepts
 *     the current price
 * @param deviation allowed slippage of a market order's price in instant execution, in points
 * @param expiration pending orders only; null is good-till-cancelled
 */
public record OpenOrder(
		Login login,
		String symbol,
		TradeCommand cmd,
		int volume,
		double price,
		double sl,
		double tp,
		int deviation,
		@Nullable Instant expiration,
		String comment,
		int magic) {

	public static OpenOrder market(int login, String symbol, TradeCommand cmd, int volume) {
		return new OpenOrder(Login.of(login), symbol, cmd, volume, 0, 0, 0, 0, null, "", 0);
	}

	public static OpenOrder pending(int login, String symbol, TradeCommand cmd, int volume, double price) {
		return new OpenOrder(Login.of(login), symbol, cmd, volume, price, 0, 0, 0, null, "", 0);
	}

	public OpenOrder withStops(double sl, double tp) {
		return new OpenOrder(login, symbol, cmd, volume, price, sl, tp, deviation, expiration, comment, magic);
	}

	public OpenOrder withPrice(double price, int deviation) {
		return new OpenOrder(login, symbol, cmd, volume, price, sl, tp, deviation, expiration, comment, magic);
	}

	public OpenOrder withExpiration(@Nullable Instant expiration) {
		return new OpenOrder(login, symbol, cmd, volume, price, sl, tp, deviation, expiration, comment, magic);
	}

	public OpenOrder withComment(String comment) {
		return new OpenOrder(login, symbol, cmd, volume, price, sl, tp, deviation, expiration, comment, magic);
	}
}
