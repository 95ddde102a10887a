package io.tradeport.cloud.identity;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.tradeport.cloud.audit.AuditEvent;
import io.tradeport.cloud.audit.AuditLog;
import io.tradeport.cloud.secrets.SecretBox;

/**
 * The JWS signing keys: generated here, private halves sealed with {@link SecretBox} in the database, all nodes
 * reading the same set.
 * <p>
 * Rotation publishes the next key {@code publishAhead} before it signs (resource servers cache the JWKS), then
 * signs with it, and keeps the previous key in the JWKS until every token it signed has expired.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
	/** SAS issues ID tokens for 30 minutes regardless of the access-token lifetime. */
	private static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(30);

	record SigningKey(RSAKey jwk, Instant createdAt, Instant activeFrom, @Nullable Instant retireAt,
			@Nullable Instant removeAt) {

		boolean publishedAt(Instant now) {
			return removeAt == null || now.isBefore(removeAt);
		}

		boolean signsAt(Instant now) {
			return !now.isBefore(activeFrom) && (retireAt == null || now.isBefore(retireAt));
		}
	}

	private final JdbcClient jdbc;
	private final SecretBox secrets;
	private final TransactionTemplate transactions;
	private final AuditLog audit;
	private final IdentitySettings.Keys settings;
	private final Duration longestTokenLifetime;
	private final Clock clock;
	private volatile List<SigningKey> keys = List.of();

	SigningKeys(JdbcClient jdbc, SecretBox secrets, TransactionTemplate transactions, AuditLog audit,
			IdentitySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.transactions = transactions;
		this.audit = audit;
		this.settings = settings.identity().keys();
		var tokens = settings.identity().tokens();
		this.longestTokenLifetime = List.of(tokens.clientAccessToken(), tokens.userAccessToken(), ID_TOKEN_LIFETIME)
			.stream()
			.max(Comparator.naturalOrder())
			.orElseThrow();
		this.clock = clock;
		transactions.executeWithoutResult(status -> {
			lockKeyTable();
			resealWithCurrentKey();
			if (load().isEmpty()) {
				var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
				insert(generate(), now, now);
				audit.record(AuditEvent.of("signing-key.created", null, null));
			}
		});
		reload();
	}

	@Override
	public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) {
		var now = clock.instant();
		return selector.select(new JWKSet(keys.stream().filter(key -> key.publishedAt(now)).map(key -> (JWK) key.jwk()).toList()));
	}

	/** The key that signs now: the newest whose signing period has begun. */
	JWK current() {
		var now = clock.instant();
		return keys.stream()
			.filter(key -> key.signsAt(now))
			.max(Comparator.comparing(SigningKey::activeFrom))
			.orElseThrow(() -> new IllegalStateException("No signing key is active; run a rotation"))
			.jwk();
	}

	/** For {@code NimbusJwtEncoder}: several keys match an RS256 header while one is being rotated in or out. */
	JWK chooseSigningKey(List<JWK> candidates) {
		var kid = current().getKeyID();
		return candidates.stream().filter(key -> kid.equals(key.getKeyID())).findFirst().orElseThrow();
	}

	List<SigningKey> all() {
		return keys;
	}

	/**
	 * Starts a rotation: the new key is published at once and signs from {@code publishAhead} on; the current key
	 * stops signing then and leaves the JWKS once its last token has expired.
	 */
	void rotate() {
		transactions.executeWithoutResult(status -> {
			lockKeyTable();
			var now = clock.instant();
			var activeFrom = now.plus(settings.publishAhead());
			var removeAt = activeFrom.plus(longestTokenLifetime).plus(Duration.ofMinutes(5));
			jdbc.sql("update signing_key set retire_at = :retire, remove_at = :remove where retire_at is null")
				.param("retire", UserStore.utc(activeFrom))
				.param("remove", UserStore.utc(removeAt))
				.update();
			var key = generate();
			insert(key, now, activeFrom);
			audit.record(AuditEvent.of("signing-key.rotated", null, null)
				.withDetails(Map.of("kid", key.getKeyID(), "signsFrom", activeFrom.toString())));
		});
		reload();
	}

	/** Hourly: rotates when the signing key is older than the rotation period, and drops expired keys. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void rotateWhenDue() {
		reload();
		var now = clock.instant();
		var newest = keys.stream().max(Comparator.comparing(SigningKey::activeFrom)).orElseThrow();
		if (!newest.activeFrom().plus(settings.rotationPeriod()).isAfter(now)) {
			log.info("Signing key {} is older than {}; rotating", newest.jwk().getKeyID(), settings.rotationPeriod());
			rotate();
		}
		var removed = jdbc.sql("delete from signing_key where remove_at < ?").param(UserStore.utc(now)).update();
		if (removed > 0) {
			reload();
		}
	}

	/** Other nodes may have rotated; a minute's delay is within the publish-ahead margin. */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void reload() {
		keys = load();
	}

	private List<SigningKey> load() {
		return jdbc.sql("select private_jwk_encrypted, created_at, active_from, retire_at, remove_at from signing_key order by active_from")
			.query((rs, row) -> new SigningKey(parse(secrets.open(rs.getString(1))), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))))
			.list();
	}

	private void insert(RSAKey key, Instant createdAt, Instant activeFrom) {
		jdbc.sql("""
				insert into signing_key (kid, algorithm, public_jwk, private_jwk_encrypted, created_at, active_from)
				values (?, 'RS256', ?, ?, ?, ?)""")
			.params(key.getKeyID(), key.toPublicJWK().toJSONString(), secrets.seal(key.toJSONString()),
					UserStore.utc(createdAt), UserStore.utc(activeFrom))
			.update();
	}

	/** After an encryption-key rotation, so that the previous key can be retired. */
	private void resealWithCurrentKey() {
		var rows = jdbc.sql("select kid, private_jwk_encrypted from signing_key").query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		for (var row : rows) {
			if (secrets.needsResealing(row[1])) {
				jdbc.sql("update signing_key set private_jwk_encrypted = ? where kid = ?").params(secrets.seal(secrets.open(row[1])), row[0]).update();
				log.info("Re-sealed signing key {} with the current encryption key", row[0]);
			}
		}
	}

	/** Nodes starting together must not each create a first key. */
	private void lockKeyTable() {
		jdbc.sql("select pg_advisory_xact_lock(7305001)").query().singleRow();
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyID(UUID.randomUUID().toString().replace("-", ""))
				.generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Cannot generate an RSA key", e);
		}
	}

	private static RSAKey parse(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException e) {
			throw new IllegalStateException("A stored signing key is not a JWK", e);
		}
	}

	private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
