package io.tradeport.cloud.identity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tradeport.cloud.Mailbox;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.WebSession;
import io.tradeport.cloud.organizations.Organizations;

import static org.assertj.core.api.Assertions.assertThat;

@TradeportApplicationTest
class RegistrationAndSignInTests {

	private static final String GOOD_PASSWORD = "amber kettle rides north";

	@LocalServerPort
	int port;

	@Autowired
	Users users;

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registeringMailsATemporaryPasswordAndCreatesAnOrganizationNamedAfterTheEmailWithTheUserAsAdministrator() {
		var email = IdentityFixtures.uniqueEmail("dealer");
		var page = new WebSession(port).submit("/register", "/register", "email", email.toUpperCase());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Check your mail");
		var password = Mailbox.temporaryPassword(Mailbox.latestBody(email, "Your Tradeport password"));
		assertThat(password).hasSize(23);
		var user = users.findByEmail(email).orElseThrow();
		var memberships = organizations.membershipsOf(user.id());
		assertThat(memberships).singleElement().satisfies(membership -> {
			assertThat(membership.organizationName()).isEqualTo(email);
			assertThat(membership.isAdministrator()).isTrue();
		});
	}

	@Test
	void theTemporaryPasswordWorksOnceAndTheFirstThingItAllowsIsChoosingAnotherOne() {
		var email = IdentityFixtures.uniqueEmail("first");
		var browser = new WebSession(port);
		browser.submit("/register", "/register", "email", email);
		var temporary = Mailbox.temporaryPassword(Mailbox.latestBody(email, "Your Tradeport password"));

		assertThat(browser.signIn(email, temporary).redirectsTo("/account/password/new")).isTrue();
		assertThat(browser.get("/").redirectsTo("/account/password/new")).isTrue();
		assertThat(browser.get("/account").redirectsTo("/account/password/new")).isTrue();

		var weak = browser.submit("/account/password/new", "/account/password/new", "password", "short", "confirmation", "short");
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("at least 12 characters");
		var mismatch = browser.submit("/account/password/new", "/account/password/new", "password", GOOD_PASSWORD,
				"confirmation", GOOD_PASSWORD + "!");
		assertThat(mismatch.body()).contains("The two passwords differ");

		var chosen = browser.submit("/account/password/new", "/account/password/new", "password", GOOD_PASSWORD,
				"confirmation", GOOD_PASSWORD);
		assertThat(chosen.status()).isEqualTo(302);
		var home = browser.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Your organizations").contains(email).contains("Administrator");

		var other = new WebSession(port);
		assertThat(other.signIn(email, temporary).redirectsTo("/login?error")).isTrue();
		assertThat(other.signIn(email, GOOD_PASSWORD).location()).doesNotContain("error").doesNotContain("password/new");
	}

	@Test
	void aTemporaryPasswordOlderThanItsLifetimeIsRefusedWithAPointerToPasswordReset() {
		var email = IdentityFixtures.uniqueEmail("late");
		var browser = new WebSession(port);
		browser.submit("/register", "/register", "email", email);
		var temporary = Mailbox.temporaryPassword(Mailbox.latestBody(email, "Your Tradeport password"));
		jdbc.sql("update app_user set password_expires_at = now() - interval '1 minute' where email = ?").param(email).update();

		assertThat(browser.signIn(email, temporary).redirectsTo("/login?expired")).isTrue();
		assertThat(browser.get("/login?expired").body()).contains("Forgot password");
	}

	@Test
	void registeringAnExistingEmailAnswersExactlyTheSameAndOnlyTheOwnerLearnsWhy() {
		var email = IdentityFixtures.uniqueEmail("twice");
		var first = new WebSession(port).submit("/register", "/register", "email", email);
		Mailbox.latestBody(email, "Your Tradeport password");
		var user = users.findByEmail(email).orElseThrow();

		var second = new WebSession(port).submit("/register", "/register", "email", email);

		assertThat(second.status()).isEqualTo(first.status());
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(Mailbox.latestBody(email, "Your Tradeport account")).contains("already has an account");
		assertThat(organizations.membershipsOf(user.id())).hasSize(1);
	}

	@Test
	void badEmailsAreExplainedNextToTheFieldAndNothingIsRegistered() {
		var browser = new WebSession(port);
		var empty = browser.submit("/register", "/register", "email", "");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("Enter your e-mail address.").contains("aria-invalid=\"true\"");

		var notAnEmail = browser.submit("/register", "/register", "email", "not-an-email");
		assertThat(notAnEmail.body()).contains("This is not an e-mail address.");

		var tooLong = "x".repeat(250) + "@broker.test";
		assertThat(browser.submit("/register", "/register", "email", tooLong).body()).contains("at most 254");
		assertThat(users.findByEmail(tooLong)).isEmpty();
	}

	@Test
	void formPostsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
		var email = IdentityFixtures.uniqueEmail("forged");
		var browser = new WebSession(port);

		var register = browser.post("/register", java.util.Map.of("email", email));
		assertThat(register.status()).isEqualTo(403);
		assertThat(users.findByEmail(email)).isEmpty();

		var signIn = browser.post("/login", java.util.Map.of("email", email, "password", "whatever"));
		assertThat(signIn.status()).isEqualTo(403);
	}

	@Test
	void signingOutEndsTheSession() {
		var email = IdentityFixtures.uniqueEmail("leaving");
		var browser = new WebSession(port);
		browser.submit("/register", "/register", "email", email);
		var temporary = Mailbox.temporaryPassword(Mailbox.latestBody(email, "Your Tradeport password"));
		browser.signIn(email, temporary);
		browser.submit("/account/password/new", "/account/password/new", "password", GOOD_PASSWORD, "confirmation", GOOD_PASSWORD);
		assertThat(browser.get("/account").status()).isEqualTo(200);

		assertThat(browser.submit("/account", "/logout").redirectsTo("/login?signedOut")).isTrue();
		assertThat(browser.get("/account").redirectsTo("/login")).isTrue();
	}
}
