package io.tradeport.cloud.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes audit events in batches from a background thread: the token endpoint records an event per token and
 * must not wait for a database round trip. The queue is bounded; when the database cannot keep up, callers
 * block briefly rather than events being dropped silently. Pending events are flushed on shutdown.
 */
@Service
public class AuditLog implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
	private static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate batchInserts;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();
	private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(50_000);
	private volatile @Nullable Thread writer;
	private volatile boolean running;

	private record Pending(java.time.Instant at, AuditEvent event) {
	}

	AuditLog(JdbcClient jdbc, JdbcTemplate batchInserts, Clock clock) {
		this.jdbc = jdbc;
		this.batchInserts = batchInserts;
		this.clock = clock;
	}

	public void record(AuditEvent event) {
		var pending = new Pending(clock.instant(), event);
		try {
			if (!running) {
				write(List.of(pending));
			}
			else if (!queue.offer(pending, 5, TimeUnit.SECONDS)) {
				write(List.of(pending));
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			write(List.of(pending));
		}
	}

	public List<RecordedAuditEvent> recent(@Nullable UUID organizationId, int limit) {
		var sql = "select id, occurred_at, type, actor, organization_id, client_id, ip, details::text as details from audit_event "
				+ (organizationId == null ? "" : "where organization_id = :org ") + "order by id desc limit :limit";
		var spec = jdbc.sql(sql).param("limit", limit);
		if (organizationId != null) {
			spec = spec.param("org", organizationId);
		}
		return spec.query((rs, row) -> new RecordedAuditEvent(rs.getLong("id"),
				rs.getTimestamp("occurred_at").toInstant(),
				new AuditEvent(rs.getString("type"), rs.getString("actor"), rs.getObject("organization_id", UUID.class),
						rs.getString("client_id"), rs.getString("ip"),
						json.readValue(rs.getString("details"), new TypeReference<Map<String, String>>() {
						}))))
			.list();
	}

	/** Blocks until everything recorded so far is in the database. */
	public void flush() {
		var batch = new ArrayList<Pending>();
		queue.drainTo(batch);
		if (!batch.isEmpty()) {
			write(batch);
		}
	}

	private void drainLoop() {
		var batch = new ArrayList<Pending>(BATCH);
		while (running || !queue.isEmpty()) {
			try {
				var first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, BATCH - 1);
				write(batch);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.error("Could not write {} audit events; retrying", batch.size(), e);
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				continue;
			}
			batch.clear();
		}
	}

	/** One JDBC batch per drained batch: a busy token endpoint costs one round trip per batch, not per event. */
	private void write(List<Pending> batch) {
		var rows = new ArrayList<Object[]>(batch.size());
		for (var pending : batch) {
			var event = pending.event();
			rows.add(new Object[] { pending.at().atOffset(ZoneOffset.UTC), event.type(), event.actor(), event.organizationId(),
					event.clientId(), event.ip(), json.writeValueAsString(event.details()) });
		}
		batchInserts.batchUpdate("insert into audit_event (occurred_at, type, actor, organization_id, client_id, ip, details) "
				+ "values (?, ?, ?, ?, ?, ?, cast(? as jsonb))", rows);
	}

	@Override
	public void start() {
		running = true;
		var thread = Thread.ofPlatform().name("audit-writer").daemon().start(this::drainLoop);
		writer = thread;
	}

	@Override
	public void stop() {
		running = false;
		var thread = writer;
		if (thread != null) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		flush();
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
