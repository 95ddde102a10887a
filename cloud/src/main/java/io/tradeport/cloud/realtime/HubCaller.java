package io.tradeport.cloud.realtime;

import java.security.Principal;

import org.springframework.security.core.Authentication;

import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.webapi.RealtimeAccess;
import io.tradeport.signalr.HubAccessDeniedException;
import io.tradeport.signalr.HubAuthenticator;

/** A hub connection's caller and the platform it was allowed to follow, bound at negotiate and upgrade. */
record HubCaller(String name, TradePlatformId platform) implements Principal {

	@Override
	public String getName() {
		return name;
	}

	/**
	 * The token was verified by the WebAPI's security chain (header, or {@code access_token} on the upgrade); the
	 * platform in {@code tradePlatform} is checked as for a REST read, on negotiate and again on the upgrade.
	 */
	static HubAuthenticator authenticator(RealtimeAccess access, PlatformType type) {
		return request -> {
			if (!(request.userPrincipal() instanceof Authentication authentication)) {
				throw HubAccessDeniedException.unauthenticated("A valid bearer token is required");
			}
			try {
				var platform = access.requireReadable(authentication, request.queryParameter("tradePlatform"), type);
				return new HubCaller(authentication.getName(), platform);
			}
			catch (RealtimeAccess.Refused refused) {
				throw refused.status() == 401 ? HubAccessDeniedException.unauthenticated(refused.getMessage())
						: HubAccessDeniedException.forbidden(refused.getMessage());
			}
		};
	}

	static HubCaller of(io.tradeport.signalr.HubConnection connection) {
		if (connection.principal() instanceof HubCaller caller) {
			return caller;
		}
		throw new IllegalStateException("A hub connection without its platform: the authenticator did not run");
	}
}
