package io.tradeport.cloud.identity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tradeport.cloud.Mailbox;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

@TradeportApplicationTest
class PasswordResetTests {

	private static final String OLD = "quiet harbour under snow";
	private static final String NEW = "seven paper kites climbing";

	@LocalServerPort
	int port;

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResetLinkSetsANewPasswordOnceAndSignsOutEveryExistingSession() {
		var email = IdentityFixtures.uniqueEmail("forgetful");
		fixtures.userWithPassword(email, OLD);
		var oldSession = new WebSession(port);
		oldSession.signIn(email, OLD);
		assertThat(oldSession.get("/account").status()).isEqualTo(200);

		var browser = new WebSession(port);
		var sent = browser.submit("/forgot-password", "/forgot-password", "email", email);
		assertThat(sent.body()).contains("we sent it a link");
		var link = Mailbox.match(Mailbox.latestBody(email, "Reset your Tradeport password"), "(http\\S+reset-password\\?token=\\S+)");
		var path = link.substring(link.indexOf("/reset-password"));
		var token = path.substring(path.indexOf('=') + 1);

		var weak = browser.submit(path, "/reset-password", "token", token, "password", "short", "confirmation", "short");
		assertThat(weak.body()).contains("at least 12 characters");
		var reset = browser.submit(path, "/reset-password", "token", token, "password", NEW, "confirmation", NEW);
		assertThat(reset.redirectsTo("/login?reset")).isTrue();

		assertThat(oldSession.get("/account").redirectsTo("/login")).isTrue();
		assertThat(new WebSession(port).signIn(email, OLD).redirectsTo("/login?error")).isTrue();
		assertThat(new WebSession(port).signIn(email, NEW).location()).doesNotContain("error");
		assertThat(browser.get(path).body()).contains("invalid, used or expired");
	}

	@Test
	void anUnknownEmailGetsTheSameAnswerAndNoMail() {
		var email = IdentityFixtures.uniqueEmail("stranger");
		var page = new WebSession(port).submit("/forgot-password", "/forgot-password", "email", email);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("we sent it a link");
		assertThat(Mailbox.count(email)).isZero();
	}

	@Test
	void anExpiredOrForgedLinkIsRefused() {
		var email = IdentityFixtures.uniqueEmail("slow");
		fixtures.userWithPassword(email, OLD);
		var browser = new WebSession(port);
		browser.submit("/forgot-password", "/forgot-password", "email", email);
		var link = Mailbox.match(Mailbox.latestBody(email, "Reset your Tradeport password"), "(/reset-password\\?token=\\S+)");
		jdbc.sql("update password_reset set expires_at = now() - interval '1 second'").update();

		assertThat(browser.get(link).body()).contains("invalid, used or expired");
		assertThat(browser.get("/reset-password?token=forged").body()).contains("invalid, used or expired");
		assertThat(browser.get("/reset-password?token=" + "x".repeat(5000)).status()).isEqualTo(200);
	}
}
