package io.tradeport.cloud.organizations;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One permission held by a member.
 *
 * @param platforms the trade platforms it is limited to; {@code null} for all, including ones added later
 */
public record Grant(Permission permission, @Nullable Set<UUID> platforms) {

	public Grant {
		if (platforms != null && !permission.platformScoped()) {
			throw new IllegalArgumentException(permission.label() + " cannot be limited to platforms");
		}
		platforms = platforms == null ? null : Set.copyOf(platforms);
	}

	public static Grant everywhere(Permission permission) {
		return new Grant(permission, null);
	}

	public boolean coversAllPlatforms() {
		return platforms == null;
	}

	public boolean covers(UUID platform) {
		return platforms == null || platforms.contains(platform);
	}
}
