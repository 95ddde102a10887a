package io.tradeport.cloud.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client-credentials request without {@code scope} gets every scope the client is registered for, as
 * IdentityServer does; the WebAPI SDK sends no scope unless told to. SAS would grant none.
 */
class RegisteredScopesByDefault implements AuthenticationConverter {

	private final AuthenticationConverter delegate;

	RegisteredScopesByDefault(AuthenticationConverter delegate) {
		this.delegate = delegate;
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		var converted = delegate.convert(request);
		if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token && token.getScopes().isEmpty()
				&& SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
					token.getAdditionalParameters());
		}
		return converted;
	}
}
