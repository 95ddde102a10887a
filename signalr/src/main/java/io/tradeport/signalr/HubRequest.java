package io.tradeport.signalr;

import java.security.Principal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link HubAuthenticator} sees of a negotiate request or a WebSocket upgrade.
 *
 * @param path the request's path within the application
 * @param accessToken the bearer token from the {@code Authorization} header, or else from the {@code access_token}
 *        query parameter (browsers cannot set headers on a WebSocket)
 * @param queryParameters the query parameters by case-insensitive name, first value only, without
 *        {@code access_token} and the connection token {@code id}
 * @param headers the request headers by case-insensitive name, first value only
 * @param userPrincipal the servlet request's principal, when a filter in front (e.g. Spring Security) set one
 */
public record HubRequest(String path, @Nullable String accessToken, Map<String, String> queryParameters,
		Map<String, String> headers, @Nullable Principal userPrincipal) {

	public @Nullable String queryParameter(String name) {
		return queryParameters.get(name);
	}

	public @Nullable String header(String name) {
		return headers.get(name);
	}
}
