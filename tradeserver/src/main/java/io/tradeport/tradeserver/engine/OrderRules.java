package io.tradeport.tradeserver.engine;

/** MT4's price rules for orders: stops and freeze levels, and when pending orders and SL/TP trigger. */
final class OrderRules {

	private OrderRules() {
	}

	/** SL/TP of a position are measured from the price it would close at. */
	static ReturnCode checkPositionStops(SymbolState symbol, boolean buy, double sl, double tp) {
		double market = symbol.closePrice(buy);
		double distance = symbol.config.stopsLevel() * symbol.point;
		double eps = symbol.point / 10;
		if (sl > 0 && !farEnough(buy ? market - sl : sl - market, distance, eps)) {
			return ReturnCode.TRADE_BAD_STOPS;
		}
		if (tp > 0 && !farEnough(buy ? tp - market : market - tp, distance, eps)) {
			return ReturnCode.TRADE_BAD_STOPS;
		}
		return ReturnCode.OK;
	}

	/**
	 * The order price must be on the right side of the market by at least the stops level, and
	 * SL/TP at least that far from the order price; MT4 answers 130 (invalid stops) for all three.
	 */
	static ReturnCode checkPendingPrice(SymbolState symbol, TradeCommand cmd, double price, double sl,
			double tp) {
		double distance = symbol.config.stopsLevel() * symbol.point;
		double eps = symbol.point / 10;
		double gap = switch (cmd) {
			case BUY_LIMIT -> symbol.ask - price;
			case SELL_LIMIT -> price - symbol.bid;
			case BUY_STOP -> price - symbol.ask;
			case SELL_STOP -> symbol.bid - price;
			default -> throw new IllegalArgumentException(cmd.name());
		};
		if (!(price > 0) || !farEnough(gap, distance, eps)) {
			return ReturnCode.TRADE_BAD_STOPS;
		}
		boolean buy = cmd.isBuy();
		if (sl > 0 && !farEnough(buy ? price - sl : sl - price, distance, eps)) {
			return ReturnCode.TRADE_BAD_STOPS;
		}
		if (tp > 0 && !farEnough(buy ? tp - price : price - tp, distance, eps)) {
			return ReturnCode.TRADE_BAD_STOPS;
		}
		return ReturnCode.OK;
	}

	private static boolean farEnough(double gap, double distance, double eps) {
		return gap > eps && gap >= distance - eps;
	}

	/** Within the freeze level the dealer may already be acting on the order, so it cannot change. */
	static boolean isFrozen(Trade trade) {
		SymbolState symbol = trade.symbol;
		double freeze = symbol.config.freezeLevel() * symbol.point;
		if (freeze <= 0) {
			return false;
		}
		double eps = symbol.point / 10;
		if (trade.cmd.isPending()) {
			double market = symbol.openPrice(trade.isBuy());
			return Math.abs(market - trade.openPrice) < freeze - eps;
		}
		double market = symbol.closePrice(trade.isBuy());
		return (trade.sl > 0 && Math.abs(market - trade.sl) < freeze - eps)
				|| (trade.tp > 0 && Math.abs(market - trade.tp) < freeze - eps);
	}

	static boolean pendingHit(Trade t, SymbolState symbol) {
		return switch (t.cmd) {
			case BUY_LIMIT -> symbol.ask <= t.openPrice;
			case BUY_STOP -> symbol.ask >= t.openPrice;
			case SELL_LIMIT -> symbol.bid >= t.openPrice;
			case SELL_STOP -> symbol.bid <= t.openPrice;
			default -> false;
		};
	}

	static boolean stopLossHit(Trade t, double market) {
		return t.sl > 0 && (t.isBuy() ? market <= t.sl : market >= t.sl);
	}

	static boolean takeProfitHit(Trade t, double market) {
		return t.tp > 0 && (t.isBuy() ? market >= t.tp : market <= t.tp);
	}
}
