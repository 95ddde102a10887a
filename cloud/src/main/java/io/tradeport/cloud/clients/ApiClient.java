package io.tradeport.cloud.clients;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An API client as its organization's administrators see it; the secret is never part of it.
 *
 * @param platforms the trade platforms it may use; {@code null} for all, including ones added later
 */
public record ApiClient(String clientId, String name, Set<String> scopes, @Nullable Set<UUID> platforms,
		Instant createdAt, @Nullable Instant lastUsedAt, boolean disabled) {

	public boolean mayUse(UUID platform) {
		return !disabled && (platforms == null || platforms.contains(platform));
	}
}
