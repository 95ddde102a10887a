package io.tradeport.cloud.audit;

import java.time.Instant;

public record RecordedAuditEvent(long id, Instant occurredAt, AuditEvent event) {
}
