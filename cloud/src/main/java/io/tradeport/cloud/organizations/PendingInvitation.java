package io.tradeport.cloud.organizations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record PendingInvitation(UUID id, String email, List<Grant> grants, Instant createdAt, Instant expiresAt,
		boolean expired) {
}
