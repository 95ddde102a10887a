package io.tradeport.cloud.identity;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes rows nobody can use any more, in bounded batches so a large backlog never holds long locks. SAS has no
 * such job (spring-authorization-server #556); without it every client-credentials token leaves a row forever.
 */
@Component
class AuthorizationCleanup {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationCleanup.class);
	private static final int BATCH = 5_000;

	private final JdbcClient jdbc;
	private final Throttle throttle;
	private final Clock clock;

	AuthorizationCleanup(JdbcClient jdbc, Throttle throttle, Clock clock) {
		this.jdbc = jdbc;
		this.throttle = throttle;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tradeport.identity.cleanup-interval:PT10M}", initialDelayString = "PT2M")
	void run() {
		var removed = deleteExpired();
		if (removed > 0) {
			log.info("Removed {} expired authorizations, reset links and rotated refresh tokens", removed);
		}
	}

	int deleteExpired() {
		var now = UserStore.utc(clock.instant());
		int total = 0;
		int batch;
		do {
			batch = jdbc.sql("""
					delete from oauth2_authorization where id in (
					  select id from oauth2_authorization
					  where greatest(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
					                 refresh_token_expires_at, device_code_expires_at, user_code_expires_at) < :now
					  limit :batch)""")
				.param("now", now)
				.param("batch", BATCH)
				.update();
			total += batch;
		}
		while (batch == BATCH);
		total += jdbc.sql("delete from rotated_refresh_token where expires_at < ?").param(now).update();
		total += jdbc.sql("delete from password_reset where expires_at < ?").param(now).update();
		total += throttle.purge(Duration.ofDays(1));
		return total;
	}
}
