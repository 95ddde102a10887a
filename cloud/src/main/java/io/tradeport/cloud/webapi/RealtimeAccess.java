package io.tradeport.cloud.webapi;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;

/**
 * For the realtime hubs: whether an authenticated caller may follow a platform, decided exactly as for a read
 * operation of the REST API (the client's {@code read} scope, the platform's organization and the client's platform
 * limits, or a user's "Use the WebAPI" permission).
 */
@Component
public class RealtimeAccess {

	/** Refused: {@code status} is 401 for the token itself, 403 for the platform or the scope. */
	public static final class Refused extends RuntimeException {

		private final int status;

		Refused(int status, String message) {
			super(message);
			this.status = status;
		}

		public int status() {
			return status;
		}
	}

	private final Callers callers;
	private final PlatformAccess access;

	RealtimeAccess(Callers callers, PlatformAccess access) {
		this.callers = callers;
		this.access = access;
	}

	public TradePlatformId requireReadable(@Nullable Authentication authentication, @Nullable String tradePlatform, PlatformType type) {
		if (authentication == null) {
			throw new Refused(401, "A valid bearer token is required");
		}
		if (tradePlatform == null || tradePlatform.isBlank()) {
			throw new Refused(403, "The tradePlatform query parameter is required");
		}
		try {
			return access.require(callers.of(authentication), tradePlatform, type, OperationScope.READ).id();
		}
		catch (ApiException refused) {
			throw new Refused(refused.status().value() == 401 ? 401 : 403, refused.getMessage());
		}
	}
}
