package io.tradeport.cloud.webapi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.Bar;
import io.tradeport.gateway.v1.BarsRequest;
import io.tradeport.gateway.v1.ChartWriteRequest;
import io.tradeport.gateway.v1.CorrectHistoryRequest;
import io.tradeport.gateway.v1.MarketDataGrpc;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.Tick;
import io.tradeport.gateway.v1.TicksRequest;
import io.tradeport.gateway.v1.Timeframe;

/**
 * {@code MT4 v2 :: Prices}: the last ticks from the pumping cache; tick and bar history, chart editing and history
 * repair asked live. Times are UTC instants both ways; bar times are the bars' opening, which the server counts in
 * its own time zone (a D1 bar opens at the server's midnight).
 */
@RestController
class Mt4PricesController {

	record MT4TickInfo(String symbol, Instant time, double bid, double ask) {

		static MT4TickInfo of(Tick tick) {
			return new MT4TickInfo(tick.getSymbol(), Instant.ofEpochMilli(tick.getTime()), tick.getBid(), tick.getAsk());
		}
	}

	/**
	 * A historical tick. The gateway's ticks carry neither feed index nor raw/normal flags: every tick it has is one the
	 * server accepted, both raw and normal (MT4's {@code All}), from its first feed.
	 */
	record MT4TickRecord(Instant time, double bid, double ask, int dataFeed, String flags) {
	}

	record MT4ChartBar(Instant time, double open, double high, double low, double close, double volume) {

		static MT4ChartBar of(Bar bar) {
			return new MT4ChartBar(Instant.ofEpochMilli(bar.getTime()), bar.getOpen(), bar.getHigh(), bar.getLow(), bar.getClose(),
					bar.getVolume());
		}
	}

	/** A bar to write; for ChartDelete only {@code time} counts. */
	record Rate(@Nullable OffsetDateTime time, @Nullable Double open, @Nullable Double high, @Nullable Double low,
			@Nullable Double close, @Nullable Double volume) {
	}

	record MT4ChartWriteRequest(@Nullable List<Rate> rates) {
	}

	private static final Map<String, Timeframe> PERIODS = Map.of("M1", Timeframe.M1, "M5", Timeframe.M5, "M15", Timeframe.M15,
			"M30", Timeframe.M30, "H1", Timeframe.H1, "H4", Timeframe.H4, "D1", Timeframe.D1, "W1", Timeframe.W1, "MN1", Timeframe.MN1);

	private static final List<String> PERIOD_NAMES = List.of("M1", "M5", "M15", "M30", "H1", "H4", "D1", "W1", "Mn1");
	private static final List<String> MODES = List.of("RangeIn", "RangeOut", "RangeLast", "RangeInExcludeOutOfRage");
	private static final List<String> TICK_FLAGS = List.of("Raw", "Normal", "All");

	/** The gateway's time ranges are closed; "up to the newest" is the largest time it can carry. */
	private static final long NEWEST = Long.MAX_VALUE;

	private final PlatformPumps pumps;
	private final PlatformConnections connections;
	private final SymbolSelections selections;
	private final Clock clock;

	Mt4PricesController(PlatformPumps pumps, PlatformConnections connections, SymbolSelections selections, Clock clock) {
		this.pumps = pumps;
		this.connections = connections;
		this.selections = selections;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- last ticks, from the pumping cache

	/** The symbols selected on this node's connection that have a quote, by name. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TickInfoLast")
	ApiResponse<List<MT4TickInfo>> tickInfoLast(CalledPlatform platform) {
		var cache = pumps.cache(platform.id());
		var configured = cache.symbols().stream().map(Symbol::getName).collect(Collectors.toSet());
		return ApiResponse.ok(cache.quotes().stream()
			.filter(tick -> configured.contains(tick.getSymbol()) && selections.selected(platform.id(), tick.getSymbol()))
			.sorted(Comparator.comparing(Tick::getSymbol))
			.map(MT4TickInfo::of)
			.toList());
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/TickInfoLast/{symbol}")
	ApiResponse<MT4TickInfo> tickInfoLastOf(CalledPlatform platform, @PathVariable String symbol) {
		SymbolCalls.requireName(symbol);
		var cache = pumps.cache(platform.id());
		Mt4SymbolsController.configuredSymbol(cache, symbol);
		if (!selections.selected(platform.id(), symbol)) {
			throw notFound("Symbol " + symbol + " is hidden on this platform's connection; SymbolAdd selects it again");
		}
		var tick = cache.quote(symbol).orElseThrow(() -> notFound("No tick for " + symbol + " yet"));
		return ApiResponse.ok(MT4TickInfo.of(tick));
	}

	// ---------------------------------------------------------------- history, live

	/**
	 * {@code start} defaults to the beginning of the history, {@code end} to now. The gateway answers bars opening in
	 * the closed range, which is both RangeIn and the wrapper's RangeInExcludeOutOfRage; RangeLast ignores {@code end}
	 * (every bar from {@code start} on); RangeOut answers the bars outside the range, before {@code start} and after
	 * {@code end}.
	 */
	@GetMapping("/api/v2/MT4/{tradePlatform}/ChartRequest/{symbol}")
	ApiResponse<List<MT4ChartBar>> chartRequest(CalledPlatform platform, @PathVariable String symbol,
			@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end, @RequestParam(required = false) @Nullable String mode) {
		SymbolCalls.requireName(symbol);
		var timeframe = timeframe(period);
		var from = time("start", start, Instant.EPOCH);
		var to = time("end", end, clock.instant());
		if (to.isBefore(from)) {
			throw ApiException.validation("end must not be before start");
		}
		var chosen = mode == null ? "RangeInExcludeOutOfRage" : oneOf("mode", mode, MODES);
		var bars = new ArrayList<Bar>();
		switch (chosen) {
			case "RangeLast" -> bars.addAll(bars(platform, symbol, timeframe, from.toEpochMilli(), NEWEST));
			case "RangeOut" -> {
				if (from.toEpochMilli() > 0) {
					bars.addAll(bars(platform, symbol, timeframe, 0, from.toEpochMilli() - 1));
				}
				if (to.toEpochMilli() < NEWEST) {
					bars.addAll(bars(platform, symbol, timeframe, to.toEpochMilli() + 1, NEWEST));
				}
			}
			default -> bars.addAll(bars(platform, symbol, timeframe, from.toEpochMilli(), to.toEpochMilli()));
		}
		return ApiResponse.ok(bars.stream().map(MT4ChartBar::of).toList());
	}

	/** {@code start} defaults to the beginning of the server's tick history, {@code end} to now. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TicksRequest/{symbol}")
	ApiResponse<List<MT4TickRecord>> ticksRequest(CalledPlatform platform, @PathVariable String symbol,
			@RequestParam(required = false) @Nullable String start, @RequestParam(required = false) @Nullable String end,
			@RequestParam(required = false) @Nullable String flags) {
		SymbolCalls.requireName(symbol);
		var from = time("start", start, Instant.EPOCH);
		var to = time("end", end, clock.instant());
		if (to.isBefore(from)) {
			throw ApiException.validation("end must not be before start");
		}
		if (flags != null) {
			oneOf("flags", flags, TICK_FLAGS);
		}
		var ticks = SymbolCalls.about(connections, platform.id(), symbol, channel -> MarketDataGrpc.newBlockingStub(channel)
			.getTicks(TicksRequest.newBuilder().setSymbol(symbol).setFrom(from.toEpochMilli()).setTo(to.toEpochMilli()).build()));
		return ApiResponse.ok(ticks.getTicksList().stream()
			.map(tick -> new MT4TickRecord(Instant.ofEpochMilli(tick.getTime()), tick.getBid(), tick.getAsk(), 0, "All"))
			.toList());
	}

	// ---------------------------------------------------------------- chart editing, live

	@PostMapping("/api/v2/MT4/{tradePlatform}/ChartAdd/{symbol}")
	ApiResponse<Boolean> chartAdd(CalledPlatform platform, @PathVariable String symbol,
			@RequestParam(required = false) @Nullable String period, @RequestBody MT4ChartWriteRequest body) {
		var request = chartWrite(symbol, period, body, true);
		SymbolCalls.about(connections, platform.id(), symbol, channel -> MarketDataGrpc.newBlockingStub(channel).addBars(request));
		return ApiResponse.ok(true);
	}

	/** Bars at times without a bar are ignored, as MT4 does. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/ChartUpdate/{symbol}")
	ApiResponse<Boolean> chartUpdate(CalledPlatform platform, @PathVariable String symbol,
			@RequestParam(required = false) @Nullable String period, @RequestBody MT4ChartWriteRequest body) {
		var request = chartWrite(symbol, period, body, true);
		SymbolCalls.about(connections, platform.id(), symbol, channel -> MarketDataGrpc.newBlockingStub(channel).updateBars(request));
		return ApiResponse.ok(true);
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/ChartDelete/{symbol}")
	ApiResponse<Boolean> chartDelete(CalledPlatform platform, @PathVariable String symbol,
			@RequestParam(required = false) @Nullable String period, @RequestBody MT4ChartWriteRequest body) {
		var request = chartWrite(symbol, period, body, false);
		SymbolCalls.about(connections, platform.id(), symbol, channel -> MarketDataGrpc.newBlockingStub(channel).deleteBars(request));
		return ApiResponse.ok(true);
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/HistoryCorrect/{symbol}")
	ApiResponse<Integer> historyCorrect(CalledPlatform platform, @PathVariable String symbol) {
		SymbolCalls.requireName(symbol);
		var reply = SymbolCalls.about(connections, platform.id(), symbol, channel -> MarketDataGrpc.newBlockingStub(channel)
			.correctHistory(CorrectHistoryRequest.newBuilder().setSymbol(symbol).build()));
		return ApiResponse.ok(reply.getCount());
	}

	private List<Bar> bars(CalledPlatform platform, String symbol, Timeframe timeframe, long from, long to) {
		return SymbolCalls.about(connections, platform.id(), symbol, channel -> MarketDataGrpc.newBlockingStub(channel)
			.getBars(BarsRequest.newBuilder().setSymbol(symbol).setTimeframe(timeframe).setFrom(from).setTo(to).build()))
			.getBarsList();
	}

	/** Every bar is checked before anything is sent; the server writes all of them or, refusing one, none. */
	private static ChartWriteRequest chartWrite(String symbol, @Nullable String period, MT4ChartWriteRequest body, boolean prices) {
		SymbolCalls.requireName(symbol);
		var timeframe = timeframe(period);
		if (body.rates() == null || body.rates().isEmpty()) {
			throw ApiException.validation("rates must hold at least one bar");
		}
		var request = ChartWriteRequest.newBuilder().setSymbol(symbol).setTimeframe(timeframe);
		for (var i = 0; i < body.rates().size(); i++) {
			var rate = body.rates().get(i);
			if (rate == null || rate.time() == null) {
				throw ApiException.validation("rates[" + i + "].time is required");
			}
			var bar = Bar.newBuilder().setTime(rate.time().toInstant().toEpochMilli());
			if (prices) {
				var open = price(i, "open", rate.open());
				var high = price(i, "high", rate.high());
				var low = price(i, "low", rate.low());
				var close = price(i, "close", rate.close());
				if (rate.volume() != null && rate.volume() < 0) {
					throw ApiException.validation("rates[" + i + "].volume must not be negative");
				}
				bar.setOpen(open).setHigh(high).setLow(low).setClose(close).setVolume(rate.volume() == null ? 0 : Math.round(rate.volume()));
			}
			request.addBars(bar);
		}
		return request.build();
	}

	private static double price(int index, String field, @Nullable Double value) {
		if (value == null || !(value > 0) || Double.isInfinite(value)) {
			throw ApiException.validation("rates[" + index + "]." + field + " must be a positive price");
		}
		return value;
	}

	private static Timeframe timeframe(@Nullable String period) {
		if (period == null || period.isBlank()) {
			throw ApiException.validation("period is required, one of " + PERIOD_NAMES);
		}
		var timeframe = PERIODS.get(period.toUpperCase(Locale.ROOT));
		if (timeframe == null) {
			throw ApiException.validation("period is one of " + PERIOD_NAMES);
		}
		return timeframe;
	}

	private static String oneOf(String name, String value, List<String> allowed) {
		return allowed.stream().filter(candidate -> candidate.equalsIgnoreCase(value)).findFirst()
			.orElseThrow(() -> ApiException.validation(name + " is one of " + allowed));
	}

	/**
	 * An ISO 8601 date-time; without an offset it is taken as UTC, as the contract's times are. MT4 has no time before
	 * 1970, so an earlier one (.NET's DateTime.MinValue for "from the start") is 1970.
	 */
	static Instant time(String name, @Nullable String value, Instant absent) {
		var time = parse(name, value, absent);
		return time.isBefore(Instant.EPOCH) ? Instant.EPOCH : time;
	}

	private static Instant parse(String name, @Nullable String value, Instant absent) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notADateTime) {
				try {
					return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeParseException notADate) {
					throw ApiException.validation(name + " is not an ISO 8601 date-time");
				}
			}
		}
	}

	private static ApiException notFound(String message) {
		return new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, message, null);
	}
}
