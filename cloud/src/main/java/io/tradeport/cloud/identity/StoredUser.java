package io.tradeport.cloud.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

record StoredUser(UserId id, String email, @Nullable String displayName, @Nullable String passwordHash,
		boolean passwordTemporary, @Nullable Instant passwordExpiresAt, Instant createdAt, boolean disabled) {

	UserAccount account() {
		return new UserAccount(id, email, displayName, createdAt);
	}
}
