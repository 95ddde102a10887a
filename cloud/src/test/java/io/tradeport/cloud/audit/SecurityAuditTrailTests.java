package io.tradeport.cloud.audit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tradeport.cloud.Mailbox;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TradeportApplicationTest
class SecurityAuditTrailTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registrationSignInsAndThePasswordChoiceAreRecordedWithAddressAndWithoutSecrets() {
		var email = "audited-" + System.nanoTime() + "@broker.test";
		var browser = new WebSession(port, "192.0.2.77");
		browser.submit("/register", "/register", "email", email);
		var temporary = Mailbox.temporaryPassword(Mailbox.latestBody(email, "Your Tradeport password"));
		browser.signIn(email, "wrong password entirely");
		browser.signIn(email, temporary);
		browser.submit("/account/password/new", "/account/password/new", "password", "tangerine glacier whistles",
				"confirmation", "tangerine glacier whistles");

		var userId = jdbc.sql("select id::text from app_user where email = ?").param(email).query(String.class).single();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
				jdbc.sql("select type from audit_event where actor = ? and ip = '192.0.2.77' order by id").param(userId)
					.query(String.class).list())
			.containsSubsequence("user.registered", "user.sign-in-failed", "user.signed-in", "user.password-chosen"));
		var everything = jdbc.sql("select details::text from audit_event").query(String.class).list();
		assertThat(everything).noneMatch(details -> details.contains(temporary) || details.contains("tangerine"));
	}
}
