package io.tradeport.cloud.clients;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.tradeport.cloud.identity.TokenIssued;

/**
 * When each API client was last used. Remembered in memory on the token endpoint's path and written every few
 * seconds, one update per client, so a busy client costs one write per interval rather than one per token.
 */
@Component
class LastUse implements SmartLifecycle {

	private final JdbcClient jdbc;
	private final ConcurrentHashMap<String, Instant> pending = new ConcurrentHashMap<>();
	private volatile boolean running;

	LastUse(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(TokenIssued issued) {
		pending.merge(issued.clientId(), issued.at(), (a, b) -> a.isAfter(b) ? a : b);
	}

	@Scheduled(fixedDelayString = "${tradeport.clients.last-use-flush:PT5S}")
	void flush() {
		Map<String, Instant> batch = new HashMap<>();
		for (var clientId : pending.keySet()) {
			var at = pending.remove(clientId);
			if (at != null) {
				batch.put(clientId, at);
			}
		}
		batch.forEach((clientId, at) -> jdbc.sql("""
				update api_client set last_used_at = greatest(coalesce(last_used_at, :at), :at) where client_id = :client""")
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("client", clientId)
			.update());
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		flush();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
