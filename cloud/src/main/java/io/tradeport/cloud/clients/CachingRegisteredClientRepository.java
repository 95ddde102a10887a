package io.tradeport.cloud.clients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The token endpoint looks a client up twice per request; reading it from memory keeps that off the database.
 * Changes made on this node are visible at once; changes from other nodes after at most {@code timeToLive}.
 */
class CachingRegisteredClientRepository implements RegisteredClientRepository {

	private record Entry(Optional<RegisteredClient> client, Instant loadedAt) {
	}

	private final RegisteredClientRepository delegate;
	private final Duration timeToLive;
	private final Clock clock;
	private final ConcurrentHashMap<String, Entry> byClientId = new ConcurrentHashMap<>();

	CachingRegisteredClientRepository(RegisteredClientRepository delegate, Duration timeToLive, Clock clock) {
		this.delegate = delegate;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	@Override
	public void save(RegisteredClient client) {
		delegate.save(client);
		evictAll();
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		return delegate.findById(id);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		var now = clock.instant();
		var entry = byClientId.get(clientId);
		if (entry == null || entry.loadedAt().plus(timeToLive).isBefore(now)) {
			entry = new Entry(Optional.ofNullable(delegate.findByClientId(clientId)), now);
			if (byClientId.size() > 10_000) {
				byClientId.clear();
			}
			byClientId.put(clientId, entry);
		}
		return entry.client().orElse(null);
	}

	void evictAll() {
		byClientId.clear();
	}
}
