package io.tradeport.cloud.identity;

import java.util.Map;

/**
 * Lets modules that identity must not depend on (organizations, clients) put their facts into tokens.
 * Implementations are called on the token endpoint's hot path: answer from memory or a cache where possible.
 */
public interface TokenClaimsContributor {

	/** Claims for an access token issued to an API client with the client-credentials grant. */
	default Map<String, Object> clientClaims(String clientId) {
		return Map.of();
	}

	/** Claims describing a user, for ID tokens and userinfo of first-party applications. */
	default Map<String, Object> userClaims(UserId user) {
		return Map.of();
	}
}
