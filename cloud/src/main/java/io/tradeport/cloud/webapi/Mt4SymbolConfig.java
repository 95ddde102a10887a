package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.tradeport.gateway.v1.Symbol;

/**
 * The contract's MT4SymbolConfig, from the gateway's ConSymbol. The gateway carries the fields the trade rules use;
 * the others (feed source, colour, tick filter, execution and GTC mode, quote delay, ...) are answered with MT4's
 * defaults for a new symbol ({@link #NOT_CARRIED}), and changing them is refused rather than silently dropped.
 */
record Mt4SymbolConfig(@Nullable String symbol, @Nullable String description, @Nullable String source, @Nullable String currency,
		int type, int digits, @Nullable String tradeMode, int backgroundColor, int count, int countOriginal, int realtime,
		Instant starting, Instant expiration, @Nullable String profitCalculationMode, int filter, int filterCounter, double filterLimit,
		int filterSmoothing, int logging, int spread, int spreadBalance, @Nullable String symbolExecMode, int swapEnable,
		@Nullable String swapType, double swapLong, double swapShort, int swapRollover3Days, double contractSize, double tickValue,
		double tickSize, int stopsLevel, @Nullable String gtcMode, @Nullable String marginCalculationMode, double marginInitial,
		double marginMaintenance, double marginHedged, double marginDivider, double percentage, double point, double multiply,
		double bidTickValue, double askTickValue, int longOnly, int instantMaxVolume, @Nullable String marginCurrency,
		int freezeLevel, int marginHedgedStrong, Instant valueDate, int quotesDelay, int swapOpenPrice, int swapVariationMargin) {

	/** The contract's enum spellings, in the order of MT4's (and the gateway's) numbers. */
	static final Names TRADE_MODES = new Names("tradeMode", "No", "Close", "Full");
	static final Names PROFIT_MODES = new Names("profitCalculationMode", "Forex", "CFD", "Futures");
	static final Names MARGIN_MODES = new Names("marginCalculationMode", "Forex", "CFD", "Futures", "CFDIndex", "CFDLeverage");
	static final Names SWAP_TYPES = new Names("swapType", "Points", "Dollars", "Interest", "MarginCurrency");
	static final Names EXECUTION_MODES = new Names("symbolExecMode", "Request", "Instant", "Market");

	/** MT4's values for a new symbol, answered for what the gateway does not carry: real-time quotes on, 100 % margin. */
	static final int NOT_CARRIED = 0;
	static final int REALTIME = 1;
	static final double PERCENTAGE = 100;

	/** MT4's "not set" time. */
	private static final Instant NOT_SET = Instant.EPOCH;

	/** The gateway's modes are MT4's numbers plus one, and a server older than protocol 1.2 executes instantly. */
	static String executionMode(Symbol symbol) {
		return EXECUTION_MODES.name(symbol.getExecutionModeValue() == 0 ? 1 : symbol.getExecutionModeValue() - 1);
	}

	static Mt4SymbolConfig of(Symbol symbol) {
		return new Mt4SymbolConfig(symbol.getName(), symbol.getDescription(), null, symbol.getProfitCurrency(), symbol.getType(),
				symbol.getDigits(), TRADE_MODES.name(symbol.getTradeModeValue()), NOT_CARRIED, NOT_CARRIED, NOT_CARRIED, REALTIME, NOT_SET,
				NOT_SET, PROFIT_MODES.name(symbol.getProfitModeValue()), NOT_CARRIED, NOT_CARRIED, NOT_CARRIED, NOT_CARRIED, NOT_CARRIED,
				symbol.getSpread(), NOT_CARRIED, executionMode(symbol), symbol.getSwapEnable() ? 1 : 0, SWAP_TYPES.name(symbol.getSwapTypeValue()),
				symbol.getSwapLong(), symbol.getSwapShort(), symbol.getSwapRollover3Days(), symbol.getContractSize(), symbol.getTickValue(),
				symbol.getTickSize(), symbol.getStopsLevel(), null, MARGIN_MODES.name(symbol.getMarginModeValue()), symbol.getMarginInitial(),
				symbol.getMarginMaintenance(), symbol.getMarginHedged(), symbol.getMarginDivider(), PERCENTAGE, symbol.getPoint(),
				Math.pow(10, symbol.getDigits()), NOT_CARRIED, NOT_CARRIED, symbol.getLongOnly() ? 1 : 0, NOT_CARRIED,
				symbol.getMarginCurrency(), symbol.getFreezeLevel(), NOT_CARRIED, NOT_SET, NOT_CARRIED, symbol.getSwapOpenPrice() ? 1 : 0,
				NOT_CARRIED);
	}

	/**
	 * The contract's MT4SymbolConfigUpdate, also the body of the {@code SymbolConfig} patch: a field left out (null) keeps
	 * its value. Enums are taken by name (any case) or by MT4's number, as the .NET enum converter takes them.
	 */
	record Update(@Nullable String description, @Nullable String source, @Nullable String currency, @Nullable Integer type,
			@Nullable Integer digits, @Nullable String tradeMode, @Nullable Integer backgroundColor, @Nullable Integer realtime,
			@Nullable OffsetDateTime starting, @Nullable OffsetDateTime expiration, @Nullable String profitCalculationMode,
			@Nullable Integer filter, @Nullable Double filterLimit, @Nullable Integer filterSmoothing, @Nullable Integer logging,
			@Nullable Integer spread, @Nullable Integer spreadBalance, @Nullable String symbolExecMode, @Nullable Integer swapEnable,
			@Nullable String swapType, @Nullable Double swapLong, @Nullable Double swapShort, @Nullable Integer swapRollover3Days,
			@Nullable Double contractSize, @Nullable Double tickValue, @Nullable Double tickSize, @Nullable Integer stopsLevel,
			@Nullable String gtcMode, @Nullable String marginCalculationMode, @Nullable Double marginInitial,
			@Nullable Double marginMaintenance, @Nullable Double marginHedged, @Nullable Double marginDivider, @Nullable Double percentage,
			@Nullable Integer longOnly, @Nullable Integer instantMaxVolume, @Nullable String marginCurrency, @Nullable Integer freezeLevel,
			@Nullable Integer marginHedgedStrong, @Nullable OffsetDateTime valueDate, @Nullable Integer quotesDelay,
			@Nullable Integer swapOpenPrice, @Nullable Integer swapVariationMargin) {

		static final Update NOTHING = new Update(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null);

		/**
		 * The symbol with this update applied; every problem is reported at once, before anything is written.
		 *
		 * @throws ApiException a validation error for bad values and for changes the gateway cannot carry
		 */
		Symbol applyTo(Symbol current) {
			var problems = new ArrayList<String>();
			var notCarried = new ArrayList<String>();
			keep(notCarried, "source", source == null || source.isEmpty());
			keep(notCarried, "backgroundColor", backgroundColor == null || backgroundColor == NOT_CARRIED);
			keep(notCarried, "realtime", realtime == null || realtime == REALTIME);
			keep(notCarried, "starting", notSet(starting));
			keep(notCarried, "expiration", notSet(expiration));
			keep(notCarried, "filter", filter == null || filter == NOT_CARRIED);
			keep(notCarried, "filterLimit", filterLimit == null || filterLimit == NOT_CARRIED);
			keep(notCarried, "filterSmoothing", filterSmoothing == null || filterSmoothing == NOT_CARRIED);
			keep(notCarried, "logging", logging == null || logging == NOT_CARRIED);
			keep(notCarried, "spreadBalance", spreadBalance == null || spreadBalance == NOT_CARRIED);
			keep(notCarried, "gtcMode", gtcMode == null);
			keep(notCarried, "percentage", percentage == null || percentage == PERCENTAGE);
			keep(notCarried, "instantMaxVolume", instantMaxVolume == null || instantMaxVolume == NOT_CARRIED);
			keep(notCarried, "marginHedgedStrong", marginHedgedStrong == null || marginHedgedStrong == NOT_CARRIED);
			keep(notCarried, "valueDate", notSet(valueDate));
			keep(notCarried, "quotesDelay", quotesDelay == null || quotesDelay == NOT_CARRIED);
			keep(notCarried, "swapVariationMargin", swapVariationMargin == null || swapVariationMargin == NOT_CARRIED);
			if (!notCarried.isEmpty()) {
				problems.add("the platform's gateway does not carry " + String.join(", ", notCarried)
						+ "; leave them out or at the values CfgRequestSymbol answers");
			}
			check(problems, description == null || description.length() <= 64, "description has at most 64 characters");
			check(problems, currency == null || currency.length() <= 12, "currency has at most 12 characters");
			check(problems, marginCurrency == null || marginCurrency.length() <= 12, "marginCurrency has at most 12 characters");
			check(problems, type == null || (type >= 0 && type <= 31), "type is a symbol group index, 0 to 31");
			check(problems, digits == null || (digits >= 0 && digits <= 8), "digits must be between 0 and 8");
			check(problems, swapRollover3Days == null || (swapRollover3Days >= 1 && swapRollover3Days <= 7),
					"swapRollover3Days is a day of the week, 1 to 7");
			check(problems, contractSize == null || contractSize > 0, "contractSize must be positive");
			for (var nonNegative : new Object[][] { { "spread", spread }, { "stopsLevel", stopsLevel }, { "freezeLevel", freezeLevel },
					{ "tickValue", tickValue }, { "tickSize", tickSize }, { "marginInitial", marginInitial },
					{ "marginMaintenance", marginMaintenance }, { "marginHedged", marginHedged }, { "marginDivider", marginDivider } }) {
				check(problems, nonNegative[1] == null || ((Number) nonNegative[1]).doubleValue() >= 0, nonNegative[0] + " must not be negative");
			}
			var builder = current.toBuilder();
			set(problems, TRADE_MODES, tradeMode, builder::setTradeModeValue);
			set(problems, PROFIT_MODES, profitCalculationMode, builder::setProfitModeValue);
			set(problems, MARGIN_MODES, marginCalculationMode, builder::setMarginModeValue);
			set(problems, SWAP_TYPES, swapType, builder::setSwapTypeValue);
			set(problems, EXECUTION_MODES, symbolExecMode, mode -> builder.setExecutionModeValue(mode + 1));
			if (!problems.isEmpty()) {
				throw ApiException.validation(String.join("; ", problems));
			}
			ifSet(description, builder::setDescription);
			ifSet(currency, builder::setProfitCurrency);
			ifSet(marginCurrency, builder::setMarginCurrency);
			ifSet(type, builder::setType);
			ifSet(digits, value -> builder.setDigits(value).setPoint(Math.pow(10, -value)));
			ifSet(spread, builder::setSpread);
			ifSet(swapEnable, value -> builder.setSwapEnable(value != 0));
			ifSet(swapLong, builder::setSwapLong);
			ifSet(swapShort, builder::setSwapShort);
			ifSet(swapRollover3Days, builder::setSwapRollover3Days);
			ifSet(contractSize, builder::setContractSize);
			ifSet(tickValue, builder::setTickValue);
			ifSet(tickSize, builder::setTickSize);
			ifSet(stopsLevel, builder::setStopsLevel);
			ifSet(marginInitial, builder::setMarginInitial);
			ifSet(marginMaintenance, builder::setMarginMaintenance);
			ifSet(marginHedged, builder::setMarginHedged);
			ifSet(marginDivider, builder::setMarginDivider);
			ifSet(longOnly, value -> builder.setLongOnly(value != 0));
			ifSet(freezeLevel, builder::setFreezeLevel);
			ifSet(swapOpenPrice, value -> builder.setSwapOpenPrice(value != 0));
			return builder.build();
		}

		private static <T> void ifSet(@Nullable T value, java.util.function.Consumer<T> setter) {
			if (value != null) {
				setter.accept(value);
			}
		}

		/** MT4 writes an unset time as 1970-01-01; .NET clients send their DateTime.MinValue. */
		private static boolean notSet(@Nullable OffsetDateTime time) {
			return time == null || !time.toInstant().isAfter(NOT_SET);
		}

		private static void keep(List<String> notCarried, String field, boolean unchanged) {
			if (!unchanged) {
				notCarried.add(field);
			}
		}

		private static void check(List<String> problems, boolean ok, String problem) {
			if (!ok) {
				problems.add(problem);
			}
		}

		private static void set(List<String> problems, Names names, @Nullable String value, java.util.function.IntConsumer setter) {
			if (value == null) {
				return;
			}
			var number = names.number(value);
			if (number < 0) {
				problems.add(names.field() + " is one of " + names.names());
			}
			else {
				setter.accept(number);
			}
		}
	}

	/** An MT4 enum as the contract spells it: names in the order of their numbers. */
	record Names(String field, List<String> names) {

		Names(String field, String... names) {
			this(field, List.of(names));
		}

		/** A number the contract has no name for is passed on as the number, as the contract does for result codes. */
		String name(int number) {
			return number >= 0 && number < names.size() ? names.get(number) : Integer.toString(number);
		}

		/** The number of a name (any case) or of a number in range; -1 for anything else. */
		int number(String value) {
			for (var i = 0; i < names.size(); i++) {
				if (names.get(i).toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
					return i;
				}
			}
			try {
				var number = Integer.parseInt(value.trim());
				return number >= 0 && number < names.size() ? number : -1;
			}
			catch (NumberFormatException notANumber) {
				return -1;
			}
		}
	}
}
