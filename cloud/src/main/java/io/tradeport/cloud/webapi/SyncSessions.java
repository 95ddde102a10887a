package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.platforms.TradePlatformId;

/**
 * The cut-off of MT4's two-call syncs ({@code TradesSyncStart} then {@code TradesSyncRead}, {@code DailySyncStart}
 * then {@code DailySyncRead}), per platform and caller, as the manager connection keeps it in MT4: a start replaces
 * the caller's cut-off, a successful read consumes it. Kept in this node's memory, like the pumping cache the trade
 * sync reads; a read on another node than its start finds none and answers an empty list.
 */
@Component
class SyncSessions {

	enum Kind {
		TRADES, DAILY_REPORTS
	}

	private record Key(Kind kind, TradePlatformId platform, String caller) {
	}

	private final ConcurrentHashMap<Key, Instant> started = new ConcurrentHashMap<>();

	void start(Kind kind, CalledPlatform platform, Instant since) {
		started.put(key(kind, platform), since);
	}

	Optional<Instant> since(Kind kind, CalledPlatform platform) {
		return Optional.ofNullable(started.get(key(kind, platform)));
	}

	/** After a successful read; a start that came in meanwhile stays. */
	void consumed(Kind kind, CalledPlatform platform, Instant since) {
		started.remove(key(kind, platform), since);
	}

	private static Key key(Kind kind, CalledPlatform platform) {
		var caller = platform.caller();
		return new Key(kind, platform.id(), caller.isClient() ? "client " + caller.clientId() : "user " + caller.user());
	}
}
