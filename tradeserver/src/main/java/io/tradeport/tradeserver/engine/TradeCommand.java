package io.tradeport.tradeserver.engine;

/** TradeRecord.cmd; ordinal order equals the MT4 OP_* number. */
public enum TradeCommand {

	BUY, SELL, BUY_LIMIT, SELL_LIMIT, BUY_STOP, SELL_STOP, BALANCE, CREDIT;

	private static final TradeCommand[] VALUES = values();

	public int code() {
		return ordinal();
	}

	public static TradeCommand ofCode(int code) {
		return VALUES[code];
	}

	public boolean isMarket() {
		return this == BUY || this == SELL;
	}

	public boolean isPending() {
		return ordinal() >= 2 && ordinal() <= 5;
	}

	/** Buy side: opens at ask and is valued (closed) at bid. */
	public boolean isBuy() {
		return this == BUY || this == BUY_LIMIT || this == BUY_STOP;
	}

	/** The market position a pending order becomes when it triggers. */
	public TradeCommand positionCommand() {
		return isBuy() ? BUY : SELL;
	}
}
