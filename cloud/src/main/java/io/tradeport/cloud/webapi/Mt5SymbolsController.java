package io.tradeport.cloud.webapi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.MarginMode;
import io.tradeport.gateway.v1.ProfitMode;
import io.tradeport.gateway.v1.SwapType;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.SymbolTradeMode;

/** {@code MT5 v2 :: Symbols}: a symbol from the pumping cache ({@code SymbolGet}), changed on the server ({@code SymbolRecord}). */
@RestController
class Mt5SymbolsController {

	/**
	 * The contract's MT5Symbol, from the gateway's symbol (MT4's ConSymbol): of its 113 fields those an MT4 symbol has
	 * are filled, the others are null. Volumes limits, execution and filling modes are the group's in MT4, so null here.
	 * {@code sessionTrade} lists the trade sessions by day, Sunday first; MT4 keeps no separate quote sessions.
	 */
	record MT5Symbol(@Nullable String symbol, @Nullable String path, @Nullable String isin, @Nullable String description,
			@Nullable String international, @Nullable String basis, @Nullable String source, @Nullable String page,
			@Nullable String currencyBase, @Nullable Integer currencyBaseDigits, @Nullable String currencyProfit,
			@Nullable Integer currencyProfitDigits, @Nullable String currencyMargin, @Nullable Integer currencyMarginDigits,
			@Nullable Integer color, @Nullable Integer colorBackground, @Nullable Integer digits, @Nullable Double point,
			@Nullable Double multiply, @AbsentWhenNull @Nullable String tickFlags, @Nullable Integer tickBookDepth,
			@Nullable Integer filterSoft, @Nullable Integer filterSoftTicks, @Nullable Integer filterHard,
			@Nullable Integer filterHardTicks, @Nullable Integer filterDiscard, @Nullable Integer filterSpreadMax,
			@Nullable Integer filterSpreadMin, @AbsentWhenNull @Nullable String tradeMode,
			@AbsentWhenNull @Nullable String calcMode, @AbsentWhenNull @Nullable String execMode,
			@AbsentWhenNull @Nullable String gtcMode, @AbsentWhenNull @Nullable String fillFlags,
			@AbsentWhenNull @Nullable String expirFlags, @Nullable Integer spread, @Nullable Integer spreadBalance,
			@Nullable Integer spreadDiff, @Nullable Integer spreadDiffBalance, @Nullable Double tickValue,
			@Nullable Double tickSize, @Nullable Double contractSize, @Nullable Integer stopsLevel,
			@Nullable Integer freezeLevel, @Nullable Integer quotesTimeout, @Nullable Long volumeMin, @Nullable Long volumeMax,
			@Nullable Long volumeStep, @Nullable Long volumeLimit, @AbsentWhenNull @Nullable String marginFlags,
			@Nullable Double marginInitial, @Nullable Double marginMaintenance, @Nullable Double marginLong,
			@Nullable Double marginShort, @Nullable Double marginLimit, @Nullable Double marginStop,
			@Nullable Double marginStopLimit, @AbsentWhenNull @Nullable String swapMode, @Nullable Double swapLong,
			@Nullable Double swapShort, @AbsentWhenNull @Nullable String swap3Day, @Nullable Instant timeStart,
			@Nullable Instant timeExpiration, @Nullable List<List<MT5SymbolSession>> sessionQuote,
			@Nullable List<List<MT5SymbolSession>> sessionTrade, @AbsentWhenNull @Nullable String reFlags,
			@Nullable Integer reTimeout, @AbsentWhenNull @Nullable String ieCheckMode, @Nullable Integer ieTimeout,
			@Nullable Integer ieSlipProfit, @Nullable Integer ieSlipLosing, @Nullable Long ieVolumeMax,
			@Nullable Double priceSettle, @Nullable Double priceLimitMax, @Nullable Double priceLimitMin,
			@AbsentWhenNull @Nullable String tradeFlags, @AbsentWhenNull @Nullable String orderFlags,
			@Nullable Map<String, Double> marginRateInitial, @Nullable Map<String, Double> marginRateMaintenance,
			@AbsentWhenNull @Nullable String optionsMode, @Nullable Double priceStrike, @Nullable Double marginRateLiquidity,
			@Nullable Double faceValue, @Nullable Double accruedInterest, @AbsentWhenNull @Nullable String spliceType,
			@AbsentWhenNull @Nullable String spliceTimeType, @Nullable Integer spliceTimeDays, @Nullable Double marginHedged,
			@Nullable Double marginRateCurrency, @Nullable Integer filterGap, @Nullable Integer filterGapTicks,
			@AbsentWhenNull @Nullable String chartMode, @AbsentWhenNull @Nullable String ieFlags, @Nullable Long volumeMinExt,
			@Nullable Long volumeMaxExt, @Nullable Long volumeStepExt, @Nullable Long volumeLimitExt,
			@Nullable Long ieVolumeMaxExt, @Nullable String category, @Nullable String exchange, @Nullable String cfi,
			@AbsentWhenNull @Nullable String sector, @AbsentWhenNull @Nullable String industry, @Nullable String country,
			@Nullable Integer subscriptionsDelay, @Nullable Integer swapYearDays, @AbsentWhenNull @Nullable String swapFlags,
			@Nullable Double swapRateSunday, @Nullable Double swapRateMonday, @Nullable Double swapRateTuesday,
			@Nullable Double swapRateWednesday, @Nullable Double swapRateThursday, @Nullable Double swapRateFriday,
			@Nullable Double swapRateSaturday) {

		/** Built from the fields it has, by name: the other hundred stay null without a hundred positional nulls. */
		static MT5Symbol of(Symbol s) {
			var known = new LinkedHashMap<String, @Nullable Object>();
			known.put("symbol", s.getName());
			known.put("description", s.getDescription());
			known.put("currencyBase", s.getMarginCurrency());
			known.put("currencyProfit", s.getProfitCurrency());
			known.put("currencyMargin", s.getMarginCurrency());
			known.put("digits", s.getDigits());
			known.put("point", s.getPoint());
			known.put("tradeMode", tradeMode(s));
			known.put("calcMode", CALC_MODES.get(s.getMarginMode()));
			known.put("spread", s.getSpread());
			known.put("tickValue", s.getTickValue());
			known.put("tickSize", s.getTickSize());
			known.put("contractSize", s.getContractSize());
			known.put("stopsLevel", s.getStopsLevel());
			known.put("freezeLevel", s.getFreezeLevel());
			known.put("marginInitial", s.getMarginInitial());
			known.put("marginMaintenance", s.getMarginMaintenance());
			known.put("marginHedged", s.getMarginHedged());
			known.put("swapMode", swapMode(s));
			known.put("swapLong", s.getSwapLong());
			known.put("swapShort", s.getSwapShort());
			known.put("swap3Day", s.getSwapRollover3Days() == 0 ? null : DAYS.get(s.getSwapRollover3Days() % 7));
			known.put("sessionTrade", sessions(s));
			return DTO.convertValue(known, MT5Symbol.class);
		}

		private static String tradeMode(Symbol s) {
			return switch (s.getTradeMode()) {
				case SYMBOL_TRADE_DISABLED -> "Disabled";
				case SYMBOL_TRADE_CLOSE_ONLY -> "CloseOnly";
				default -> s.getLongOnly() ? "LongOnly" : "Full";
			};
		}

		private static String swapMode(Symbol s) {
			if (!s.getSwapEnable()) {
				return "Disabled";
			}
			return switch (s.getSwapType()) {
				case SWAP_BASE_CURRENCY -> "BySymbolCurrency";
				case SWAP_INTEREST -> "ByInterestCurrent";
				case SWAP_MARGIN_CURRENCY -> "ByMarginCurrency";
				default -> "ByPoints";
			};
		}

		/** Seven days, Sunday first as MT5 counts them; a symbol without sessions listed trades around the clock. */
		private static List<List<MT5SymbolSession>> sessions(Symbol s) {
			var days = new ArrayList<List<MT5SymbolSession>>();
			for (var day = 0; day < 7; day++) {
				days.add(s.getSessionsCount() == 0 ? List.of(MT5SymbolSession.of(0, 1440)) : new ArrayList<>());
			}
			for (var day : s.getSessionsList()) {
				day.getTradeList().forEach(window -> days.get(day.getDayOfWeek() % 7)
					.add(MT5SymbolSession.of(window.getFromMinute(), window.getToMinute())));
			}
			return days;
		}
	}

	record MT5SymbolSession(@Nullable Integer open, @Nullable Integer openHours, @Nullable Integer openMinutes,
			@Nullable Integer close, @Nullable Integer closeHours, @Nullable Integer closeMinutes) {

		static MT5SymbolSession of(int from, int to) {
			return new MT5SymbolSession(from, from / 60, from % 60, to, to / 60, to % 60);
		}
	}

	/** Fails on a field name the DTO does not have, so a misspelt name in {@link MT5Symbol#of} cannot go unnoticed. */
	private static final JsonMapper DTO = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	/** MT5's one calculation mode stands for MT4's margin mode (with the profit mode that goes with it). */
	private static final Map<MarginMode, String> CALC_MODES = Map.of(MarginMode.MARGIN_FOREX, "Forex", MarginMode.MARGIN_CFD, "Cfd",
			MarginMode.MARGIN_FUTURES, "Futures", MarginMode.MARGIN_CFD_INDEX, "CfdIndex", MarginMode.MARGIN_CFD_LEVERAGE, "CfdLeverage");

	private static final Map<String, ProfitMode> PROFIT_MODES = Map.of("Forex", ProfitMode.PROFIT_FOREX, "Cfd", ProfitMode.PROFIT_CFD,
			"Futures", ProfitMode.PROFIT_FUTURES, "CfdIndex", ProfitMode.PROFIT_CFD, "CfdLeverage", ProfitMode.PROFIT_CFD);

	private static final List<String> DAYS = List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday");

	/** What the gateway's symbol keeps; {@code point} follows from {@code digits}. */
	private static final Set<String> WRITABLE = Set.of("description", "digits", "contractSize", "currencyBase", "currencyProfit",
			"currencyMargin", "tickValue", "tickSize", "marginInitial", "marginMaintenance", "marginHedged", "spread", "stopsLevel",
			"freezeLevel", "tradeMode", "calcMode", "swapMode", "swapLong", "swapShort", "swap3Day");

	private final PlatformPumps pumps;
	private final PlatformConnections connections;

	Mt5SymbolsController(PlatformPumps pumps, PlatformConnections connections) {
		this.pumps = pumps;
		this.connections = connections;
	}

	@GetMapping("/api/v2/MT5/{tradePlatform}/SymbolGet/{symbol}")
	ApiResponse<MT5Symbol> symbolGet(CalledPlatform platform, @PathVariable String symbol) {
		requireName(symbol);
		var found = pumps.cache(platform.id()).symbols().stream().filter(candidate -> candidate.getName().equals(symbol)).findFirst()
			.orElseThrow(() -> noSymbol(symbol));
		return ApiResponse.ok(MT5Symbol.of(found));
	}

	/** Read and written on the server, so the patch applies to the symbol as it is there; the pump then updates the cache. */
	@PatchMapping("/api/v2/MT5/{tradePlatform}/SymbolRecord/{symbol}")
	ApiResponse<MT5Symbol> symbolRecord(CalledPlatform platform, @PathVariable String symbol, @RequestBody JsonNode patch) {
		requireName(symbol);
		var request = ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setKey(symbol).build();
		var current = connections.call(platform.id(), channel -> GatewayLookups.unlessNotFound(() -> ConfigurationGrpc.newBlockingStub(channel)
			.request(request)))
			.flatMap(records -> records.getRecordsList().stream().map(ConfigRecord::getSymbol).filter(s -> s.getName().equals(symbol)).findFirst())
			.orElseThrow(() -> noSymbol(symbol));
		var changes = MergePatch.of(patch, MT5Symbol.of(current), WRITABLE);
		if (changes.isEmpty()) {
			return ApiResponse.ok(MT5Symbol.of(current));
		}
		var updated = apply(changes, current.toBuilder()).build();
		var stored = connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setPos(-1)
				.setRecord(ConfigRecord.newBuilder().setSymbol(updated)).build()));
		return ApiResponse.ok(MT5Symbol.of(stored.getSymbol()));
	}

	private static Symbol.Builder apply(MergePatch changes, Symbol.Builder symbol) {
		if (changes.changes("description")) {
			symbol.setDescription(changes.text("description", 64));
		}
		if (changes.changes("digits")) {
			symbol.setDigits(changes.integer("digits", 0, 8));
		}
		if (changes.changes("contractSize")) {
			symbol.setContractSize(positive(changes, "contractSize"));
		}
		if (changes.changes("currencyBase") && changes.changes("currencyMargin")
				&& !currency(changes, "currencyBase").equals(currency(changes, "currencyMargin"))) {
			throw ApiException.validation("currencyBase and currencyMargin are one currency on this platform");
		}
		if (changes.changes("currencyBase")) {
			symbol.setMarginCurrency(currency(changes, "currencyBase"));
		}
		if (changes.changes("currencyMargin")) {
			symbol.setMarginCurrency(currency(changes, "currencyMargin"));
		}
		if (changes.changes("currencyProfit")) {
			symbol.setProfitCurrency(currency(changes, "currencyProfit"));
		}
		if (changes.changes("tickValue")) {
			symbol.setTickValue(changes.number("tickValue", 0));
		}
		if (changes.changes("tickSize")) {
			symbol.setTickSize(changes.number("tickSize", 0));
		}
		if (changes.changes("marginInitial")) {
			symbol.setMarginInitial(changes.number("marginInitial", 0));
		}
		if (changes.changes("marginMaintenance")) {
			symbol.setMarginMaintenance(changes.number("marginMaintenance", 0));
		}
		if (changes.changes("marginHedged")) {
			symbol.setMarginHedged(changes.number("marginHedged", 0));
		}
		if (changes.changes("spread")) {
			symbol.setSpread(changes.integer("spread", 0, 100_000));
		}
		if (changes.changes("stopsLevel")) {
			symbol.setStopsLevel(changes.integer("stopsLevel", 0, 100_000));
		}
		if (changes.changes("freezeLevel")) {
			symbol.setFreezeLevel(changes.integer("freezeLevel", 0, 100_000));
		}
		if (changes.changes("tradeMode")) {
			var mode = changes.oneOf("tradeMode", Set.of("Disabled", "LongOnly", "CloseOnly", "Full"));
			symbol.setLongOnly(mode.equals("LongOnly")).setTradeMode(switch (mode) {
				case "Disabled" -> SymbolTradeMode.SYMBOL_TRADE_DISABLED;
				case "CloseOnly" -> SymbolTradeMode.SYMBOL_TRADE_CLOSE_ONLY;
				default -> SymbolTradeMode.SYMBOL_TRADE_FULL;
			});
		}
		if (changes.changes("calcMode")) {
			var mode = changes.oneOf("calcMode", PROFIT_MODES.keySet());
			CALC_MODES.forEach((margin, name) -> {
				if (name.equals(mode)) {
					symbol.setMarginMode(margin);
				}
			});
			symbol.setProfitMode(PROFIT_MODES.get(mode));
		}
		if (changes.changes("swapMode")) {
			var mode = changes.oneOf("swapMode", Set.of("Disabled", "ByPoints", "BySymbolCurrency", "ByInterestCurrent", "ByMarginCurrency"));
			symbol.setSwapEnable(!mode.equals("Disabled"));
			switch (mode) {
				case "ByPoints" -> symbol.setSwapType(SwapType.SWAP_POINTS);
				case "BySymbolCurrency" -> symbol.setSwapType(SwapType.SWAP_BASE_CURRENCY);
				case "ByInterestCurrent" -> symbol.setSwapType(SwapType.SWAP_INTEREST);
				case "ByMarginCurrency" -> symbol.setSwapType(SwapType.SWAP_MARGIN_CURRENCY);
				default -> {
				}
			}
		}
		if (changes.changes("swapLong")) {
			symbol.setSwapLong(changes.number("swapLong"));
		}
		if (changes.changes("swapShort")) {
			symbol.setSwapShort(changes.number("swapShort"));
		}
		if (changes.changes("swap3Day")) {
			var day = changes.oneOf("swap3Day", Set.copyOf(DAYS));
			symbol.setSwapRollover3Days(DAYS.indexOf(day) == 0 ? DayOfWeek.SUNDAY.getValue() : DAYS.indexOf(day));
		}
		return symbol;
	}

	private static double positive(MergePatch changes, String field) {
		var value = changes.number(field, 0);
		if (value <= 0) {
			throw ApiException.validation(field + " must be more than 0");
		}
		return value;
	}

	private static String currency(MergePatch changes, String field) {
		var currency = changes.text(field, 3);
		if (!currency.matches("[A-Z]{3}")) {
			throw ApiException.validation(field + " must be a 3-letter code such as USD");
		}
		return currency;
	}

	/** MT5 symbol names have up to 32 characters. */
	private static void requireName(String symbol) {
		if (symbol.isBlank() || symbol.length() > 32) {
			throw ApiException.validation("symbol must be a name of 1 to 32 characters");
		}
	}

	private static ApiException noSymbol(String symbol) {
		return new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No symbol " + symbol, null);
	}
}
