package io.tradeport.cloud.clients;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
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
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.organizations.Permission;

/**
 * API clients: machine identities of an organization that obtain tokens with the client-credentials grant. The
 * secret is generated, shown once and stored as a SHA-256 hash. Disabling or deleting a client refuses it new
 * tokens at once and revokes the ones it holds.
 */
@Service
public class ApiClients {

	private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final CachingRegisteredClientRepository registeredClients;
	private final OwnerLookup owners;
	private final Organizations organizations;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Duration accessTokenLifetime;
	private final Clock clock;

	ApiClients(CachingRegisteredClientRepository registeredClients, OwnerLookup owners, Organizations organizations,
			JdbcClient jdbc, AuditLog audit,
			@Value("${tradeport.identity.tokens.client-access-token:PT1H}") Duration accessTokenLifetime, Clock clock) {
		this.registeredClients = registeredClients;
		this.owners = owners;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.audit = audit;
		this.accessTokenLifetime = accessTokenLifetime;
		this.clock = clock;
	}

	/** A client for all platforms with the given scopes ({@link ApiScopes#WEBAPI} is always included). */
	@Transactional
	public IssuedCredentials register(OrganizationId organization, String name, Set<String> scopes, UserId actor) {
		return register(organization, name, scopes, null, actor);
	}

	/**
	 * @param platforms the platforms it may use; {@code null} for all
	 * @throws ClientRuleViolation for a duplicate name or an unknown scope
	 */
	@Transactional
	public IssuedCredentials register(OrganizationId organization, String name, Set<String> scopes,
			@Nullable Set<UUID> platforms, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_CLIENTS);
		var granted = new LinkedHashSet<String>();
		granted.add(ApiScopes.WEBAPI);
		for (var scope : scopes) {
			if (!scope.equals(ApiScopes.WEBAPI) && !ApiScopes.CHOOSABLE.contains(scope)) {
				throw new ClientRuleViolation("scopes", "Unknown scope \"" + scope + "\".");
			}
			granted.add(scope);
		}
		var secret = ClientSecrets.generate();
		var clientId = "tp-" + randomId(20);
		var now = clock.instant();
		var client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(now)
			.clientSecret(ClientSecrets.INSTANCE.encode(secret))
			.clientName(name.strip())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(all -> all.addAll(granted))
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenLifetime).build())
			.build();
		registeredClients.save(client);
		try {
			jdbc.sql("""
					insert into api_client (registered_client_id, client_id, organization_id, name, created_at, platform_ids)
					values (?, ?, ?, ?, ?, ?)""")
				.params(client.getId(), clientId, organization.value(), name.strip(), now.atOffset(ZoneOffset.UTC),
						platforms == null ? null : platforms.toArray(UUID[]::new))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new ClientRuleViolation("name", "An API client named \"" + name.strip() + "\" exists already.");
		}
		owners.evict(clientId);
		audit.record(AuditEvent.of("client.created", actor.toString(), null)
			.withOrganization(organization.value())
			.withClient(clientId)
			.withDetails(Map.of("name", name.strip(), "scopes", String.join(" ", granted),
					"platforms", platforms == null ? "all" : platforms.toString())));
		return new IssuedCredentials(clientId, secret);
	}

	public List<ApiClient> list(OrganizationId organization, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_CLIENTS);
		return jdbc.sql("""
				select a.client_id, a.name, r.scopes, a.platform_ids, a.created_at, a.last_used_at, a.disabled
				from api_client a join oauth2_registered_client r on r.id = a.registered_client_id
				where a.organization_id = ? order by lower(a.name)""")
			.param(organization.value())
			.query(ApiClients::map)
			.list();
	}

	/** A new secret, shown once; the old one stops working at once. Tokens already issued stay valid until they expire. */
	@Transactional
	public IssuedCredentials rotateSecret(OrganizationId organization, String clientId, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_CLIENTS);
		var registeredId = registeredIdOf(organization, clientId);
		var secret = ClientSecrets.generate();
		jdbc.sql("update oauth2_registered_client set client_secret = ? where id = ?")
			.params(ClientSecrets.INSTANCE.encode(secret), registeredId).update();
		registeredClients.evictAll();
		audit.record(AuditEvent.of("client.secret-rotated", actor.toString(), null).withOrganization(organization.value()).withClient(clientId));
		return new IssuedCredentials(clientId, secret);
	}

	@Transactional
	public void setDisabled(OrganizationId organization, String clientId, boolean disabled, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_CLIENTS);
		var registeredId = registeredIdOf(organization, clientId);
		jdbc.sql("update api_client set disabled = ? where client_id = ?").params(disabled, clientId).update();
		if (disabled) {
			revokeTokens(registeredId);
		}
		registeredClients.evictAll();
		audit.record(AuditEvent.of(disabled ? "client.disabled" : "client.enabled", actor.toString(), null)
			.withOrganization(organization.value()).withClient(clientId));
	}

	@Transactional
	public void delete(OrganizationId organization, String clientId, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_CLIENTS);
		var registeredId = registeredIdOf(organization, clientId);
		revokeTokens(registeredId);
		jdbc.sql("delete from oauth2_registered_client where id = ?").param(registeredId).update();
		registeredClients.evictAll();
		owners.evict(clientId);
		audit.record(AuditEvent.of("client.deleted", actor.toString(), null).withOrganization(organization.value()).withClient(clientId));
	}

	public Optional<OrganizationId> ownerOf(String clientId) {
		return owners.ownerOf(clientId);
	}

	/** For resource servers: whether a client's tokens should still be honoured (not disabled, not deleted). */
	public Optional<ApiClient> active(String clientId) {
		return jdbc.sql("""
				select a.client_id, a.name, r.scopes, a.platform_ids, a.created_at, a.last_used_at, a.disabled
				from api_client a join oauth2_registered_client r on r.id = a.registered_client_id where a.client_id = ?""")
			.param(clientId)
			.query(ApiClients::map)
			.optional()
			.filter(client -> !client.disabled());
	}

	private String registeredIdOf(OrganizationId organization, String clientId) {
		return jdbc.sql("select registered_client_id from api_client where client_id = ? and organization_id = ?")
			.params(clientId, organization.value())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new ClientRuleViolation("client", "No such API client."));
	}

	private void revokeTokens(String registeredId) {
		jdbc.sql("delete from oauth2_authorization where registered_client_id = ?").param(registeredId).update();
	}

	private static ApiClient map(ResultSet rs, int row) throws SQLException {
		return new ApiClient(rs.getString("client_id"), rs.getString("name"),
				new java.util.TreeSet<>(List.of(rs.getString("scopes").split(","))), platforms(rs.getArray("platform_ids")),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")), rs.getBoolean("disabled"));
	}

	private static @Nullable Set<UUID> platforms(@Nullable Array array) throws SQLException {
		return array == null ? null : Set.of((UUID[]) array.getArray());
	}

	private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static String randomId(int length) {
		var id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
		}
		return id.toString();
	}
}
