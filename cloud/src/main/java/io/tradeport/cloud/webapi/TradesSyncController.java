package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformCache;
import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.HistoryRequest;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradesFilter;
import io.tradeport.gateway.v1.TradingGrpc;

/**
 * The trades replica calls ({@code MT4 v2 :: Trades} {@code TradesSyncStart}, {@code Sidecar - Batch reads}
 * {@code TradesSnapshot} and {@code TradesSyncRead}). The server keeps no change time per record, so "changed since"
 * comes from the pump: open trades whose last pump event is at or after the cut-off, plus the records closed since
 * then, asked of the server's history.
 */
@RestController
class TradesSyncController {

	/** The contract's cap of the batch reads: 1..1,000,000, 100,000 by default. */
	private static final int MAX_BATCH = 1_000_000;
	private static final int DEFAULT_BATCH = 100_000;

	private final PlatformConnections connections;
	private final PlatformPumps pumps;
	private final ServerZones zones;
	private final SyncSessions sessions;

	TradesSyncController(PlatformConnections connections, PlatformPumps pumps, ServerZones zones, SyncSessions sessions) {
		this.connections = connections;
		this.pumps = pumps;
		this.zones = zones;
		this.sessions = sessions;
	}

	/** {@code timestamp}: unix seconds in server time, as MT4 counts them; 0 asks for every record. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/TradesSyncStart")
	ApiResponse<Boolean> tradesSyncStart(CalledPlatform platform, @RequestParam(defaultValue = "0") int timestamp) {
		if (timestamp < 0) {
			throw ApiException.validation("timestamp must not be negative");
		}
		var since = ServerZones.fromServerSeconds(timestamp, zones.of(platform));
		sessions.start(SyncSessions.Kind.TRADES, platform, since);
		return ApiResponse.ok(true);
	}

	/**
	 * Open trades changed at or after the started cut-off, and records closed since, by ticket; an empty list without
	 * a start. A trade changed before the cut-off may come too when the pump reconnected after it.
	 */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TradesSyncRead")
	ApiResponse<List<Mt4Trade>> tradesSyncRead(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit) {
		var cap = cap(limit);
		var started = sessions.since(SyncSessions.Kind.TRADES, platform);
		if (started.isEmpty()) {
			return ApiResponse.ok(List.of());
		}
		var since = started.get();
		var changed = new ArrayList<Trade>();
		pumps.cache(platform.id()).openTradesWithChangeTimes().stream()
			.filter(trade -> !trade.at().isBefore(since))
			.map(PlatformCache.Updated::value)
			.forEach(changed::add);
		var closedFrom = Math.max(0, since.toEpochMilli());
		changed.addAll(TradeRecordsController.everyPage((size, after) -> TradeRecordsController.slice(connections.call(platform.id(),
				channel -> TradingGrpc.newBlockingStub(channel).getHistory(HistoryRequest.newBuilder().setGroupMask("*")
					.setFrom(closedFrom).setLimit(size).setAfterOrder(after).build())))));
		// A trade closed while we read is in both: the closed record is the newer one.
		var byTicket = changed.stream().collect(Collectors.toMap(Trade::getOrder, Function.identity(),
				(open, closed) -> closed.getCloseTime() != 0 ? closed : open));
		var trades = TradesController.sorted(byTicket.values().stream());
		sessions.consumed(SyncSessions.Kind.TRADES, platform, since);
		return ApiResponse.ok(trades.subList(0, Math.min(cap, trades.size())));
	}

	/**
	 * Every open trade on the server, from one engine step; capped by {@code limit} in ticket order (up to 5000 the
	 * server cuts the list itself).
	 */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TradesSnapshot")
	ApiResponse<List<Mt4Trade>> tradesSnapshot(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit) {
		var cap = cap(limit);
		var filter = TradesFilter.newBuilder().setLimit(cap <= Pages.MAX_LIMIT ? cap : 0).build();
		var list = connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel).getOpenTrades(filter));
		var trades = TradesController.sorted(list.getTradesList().stream());
		return ApiResponse.ok(trades.subList(0, Math.min(cap, trades.size())));
	}

	private static int cap(@Nullable Integer limit) {
		if (limit != null && (limit < 1 || limit > MAX_BATCH)) {
			throw ApiException.validation("limit must be between 1 and " + MAX_BATCH);
		}
		return limit == null ? DEFAULT_BATCH : limit;
	}
}
