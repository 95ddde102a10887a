package io.tradeport.cloud.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.WebSession;
import io.tradeport.cloud.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TradeportApplicationTest
class BruteForceProtectionTests {

	private static final String PASSWORD = "copper lantern drifts east";

	@LocalServerPort
	int port;

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	AuditLog audit;

	@Test
	void fiveWrongPasswordsLockTheAccountSoThatEvenTheRightPasswordIsRefusedForAWhile() {
		var email = IdentityFixtures.uniqueEmail("target");
		var user = fixtures.userWithPassword(email, PASSWORD);
		var attacker = new WebSession(port);

		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(attacker.signIn(email, "guess-" + attempt).redirectsTo("/login?error")).isTrue();
		}
		assertThat(attacker.signIn(email, "guess-5").redirectsTo("/login?error")).isTrue();

		assertThat(new WebSession(port).signIn(email, PASSWORD).redirectsTo("/login?locked")).isTrue();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audit.recent(null, 500))
			.anyMatch(e -> e.event().type().equals("user.locked-out") && user.toString().equals(e.event().actor())));
	}

	@Test
	void unknownEmailsGetTheSameAnswersAsWrongPasswordsAndLockTheSameWay() {
		var known = IdentityFixtures.uniqueEmail("known");
		fixtures.userWithPassword(known, PASSWORD);
		var unknown = IdentityFixtures.uniqueEmail("unknown");

		for (int attempt = 1; attempt <= 5; attempt++) {
			var toKnown = new WebSession(port).signIn(known, "wrong-" + attempt);
			var toUnknown = new WebSession(port).signIn(unknown, "wrong-" + attempt);
			assertThat(toUnknown.status()).isEqualTo(toKnown.status());
			assertThat(toUnknown.location()).isEqualTo(toKnown.location());
		}
		assertThat(new WebSession(port).signIn(known, "again").location())
			.isEqualTo(new WebSession(port).signIn(unknown, "again").location())
			.endsWith("/login?locked");
	}

	@Test
	void manyFailuresFromOneAddressLockThatAddressButNotOthers() {
		var email = IdentityFixtures.uniqueEmail("bystander");
		fixtures.userWithPassword(email, PASSWORD);
		var address = WebSession.randomAddress();

		for (int attempt = 0; attempt < 20; attempt++) {
			new WebSession(port, address).signIn(IdentityFixtures.uniqueEmail("spray"), "password-" + attempt);
		}

		assertThat(new WebSession(port, address).signIn(email, PASSWORD).redirectsTo("/login?locked")).isTrue();
		assertThat(new WebSession(port).signIn(email, PASSWORD).location()).doesNotContain("locked").doesNotContain("error");
	}

	@Test
	void aSuccessfulSignInClearsTheAccountsFailureCount() {
		var email = IdentityFixtures.uniqueEmail("typo");
		fixtures.userWithPassword(email, PASSWORD);
		var browser = new WebSession(port);
		for (int round = 0; round < 3; round++) {
			for (int attempt = 0; attempt < 4; attempt++) {
				browser.signIn(email, "typo-" + attempt);
			}
			assertThat(new WebSession(port).signIn(email, PASSWORD).location()).doesNotContain("locked");
		}
	}
}
