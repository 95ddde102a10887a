package io.tradeport.cloud.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The claims Tradeport adds (documented in docs/identity.md):
 * <ul>
 * <li>client-credentials access tokens: {@code org_id} of the owning organization (from the clients module);</li>
 * <li>users' access tokens: {@code sub} = user id, {@code email};</li>
 * <li>users' ID tokens: {@code email}, {@code email_verified}; for first-party applications also
 * {@code organizations} = [{id, name, permissions}] (from the organizations module).</li>
 * </ul>
 * Access tokens carry {@code typ: at+jwt} (RFC 9068) so they cannot be confused with ID tokens.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final List<TokenClaimsContributor> contributors;
	private final Users users;

	TokenClaims(List<TokenClaimsContributor> contributors, Users users) {
		this.contributors = contributors;
		this.users = users;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		var isAccessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		var isIdToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (isAccessToken) {
			context.getJwsHeader().type("at+jwt");
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			if (isAccessToken) {
				var clientId = context.getRegisteredClient().getClientId();
				contributors.forEach(contributor -> contributor.clientClaims(clientId).forEach(context.getClaims()::claim));
			}
			return;
		}
		userOf(context.getPrincipal().getName()).flatMap(users::find).ifPresent(user -> {
			if (isAccessToken || context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
				context.getClaims().claim("email", user.email());
			}
			if (isIdToken) {
				context.getClaims().claim("email_verified", true);
				if (isFirstParty(context.getRegisteredClient())) {
					userClaims(user.id()).forEach(context.getClaims()::claim);
				}
			}
		});
	}

	Map<String, Object> userClaims(UserId user) {
		var claims = new HashMap<String, Object>();
		contributors.forEach(contributor -> claims.putAll(contributor.userClaims(user)));
		return claims;
	}

	static boolean isFirstParty(RegisteredClient client) {
		return Boolean.TRUE.equals(client.getClientSettings().getSetting(FirstPartyApplications.SETTING));
	}

	static java.util.Optional<UserId> userOf(String principalName) {
		try {
			return java.util.Optional.of(UserId.parse(principalName));
		}
		catch (IllegalArgumentException notAUser) {
			return java.util.Optional.empty();
		}
	}
}
