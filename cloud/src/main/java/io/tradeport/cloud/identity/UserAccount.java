package io.tradeport.cloud.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What other modules may know about a user. */
public record UserAccount(UserId id, String email, @Nullable String displayName, Instant createdAt) {

	public String nameToShow() {
		return displayName == null || displayName.isBlank() ? email : displayName;
	}
}
