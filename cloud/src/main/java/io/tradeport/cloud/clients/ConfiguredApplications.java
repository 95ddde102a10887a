package io.tradeport.cloud.clients;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import io.tradeport.cloud.identity.ClientSecrets;
import io.tradeport.cloud.identity.FirstPartyApplications;

/**
 * Registers (or updates) the applications listed under {@code tradeport.clients.applications} at start-up: code
 * flow with PKCE always required, refresh tokens rotated on every use.
 */
@Component
class ConfiguredApplications {

	private static final Logger log = LoggerFactory.getLogger(ConfiguredApplications.class);

	private final CachingRegisteredClientRepository clients;
	private final ClientsSettings settings;
	private final Duration accessTokenLifetime;
	private final Duration refreshTokenLifetime;
	private final Clock clock;

	ConfiguredApplications(CachingRegisteredClientRepository clients, ClientsSettings settings,
			@Value("${tradeport.identity.tokens.user-access-token:PT15M}") Duration accessTokenLifetime,
			@Value("${tradeport.identity.tokens.refresh-token:P1D}") Duration refreshTokenLifetime, Clock clock) {
		this.clients = clients;
		this.settings = settings;
		this.accessTokenLifetime = accessTokenLifetime;
		this.refreshTokenLifetime = refreshTokenLifetime;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void register() {
		settings.applications().forEach((clientId, application) -> {
			var existing = clients.findByClientId(clientId);
			var builder = RegisteredClient.withId(existing == null ? UUID.randomUUID().toString() : existing.getId())
				.clientId(clientId)
				.clientIdIssuedAt(existing == null ? clock.instant() : existing.getClientIdIssuedAt())
				.clientName(application.name())
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.redirectUris(uris -> uris.addAll(application.redirectUris()))
				.postLogoutRedirectUris(uris -> uris.addAll(application.postLogoutRedirectUris()))
				.scopes(scopes -> scopes.addAll(application.scopes()))
				.clientSettings(ClientSettings.builder()
					.requireProofKey(true)
					.requireAuthorizationConsent(!application.firstParty())
					.setting(FirstPartyApplications.SETTING, application.firstParty())
					.build())
				.tokenSettings(TokenSettings.builder()
					.accessTokenTimeToLive(accessTokenLifetime)
					.refreshTokenTimeToLive(refreshTokenLifetime)
					.reuseRefreshTokens(false)
					.build());
			if (application.secret() == null || application.secret().isBlank()) {
				builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
			}
			else {
				builder.clientSecret(ClientSecrets.INSTANCE.encode(application.secret()))
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
			}
			clients.save(builder.build());
			log.info("Application {} ({}) registered", clientId, application.name());
		});
	}
}
