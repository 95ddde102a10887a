package io.tradeport.cloud.identity;

import java.time.Clock;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import io.tradeport.cloud.audit.AuditEvent;
import io.tradeport.cloud.audit.AuditLog;

/**
 * Refresh-token reuse detection on top of the JDBC store. Rotation (a new refresh token on every use) is a
 * client setting; this remembers the hashes of rotated-away tokens so that presenting one again, which only a
 * thief or a broken client does, revokes the whole authorization ("token family"), as RFC 9700 §2.2.2 asks.
 */
class RotatingRefreshTokens implements OAuth2AuthorizationService {

	private static final Logger log = LoggerFactory.getLogger(RotatingRefreshTokens.class);

	private final OAuth2AuthorizationService delegate;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	RotatingRefreshTokens(OAuth2AuthorizationService delegate, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.delegate = delegate;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		var refresh = authorization.getRefreshToken();
		if (refresh != null) {
			var previous = delegate.findById(authorization.getId());
			var previousRefresh = previous == null ? null : previous.getRefreshToken();
			if (previousRefresh != null
					&& !Objects.equals(previousRefresh.getToken().getTokenValue(), refresh.getToken().getTokenValue())) {
				remember(authorization.getId(), previousRefresh.getToken());
			}
		}
		delegate.save(authorization);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		delegate.remove(authorization);
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return delegate.findById(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		var found = delegate.findByToken(token, tokenType);
		if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
			revokeFamilyOfReplayed(token);
		}
		return found;
	}

	private void remember(String authorizationId, OAuth2RefreshToken rotatedAway) {
		var expiresAt = rotatedAway.getExpiresAt() != null ? rotatedAway.getExpiresAt() : clock.instant().plusSeconds(86_400);
		jdbc.sql("insert into rotated_refresh_token (token_hash, authorization_id, expires_at) values (?, ?, ?) on conflict do nothing")
			.params(ClientSecrets.sha256Hex(rotatedAway.getTokenValue()), authorizationId, UserStore.utc(expiresAt))
			.update();
	}

	private void revokeFamilyOfReplayed(String token) {
		var authorizationId = jdbc.sql("select authorization_id from rotated_refresh_token where token_hash = ?")
			.param(ClientSecrets.sha256Hex(token))
			.query(String.class)
			.optional();
		if (authorizationId.isEmpty()) {
			return;
		}
		var family = delegate.findById(authorizationId.get());
		if (family != null) {
			delegate.remove(family);
			log.warn("A rotated refresh token was presented again; revoked authorization {} of client {}",
					family.getId(), family.getRegisteredClientId());
			audit.record(AuditEvent.of("refresh-token.reuse-detected", family.getPrincipalName(), RequestOrigin.currentAddress())
				.withDetails(java.util.Map.of("registeredClientId", family.getRegisteredClientId())));
		}
	}
}
