package io.tradeport.cloud.identity;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

@TradeportApplicationTest
class AccountTests {

	private static final String PASSWORD = "maple river counts stones";

	@LocalServerPort
	int port;

	@Autowired
	IdentityFixtures fixtures;

	@Test
	void theAccountPageListsActiveSessionsAndCanSignOutAnother() {
		var email = IdentityFixtures.uniqueEmail("two-devices");
		fixtures.userWithPassword(email, PASSWORD);
		var laptop = new WebSession(port, "203.0.113.10");
		var phone = new WebSession(port, "203.0.113.20");
		laptop.signIn(email, PASSWORD);
		phone.signIn(email, PASSWORD);

		var account = laptop.get("/account").body();
		assertThat(account).contains("203.0.113.10").contains("203.0.113.20").contains("This session");
		var endAction = Pattern.compile("action=\"(/account/sessions/[^\"]+/end)\"").matcher(account);
		assertThat(endAction.find()).isTrue();
		laptop.submit("/account", endAction.group(1));

		assertThat(phone.get("/account").redirectsTo("/login")).isTrue();
		assertThat(laptop.get("/account").status()).isEqualTo(200);
	}

	@Test
	void noOneCanEndSomeoneElsesSession() {
		var victim = IdentityFixtures.uniqueEmail("victim");
		var intruder = IdentityFixtures.uniqueEmail("intruder");
		fixtures.userWithPassword(victim, PASSWORD);
		fixtures.userWithPassword(intruder, PASSWORD);
		var victimBrowser = new WebSession(port);
		victimBrowser.signIn(victim, PASSWORD);
		var victimAccount = victimBrowser.get("/account").body();
		var intruderBrowser = new WebSession(port);
		intruderBrowser.signIn(intruder, PASSWORD);
		var otherVictimBrowser = new WebSession(port);
		otherVictimBrowser.signIn(victim, PASSWORD);
		var victimSessionAction = Pattern.compile("action=\"(/account/sessions/[^\"]+/end)\"").matcher(victimBrowser.get("/account").body());
		assertThat(victimSessionAction.find()).isTrue();

		intruderBrowser.submit("/account", victimSessionAction.group(1));

		assertThat(otherVictimBrowser.get("/account").status()).isEqualTo(200);
		assertThat(victimAccount).doesNotContain(intruder);
	}

	@Test
	void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherSessions() {
		var email = IdentityFixtures.uniqueEmail("changer");
		fixtures.userWithPassword(email, PASSWORD);
		var browser = new WebSession(port);
		var other = new WebSession(port);
		browser.signIn(email, PASSWORD);
		other.signIn(email, PASSWORD);

		var wrongCurrent = browser.submit("/account/password", "/account/password", "currentPassword", "nope",
				"password", "orange window hums softly", "confirmation", "orange window hums softly");
		assertThat(wrongCurrent.body()).contains("not your current password");

		var changed = browser.submit("/account/password", "/account/password", "currentPassword", PASSWORD,
				"password", "orange window hums softly", "confirmation", "orange window hums softly");
		assertThat(changed.redirectsTo("/account?passwordChanged")).isTrue();
		assertThat(browser.get("/account").status()).isEqualTo(200);
		assertThat(other.get("/account").redirectsTo("/login")).isTrue();
	}

	@Test
	void theDisplayNameIsValidatedAndShownTopRight() {
		var email = IdentityFixtures.uniqueEmail("named");
		fixtures.userWithPassword(email, PASSWORD);
		var browser = new WebSession(port);
		browser.signIn(email, PASSWORD);

		var tooLong = browser.submit("/account", "/account/profile", "displayName", "n".repeat(101));
		assertThat(tooLong.status()).isEqualTo(200);
		assertThat(tooLong.body()).contains("at most 100 characters");

		browser.submit("/account", "/account/profile", "displayName", "Dana Dealer");
		assertThat(browser.get("/").body()).contains("Dana Dealer");
	}
}
