package io.tradeport.cloud.identity;

import java.util.LinkedHashMap;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/** {@code /connect/userinfo}: the user as they are now, not as they were when the token was issued. */
@Component
class UserInfoClaims {

	private final Users users;
	private final TokenClaims tokenClaims;
	private final RegisteredClientRepository clients;

	UserInfoClaims(Users users, TokenClaims tokenClaims, RegisteredClientRepository clients) {
		this.users = users;
		this.tokenClaims = tokenClaims;
		this.clients = clients;
	}

	OidcUserInfo map(OidcUserInfoAuthenticationContext context) {
		var authorization = context.getAuthorization();
		var user = TokenClaims.userOf(authorization.getPrincipalName()).flatMap(users::find);
		var claims = new LinkedHashMap<String, Object>();
		claims.put("sub", authorization.getPrincipalName());
		user.ifPresent(account -> {
			var scopes = context.getAccessToken().getScopes();
			if (scopes.contains(OidcScopes.EMAIL)) {
				claims.put("email", account.email());
				claims.put("email_verified", true);
			}
			if (scopes.contains(OidcScopes.PROFILE)) {
				claims.put("name", account.nameToShow());
			}
			var client = clients.findById(authorization.getRegisteredClientId());
			if (client != null && TokenClaims.isFirstParty(client)) {
				claims.putAll(tokenClaims.userClaims(account.id()));
			}
		});
		return new OidcUserInfo(claims);
	}
}
