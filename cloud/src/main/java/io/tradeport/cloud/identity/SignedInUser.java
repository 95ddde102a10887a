package io.tradeport.cloud.identity;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in person behind a web request. The security principal's name is the user's id (never the e-mail,
 * which can change), which is also the {@code sub} of their tokens.
 */
public final class SignedInUser {

	public static final String FULLY_SIGNED_IN = "ROLE_USER";
	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	private SignedInUser() {
	}

	public static Optional<UserId> current() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	public static Optional<UserId> of(@Nullable Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated() || authentication.getAuthorities()
			.stream()
			.noneMatch(a -> FULLY_SIGNED_IN.equals(a.getAuthority()))) {
			return Optional.empty();
		}
		try {
			return Optional.of(UserId.parse(authentication.getName()));
		}
		catch (IllegalArgumentException notAUser) {
			return Optional.empty();
		}
	}
}
