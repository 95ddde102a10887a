package io.tradeport.cloud.runtime;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.tradeport.cloud.Http;
import io.tradeport.cloud.Mailbox;
import io.tradeport.cloud.StandaloneApplication;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.WebSession;
import io.tradeport.cloud.identity.Users;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite as the README's run command starts it: nothing configured, nothing installed. */
class EmbeddedDefaultTests {

	@Test
	void withNothingConfiguredMailsGoToTheDevelopmentMailboxAndEverythingSurvivesARestart() throws Exception {
		var data = TestInfrastructure.newDataDirectory();
		var email = "restart-" + System.nanoTime() + "@broker.test";
		String password;
		String jwks;
		try (var app = StandaloneApplication.start(data)) {
			assertThat(data.resolve("encryption.key")).exists();
			assertThat(Files.readString(data.resolve("encryption.key")).strip()).hasSize(44);
			var browser = new WebSession(app.port());
			browser.submit("/register", "/register", "email", email);

			var mailbox = browser.get("/dev/mailbox").body();
			assertThat(mailbox).contains(email).contains("Your Tradeport password");
			var mailLink = Mailbox.match(mailbox, "href=\"(/dev/mailbox/\\d+)\"");
			password = Mailbox.temporaryPassword(browser.get(mailLink).body());
			jwks = new Http(app.port()).get("/.well-known/openid-configuration/jwks").body();
			assertThat(app.bean(Users.class).findByEmail("demo@tradeport.local")).as("the demo user is seeded").isPresent();
			assertThat(demoClients(app)).isEqualTo(1);
		}

		try (var app = StandaloneApplication.start(data)) {
			assertThat(new Http(app.port()).get("/.well-known/openid-configuration/jwks").body())
				.as("the signing key, sealed with the generated encryption key, survived").isEqualTo(jwks);
			var browser = new WebSession(app.port());
			assertThat(browser.get("/dev/mailbox").body()).contains(email);
			assertThat(browser.signIn(email, password).redirectsTo("/account/password/new")).isTrue();
			assertThat(demoClients(app)).as("seeded once, not at every start").isEqualTo(1);
		}
	}

	private static long demoClients(StandaloneApplication app) {
		return app.bean(JdbcClient.class).sql("select count(*) from api_client where name = 'Demo API client'").query(Long.class).single();
	}

	@Test
	void theDevelopmentMailboxDoesNotExistOnceSmtpIsConfigured() {
		try (var app = StandaloneApplication.start(TestInfrastructure.newDataDirectory(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestInfrastructure.MAIL.getSmtp().getPort())) {
			assertThat(new Http(app.port()).get("/dev/mailbox").status()).isEqualTo(404);
		}
	}
}
