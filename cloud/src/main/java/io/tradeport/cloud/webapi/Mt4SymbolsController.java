package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformCache;
import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.MarketDataGrpc;
import io.tradeport.gateway.v1.SessionWindow;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.Tick;

/**
 * {@code MT4 v2 :: Symbols}: symbol configuration (live, through the gateway's Configuration), quotes from the pumping
 * cache, and the per-connection symbol selection ({@link SymbolSelections}).
 */
@RestController
class Mt4SymbolsController {

	record MT4SymbolGroup(String name, String description) {
	}

	record MT4SymbolSession(int openHour, int openMinute, int closeHour, int closeMinute) {

		/** The gateway counts minutes of the day; a session to the end of the day closes at 24:00, as MT4 writes it. */
		static MT4SymbolSession of(int fromMinute, int toMinute) {
			return new MT4SymbolSession(fromMinute / 60, fromMinute % 60, toMinute / 60, toMinute % 60);
		}
	}

	/**
	 * One weekday, 0 Sunday as .NET counts. {@code quote} is null: the gateway carries trade sessions only. The gateway's
	 * windows lie within one day, so nothing runs over midnight.
	 */
	record MT4SymbolDaySessions(int dayOfWeek, int quoteOvernight, int tradeOvernight, @Nullable List<MT4SymbolSession> quote,
			List<MT4SymbolSession> trade) {
	}

	/** Null fields keep their values; the gateway carries spread and stops level, not the other dealer settings. */
	record MT4SymbolChangeRequest(@Nullable String symbol, @Nullable Integer color, @Nullable Integer spread,
			@Nullable Integer spreadBalance, @Nullable Integer stopsLevel, @Nullable Integer smoothing, @Nullable String exeMode) {
	}

	private final PlatformPumps pumps;
	private final PlatformConnections connections;
	private final SymbolSelections selections;

	Mt4SymbolsController(PlatformPumps pumps, PlatformConnections connections, SymbolSelections selections) {
		this.pumps = pumps;
		this.connections = connections;
		this.selections = selections;
	}

	// ---------------------------------------------------------------- configuration, live

	@GetMapping("/api/v2/MT4/{tradePlatform}/CfgRequestSymbol")
	ApiResponse<List<Mt4SymbolConfig>> cfgRequestSymbols(CalledPlatform platform) {
		var records = connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOLS).build()));
		return ApiResponse.ok(records.getRecordsList().stream().map(record -> Mt4SymbolConfig.of(record.getSymbol())).toList());
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/CfgRequestSymbol/{symbol}")
	ApiResponse<Mt4SymbolConfig> cfgRequestSymbol(CalledPlatform platform, @PathVariable String symbol) {
		SymbolCalls.requireName(symbol);
		return ApiResponse.ok(Mt4SymbolConfig.of(SymbolCalls.config(connections, platform.id(), symbol)));
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/SymbolSessionsGet/{symbol}")
	ApiResponse<List<MT4SymbolDaySessions>> symbolSessionsGet(CalledPlatform platform, @PathVariable String symbol) {
		SymbolCalls.requireName(symbol);
		var config = SymbolCalls.config(connections, platform.id(), symbol);
		var days = new ArrayList<MT4SymbolDaySessions>();
		for (var dayOfWeek = 0; dayOfWeek < 7; dayOfWeek++) {
			var isoDay = dayOfWeek == 0 ? 7 : dayOfWeek;
			var trade = config.getSessionsList().stream().filter(day -> day.getDayOfWeek() == isoDay)
				.flatMap(day -> day.getTradeList().stream())
				.sorted(Comparator.comparingInt(SessionWindow::getFromMinute))
				.map(window -> MT4SymbolSession.of(window.getFromMinute(), window.getToMinute()))
				.toList();
			days.add(new MT4SymbolDaySessions(dayOfWeek, 0, 0, null, trade));
		}
		return ApiResponse.ok(days);
	}

	/** The pump carries no symbol groups, so they are read from the server; the index of a group is the symbols' {@code type}. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/SymbolsGroupsGet")
	ApiResponse<List<MT4SymbolGroup>> symbolsGroupsGet(CalledPlatform platform) {
		var records = connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOL_GROUPS).build()));
		return ApiResponse.ok(records.getRecordsList().stream()
			.map(ConfigRecord::getSymbolGroup)
			.map(group -> new MT4SymbolGroup(group.getName(), group.getDescription()))
			.toList());
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/CfgUpdateSymbol/{symbol}")
	ApiResponse<Mt4SymbolConfig> cfgUpdateSymbol(CalledPlatform platform, @PathVariable String symbol,
			@RequestBody Mt4SymbolConfig.Update body) {
		return ApiResponse.ok(update(platform, symbol, body));
	}

	/** The SDK sends no body; a JSON body (any {@code *+json}) is read as the update's fields, absent ones kept. */
	@PatchMapping("/api/v2/MT4/{tradePlatform}/SymbolConfig/{symbol}")
	ApiResponse<Mt4SymbolConfig> symbolConfig(CalledPlatform platform, @PathVariable String symbol,
			@RequestBody(required = false) Mt4SymbolConfig.@Nullable Update body) {
		return ApiResponse.ok(update(platform, symbol, body == null ? Mt4SymbolConfig.Update.NOTHING : body));
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/SymbolChange")
	ApiResponse<Boolean> symbolChange(CalledPlatform platform, @RequestBody MT4SymbolChangeRequest body) {
		var symbol = SymbolCalls.requireName(body.symbol());
		var problems = new ArrayList<String>();
		if ((body.spread() != null && body.spread() < 0) || (body.stopsLevel() != null && body.stopsLevel() < 0)) {
			problems.add("spread and stopsLevel must not be negative");
		}
		if (body.exeMode() != null && Mt4SymbolConfig.EXECUTION_MODES.number(body.exeMode()) < 0) {
			problems.add("exeMode is one of " + Mt4SymbolConfig.EXECUTION_MODES.names());
		}
		var notCarried = new ArrayList<String>();
		if (body.color() != null && body.color() != Mt4SymbolConfig.NOT_CARRIED) {
			notCarried.add("color");
		}
		if (body.spreadBalance() != null && body.spreadBalance() != Mt4SymbolConfig.NOT_CARRIED) {
			notCarried.add("spreadBalance");
		}
		if (body.smoothing() != null && body.smoothing() != Mt4SymbolConfig.NOT_CARRIED) {
			notCarried.add("smoothing");
		}
		if (!notCarried.isEmpty()) {
			problems.add("the platform's gateway does not carry " + String.join(", ", notCarried) + "; leave them out");
		}
		if (!problems.isEmpty()) {
			throw ApiException.validation(String.join("; ", problems));
		}
		var current = SymbolCalls.config(connections, platform.id(), symbol);
		var changed = current.toBuilder();
		if (body.spread() != null) {
			changed.setSpread(body.spread());
		}
		if (body.stopsLevel() != null) {
			changed.setStopsLevel(body.stopsLevel());
		}
		if (body.exeMode() != null) {
			changed.setExecutionModeValue(Mt4SymbolConfig.EXECUTION_MODES.number(body.exeMode()) + 1);
		}
		write(platform, current, changed.build());
		return ApiResponse.ok(true);
	}

	private Mt4SymbolConfig update(CalledPlatform platform, String symbol, Mt4SymbolConfig.Update update) {
		SymbolCalls.requireName(symbol);
		var current = SymbolCalls.config(connections, platform.id(), symbol);
		return Mt4SymbolConfig.of(write(platform, current, update.applyTo(current)));
	}

	/** One gateway update replaces the whole record, so a change is all or nothing; an unchanged record is not written. */
	private Symbol write(CalledPlatform platform, Symbol current, Symbol changed) {
		if (changed.equals(current)) {
			return current;
		}
		var stored = connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setPos(-1)
				.setRecord(ConfigRecord.newBuilder().setSymbol(changed)).build()));
		return stored.getSymbol();
	}

	// ---------------------------------------------------------------- quotes, from the pumping cache

	@GetMapping("/api/v2/MT4/{tradePlatform}/SymbolInfoGet")
	ApiResponse<Mt4SymbolInfo> symbolInfoGet(CalledPlatform platform, @RequestParam(required = false) @Nullable String symbol) {
		var name = SymbolCalls.requireName(symbol);
		var cache = pumps.cache(platform.id());
		var config = selectedSymbol(platform, cache, name);
		return ApiResponse.ok(Mt4SymbolInfo.of(config, cache.quoteState(name)));
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/SymbolInfoUpdated")
	ApiResponse<List<Mt4SymbolInfo>> symbolInfoUpdated(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		var cache = pumps.cache(platform.id());
		var current = cache.symbols().stream().map(symbol -> Mt4SymbolInfo.of(symbol, cache.quoteState(symbol.getName()))).toList();
		var page = selections.updated(platform.id(), current, limit, cursor);
		return ApiResponse.page(page.items(), page.paging());
	}

	// ---------------------------------------------------------------- selection, per platform on this node

	@PostMapping("/api/v2/MT4/{tradePlatform}/SymbolAdd/{symbol}")
	ApiResponse<Boolean> symbolAdd(CalledPlatform platform, @PathVariable String symbol) {
		SymbolCalls.requireName(symbol);
		configuredSymbol(pumps.cache(platform.id()), symbol);
		selections.add(platform.id(), symbol);
		return ApiResponse.ok(true);
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/SymbolHide/{symbol}")
	ApiResponse<Boolean> symbolHide(CalledPlatform platform, @PathVariable String symbol) {
		SymbolCalls.requireName(symbol);
		configuredSymbol(pumps.cache(platform.id()), symbol);
		selections.hide(platform.id(), symbol);
		return ApiResponse.ok(true);
	}

	/**
	 * The pump follows every configuration change, so the cached catalog never needs reloading: this only confirms the
	 * pump is connected (NoConnect otherwise), and leaves the selection as it is, as MT4 does.
	 */
	@PostMapping("/api/v2/MT4/{tradePlatform}/SymbolsRefresh")
	ApiResponse<Boolean> symbolsRefresh(CalledPlatform platform) {
		pumps.cache(platform.id());
		return ApiResponse.ok(true);
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/SymbolSendTick")
	ApiResponse<Boolean> symbolSendTick(CalledPlatform platform, @RequestParam(required = false) @Nullable String symbol,
			@RequestParam(required = false) @Nullable Double bid, @RequestParam(required = false) @Nullable Double ask) {
		var name = SymbolCalls.requireName(symbol);
		if (bid == null || ask == null) {
			throw ApiException.validation("bid and ask are required");
		}
		if (!(bid > 0) || !(ask >= bid) || Double.isInfinite(ask)) {
			throw ApiException.validation("bid must be positive and ask not below bid");
		}
		SymbolCalls.about(connections, platform.id(), name, channel -> MarketDataGrpc.newBlockingStub(channel)
			.sendTick(Tick.newBuilder().setSymbol(name).setBid(bid).setAsk(ask).build()));
		return ApiResponse.ok(true);
	}

	static Symbol configuredSymbol(PlatformCache cache, String symbol) {
		return cache.symbols().stream().filter(candidate -> candidate.getName().equals(symbol)).findFirst()
			.orElseThrow(() -> SymbolCalls.notFound(symbol));
	}

	/** A symbol hidden on this node's connection is not loaded, as for MT4: NotFound, until SymbolAdd. */
	Symbol selectedSymbol(CalledPlatform platform, PlatformCache cache, String symbol) {
		var config = configuredSymbol(cache, symbol);
		if (!selections.selected(platform.id(), symbol)) {
			throw new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND,
					"Symbol " + symbol + " is hidden on this platform's connection; SymbolAdd selects it again", null);
		}
		return config;
	}
}
