package io.tradeport.signalr;

import java.security.Principal;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Decides who may use a hub. It is asked on negotiate and again on the WebSocket upgrade, because clients may skip
 * negotiation and the upgrade is what opens the connection. When both carry a principal, the upgrade's must have
 * the negotiate's name.
 */
@FunctionalInterface
public interface HubAuthenticator {

	/** Anyone may connect; the principal is the servlet request's (e.g. set by Spring Security), if any. */
	HubAuthenticator ANONYMOUS = HubRequest::userPrincipal;

	/**
	 * @return the connection's principal, or {@code null} for an anonymous connection
	 * @throws HubAccessDeniedException to refuse with 401 or 403
	 */
	@Nullable Principal authenticate(HubRequest request);

	/**
	 * Requires a bearer token (header or {@code access_token} query parameter) and refuses with 401 when it is missing
	 * or when {@code validate} returns {@code null}; {@code validate} may itself throw
	 * {@link HubAccessDeniedException#forbidden(String)}, e.g. for a query parameter the token does not cover.
	 */
	static HubAuthenticator bearer(Function<String, @Nullable Principal> validate) {
		return request -> {
			var token = request.accessToken();
			if (token == null) {
				throw HubAccessDeniedException.unauthenticated("no access token");
			}
			var principal = validate.apply(token);
			if (principal == null) {
				throw HubAccessDeniedException.unauthenticated("access token refused");
			}
			return principal;
		};
	}
}
