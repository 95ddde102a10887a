package io.tradeport.cloud.clients;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tradeport.cloud.audit.AuditEvent;
import io.tradeport.cloud.audit.AuditLog;
import io.tradeport.cloud.identity.ClientSecrets;
import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.organizations.OrganizationId;

/** API clients: machine identities of an organization that obtain tokens with the client-credentials grant. */
@Service
public class ApiClients {

	private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final CachingRegisteredClientRepository registeredClients;
	private final OwnerLookup owners;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Duration accessTokenLifetime;
	private final Clock clock;

	ApiClients(CachingRegisteredClientRepository registeredClients, OwnerLookup owners, JdbcClient jdbc, AuditLog audit,
			@Value("${tradeport.identity.tokens.client-access-token:PT1H}") Duration accessTokenLifetime, Clock clock) {
		this.registeredClients = registeredClients;
		this.owners = owners;
		this.jdbc = jdbc;
		this.audit = audit;
		this.accessTokenLifetime = accessTokenLifetime;
		this.clock = clock;
	}

	@Transactional
	public IssuedCredentials register(OrganizationId organization, String name, Set<String> scopes, UserId createdBy) {
		var secret = ClientSecrets.generate();
		var clientId = "tp-" + randomId(20);
		var now = clock.instant();
		var client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(now)
			.clientSecret(ClientSecrets.INSTANCE.encode(secret))
			.clientName(name)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(granted -> granted.addAll(scopes))
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenLifetime).build())
			.build();
		registeredClients.save(client);
		jdbc.sql("""
				insert into api_client (registered_client_id, client_id, organization_id, name, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(client.getId(), clientId, organization.value(), name, now.atOffset(ZoneOffset.UTC))
			.update();
		owners.evict(clientId);
		audit.record(AuditEvent.of("client.created", createdBy.toString(), null)
			.withOrganization(organization.value())
			.withClient(clientId));
		return new IssuedCredentials(clientId, secret);
	}

	public Optional<OrganizationId> ownerOf(String clientId) {
		return owners.ownerOf(clientId);
	}

	private static String randomId(int length) {
		var id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
		}
		return id.toString();
	}
}
