package io.tradeport.tradeserver.reports;

import org.jspecify.annotations.Nullable;

/**
 * What the replicator is doing, for health checks and the admin UI.
 *
 * @param running between {@code start} and {@code stop}
 * @param connected the last write or connection attempt succeeded
 * @param reconciliations full passes from the engine's snapshot so far (one per start, plus one per queue overflow)
 * @param rowsWritten rows upserted since the replicator was created
 * @param droppedEvents events dropped because the queue was full (each one leads to a reconciliation)
 * @param lastError the last database error, null after a successful write
 */
public record ReplicationStatus(
		boolean running,
		boolean connected,
		long reconciliations,
		long rowsWritten,
		long droppedEvents,
		@Nullable String lastError) {
}
