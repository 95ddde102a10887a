package io.tradeport.cloud.webapi;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import io.tradeport.cloud.clients.ApiClient;
import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.organizations.OrganizationId;

/**
 * Turns a verified token into an {@link ApiCaller}, and refuses tokens of clients that were disabled or deleted
 * after the token was issued (checked against the database, cached for a few seconds per client).
 */
@Component
class Callers {

	private static final Duration CLIENT_CACHE = Duration.ofSeconds(5);

	private record Cached(Optional<ApiClient> client, Instant at) {
	}

	private final ApiClients clients;
	private final ConcurrentHashMap<String, Cached> active = new ConcurrentHashMap<>();

	Callers(ApiClients clients) {
		this.clients = clients;
	}

	ApiCaller of(Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			throw ApiException.forbidden("A bearer token is required");
		}
		Jwt jwt = token.getToken();
		var scopes = new HashSet<String>();
		var scope = jwt.getClaim("scope");
		if (scope instanceof List<?> list) {
			list.forEach(item -> scopes.add(item.toString()));
		}
		else if (scope instanceof String text) {
			scopes.addAll(List.of(text.split(" ")));
		}
		var organization = jwt.getClaimAsString("org_id");
		if (organization != null) {
			var clientId = jwt.getClaimAsString("client_id") != null ? jwt.getClaimAsString("client_id") : jwt.getSubject();
			var client = activeClient(clientId);
			if (client.isEmpty()) {
				throw new ApiException(ApiResponse.Code.Forbidden, org.springframework.http.HttpStatus.UNAUTHORIZED,
						"This API client is disabled or deleted", null);
			}
			return new ApiCaller(clientId, new OrganizationId(UUID.fromString(organization)), null, scopes);
		}
		try {
			return new ApiCaller(null, null, UserId.parse(jwt.getSubject()), scopes);
		}
		catch (IllegalArgumentException | NullPointerException notAUser) {
			throw ApiException.forbidden("This token belongs to neither an API client nor a user");
		}
	}

	Optional<ApiClient> activeClient(String clientId) {
		var now = Instant.now();
		var cached = active.get(clientId);
		if (cached == null || cached.at().plus(CLIENT_CACHE).isBefore(now)) {
			cached = new Cached(clients.active(clientId), now);
			active.put(clientId, cached);
		}
		return cached.client();
	}
}
