package io.tradeport.tradeserver.engine;

/**
 * Manager/Server API return codes. The numbers are MT4's, so gateways can pass them through
 * unchanged; the trade codes equal the MQL4 error numbers.
 */
public enum ReturnCode {

	OK(0), OK_NONE(1), ERROR(2), INVALID_DATA(3), TECH_PROBLEM(4), NOT_ENOUGH_RIGHTS(7),
	ACCOUNT_DISABLED(64), BAD_ACCOUNT_INFO(65),
	TRADE_TIMEOUT(128), TRADE_BAD_PRICES(129), TRADE_BAD_STOPS(130), TRADE_BAD_VOLUME(131),
	TRADE_MARKET_CLOSED(132), TRADE_DISABLE(133), TRADE_NO_MONEY(134), TRADE_PRICE_CHANGED(135),
	TRADE_OFFQUOTES(136), TRADE_BROKER_BUSY(137), TRADE_REQUOTE(138), TRADE_ORDER_LOCKED(139),
	TRADE_LONG_ONLY(140), TRADE_TOO_MANY_REQ(141), TRADE_MODIFY_DENIED(145),
	TRADE_EXPIRATION_DENIED(147), TRADE_TOO_MANY_ORDERS(148), TRADE_HEDGE_PROHIBITED(149),
	TRADE_PROHIBITED_BY_FIFO(150);

	private final int code;

	ReturnCode(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}
}
