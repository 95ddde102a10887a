package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.platforms.PlatformCache;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.User;

/**
 * MT4's {@code UsersSyncStart}/{@code UsersSyncRead} over the pumping cache: one session per caller and platform
 * that remembers how far its reads got. A read hands out the records changed since the start time and not yet
 * read, oldest change first; a record that changes again comes again. Sessions are kept in memory on the node that
 * started them, like the pump they read.
 */
@Component
class UsersSyncSessions {

	private record Key(TradePlatformId platform, String caller) {
	}

	/** Records changed before {@code since} are not wanted; those up to cache version {@code read} were handed out. */
	private record Session(Instant since, long read) {
	}

	private final Map<Key, Session> sessions = new ConcurrentHashMap<>();

	void start(CalledPlatform platform, Instant since) {
		sessions.put(key(platform), new Session(since, 0));
	}

	/** The next at most {@code limit} changed records; the session moves past them. */
	List<User> read(CalledPlatform platform, PlatformCache cache, int limit) {
		var key = key(platform);
		var handedOut = new ArrayList<User>();
		var found = sessions.computeIfPresent(key, (ignored, session) -> {
			var changes = cache.userChangesAfter(session.read());
			var wanted = changes.items().stream().filter(changed -> !changed.at().isBefore(session.since())).toList();
			var taken = wanted.subList(0, Math.min(limit, wanted.size()));
			taken.forEach(changed -> handedOut.add(changed.value()));
			var next = taken.size() < wanted.size() ? taken.getLast().version() : changes.upTo();
			return new Session(session.since(), next);
		});
		if (found == null) {
			throw ApiException.validation("No users sync started on this platform by this client: POST UsersSyncStart first");
		}
		return handedOut;
	}

	private static Key key(CalledPlatform platform) {
		var caller = platform.caller();
		return new Key(platform.id(), caller.isClient() ? "client " + caller.clientId() : "user " + caller.user());
	}
}
