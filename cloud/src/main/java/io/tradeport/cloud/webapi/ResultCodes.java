package io.tradeport.cloud.webapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contract's {@code ResultCode}: MT4 return codes by the wrapper's names ({@code TradeNoMoney} for MT4's
 * {@code TRADE_NO_MONEY}). A code without a name is sent as its number, as the contract says.
 */
final class ResultCodes {

	private static final List<String> NAMES = List.of("Ok", "OkNone", "Error", "InvalidData", "TechProblem", "OldVersion", "NoConnect", "NotEnoughRights", "TooFrequent", "Malfunction", "GenerateKey", "SecuritySession", "InvalidCompany", "AccountDisabled", "BadAccountInfo", "PublicKeyMissing", "TradeTimeout", "TradeBadPrices", "TradeBadStops", "TradeBadVolume", "TradeMarketClosed", "TradeDisable", "TradeNoMoney", "TradePriceChanged", "TradeOffquotes", "TradeBrokerBusy", "TradeRequote", "TradeOrderLocked", "TradeLongOnly", "TradeTooManyReq", "TradeAccepted", "TradeProcess", "TradeUserCancel", "TradeModifyDenied", "TradeContextBusy", "TradeExpirationDenied", "TradeTooManyOrders", "TradeHedgeProhibited", "TradeProhibitedByFIFO", "UnhandledException");

	private static final Map<String, String> BY_KEY = NAMES.stream()
		.collect(Collectors.toMap(name -> name.toLowerCase(Locale.ROOT), Function.identity()));

	private ResultCodes() {
	}

	static Object of(String mt4Name, int code) {
		var name = BY_KEY.get(mt4Name.replace("_", "").toLowerCase(Locale.ROOT));
		return name != null ? name : code;
	}
}
