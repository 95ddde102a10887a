package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.util.Map;

import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeState;

/** The contract's MT4Trade, from the gateway's trade record. */
record Mt4Trade(int order, int login, String symbol, int digits, String tradeCommand, int volume, double volumeLots,
		String tradeRecordState, double openPrice, double sl, double tp, Instant openTime, Instant closeTime, double closePrice,
		double commission, double commissionAgent, double storage, double profit, double taxes, int magic, String comment,
		Instant expiration, String tradeRecordReason, String activationType, Instant timeStamp, double marginRate) {

	private static final Map<TradeCommand, String> COMMANDS = Map.of(TradeCommand.BUY, "Buy", TradeCommand.SELL, "Sell",
			TradeCommand.BUY_LIMIT, "BuyLimit", TradeCommand.SELL_LIMIT, "SellLimit", TradeCommand.BUY_STOP, "BuyStop",
			TradeCommand.SELL_STOP, "SellStop", TradeCommand.BALANCE, "Balance", TradeCommand.CREDIT, "Credit");

	private static final Map<TradeState, String> STATES = Map.of(TradeState.TRADE_STATE_OPEN_NORMAL, "OpenNormal",
			TradeState.TRADE_STATE_OPEN_REMAND, "OpenRemand", TradeState.TRADE_STATE_OPEN_RESTORED, "OpenRestored",
			TradeState.TRADE_STATE_CLOSED_NORMAL, "ClosedNormal", TradeState.TRADE_STATE_CLOSED_PART, "ClosedPart",
			TradeState.TRADE_STATE_CLOSED_BY, "ClosedBy", TradeState.TRADE_STATE_DELETED, "Deleted");

	/** MT4's "not set" time, as the wrapper writes it. */
	private static final Instant NONE = Instant.EPOCH;

	static Mt4Trade of(Trade trade) {
		return new Mt4Trade(trade.getOrder(), trade.getLogin(), trade.getSymbol(), trade.getDigits(),
				COMMANDS.getOrDefault(trade.getCmd(), "Buy"), trade.getVolume(), trade.getVolume() / 100.0,
				STATES.getOrDefault(trade.getState(), "OpenNormal"), trade.getOpenPrice(), trade.getSl(), trade.getTp(),
				time(trade.getOpenTime()), time(trade.getCloseTime()), trade.getClosePrice(), trade.getCommission(), 0,
				trade.getStorage(), trade.getProfit(), 0, trade.getMagic(), trade.getComment(), time(trade.getExpiration()),
				"Dealer", "None", time(trade.getOpenTime()), trade.getMarginRate());
	}

	private static Instant time(long epochMillis) {
		return epochMillis == 0 ? NONE : Instant.ofEpochMilli(epochMillis);
	}

}
