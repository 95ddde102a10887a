package io.tradeport.cloud.clients;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param applications relying parties that sign users in with the authorization-code flow, by client id
 * @param cacheTimeToLive how long a node may answer from its cached copy of a client
 */
@ConfigurationProperties("tradeport.clients")
record ClientsSettings(@DefaultValue Map<String, Application> applications,
		@DefaultValue("PT30S") Duration cacheTimeToLive) {

	/**
	 * @param secret the client secret; none for a public client (a single-page or native app), which then
	 * relies on PKCE alone
	 * @param firstParty trusted application: no consent page, organizations in its ID tokens
	 */
	record Application(String name, @Nullable String secret, List<String> redirectUris,
			@DefaultValue List<String> postLogoutRedirectUris, @DefaultValue("openid,profile,email") List<String> scopes,
			@DefaultValue("false") boolean firstParty) {
	}
}
