package io.tradeport.tradeserver.reports;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How the report replicator runs.
 *
 * @param serverZone the trade server's zone; MT4 stores every datetime and TIMESTAMP in server time
 * @param serverAddress written to MT4_CONFIG key 4, where MT4's report server keeps the trade server address
 * @param queueCapacity engine events held for the writer; when full, events are dropped and a full
 *     reconciliation follows, so the engine thread never waits
 * @param batchSize rows per JDBC batch
 * @param refreshInterval how often floating values the engine does not report as events (open trades'
 *     PROFIT and CLOSE_PRICE, accounts' EQUITY and MARGIN) are re-read from the engine
 * @param maxBackoff longest wait between reconnection attempts
 * @param dailyBufferCapacity daily reports kept while the database is unreachable or the replicator is stopped
 */
public record ReplicationSettings(
		ZoneId serverZone,
		String serverAddress,
		int queueCapacity,
		int batchSize,
		Duration refreshInterval,
		Duration maxBackoff,
		int dailyBufferCapacity) {

	public ReplicationSettings {
		if (queueCapacity < 1 || batchSize < 1 || dailyBufferCapacity < 1) {
			throw new IllegalArgumentException("capacities must be positive");
		}
		if (refreshInterval.isNegative() || refreshInterval.isZero() || maxBackoff.isNegative() || maxBackoff.isZero()) {
			throw new IllegalArgumentException("intervals must be positive");
		}
	}

	public static ReplicationSettings defaults(ZoneId serverZone) {
		return new ReplicationSettings(serverZone, "", 100_000, 1_000, Duration.ofSeconds(10), Duration.ofSeconds(30),
				1_000_000);
	}

	public ReplicationSettings withServerAddress(String address) {
		return new ReplicationSettings(serverZone, address, queueCapacity, batchSize, refreshInterval, maxBackoff,
				dailyBufferCapacity);
	}

	public ReplicationSettings withRefreshInterval(Duration interval) {
		return new ReplicationSettings(serverZone, serverAddress, queueCapacity, batchSize, interval, maxBackoff,
				dailyBufferCapacity);
	}

	public ReplicationSettings withQueueCapacity(int capacity) {
		return new ReplicationSettings(serverZone, serverAddress, capacity, batchSize, refreshInterval, maxBackoff,
				dailyBufferCapacity);
	}

	public ReplicationSettings withMaxBackoff(Duration backoff) {
		return new ReplicationSettings(serverZone, serverAddress, queueCapacity, batchSize, refreshInterval, backoff,
				dailyBufferCapacity);
	}
}
