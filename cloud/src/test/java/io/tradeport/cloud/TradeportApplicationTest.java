package io.tradeport.cloud;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port against embedded PostgreSQL, with SMTP going to GreenMail. Every test
 * class with this annotation shares one application context (one database), so tests use their own e-mails,
 * addresses and clients rather than expecting an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tradeport.encryption.key=" + TestInfrastructure.ENCRYPTION_KEY,
		"server.forward-headers-strategy=native",
		"tradeport.embedded.trade-server.enabled=false",
		// Tests that go over every operation would hit the per-client rate; RateLimitTests runs its own instance.
		"tradeport.webapi.burst=1000000",
		"tradeport.clients.applications.test-rp.name=Test relying party",
		"tradeport.clients.applications.test-rp.secret=" + TestInfrastructure.RELYING_PARTY_SECRET,
		"tradeport.clients.applications.test-rp.redirect-uris=http://127.0.0.1/callback",
		"tradeport.clients.applications.test-rp.post-logout-redirect-uris=http://127.0.0.1/signed-out",
		"tradeport.clients.applications.test-rp.first-party=true",
		"tradeport.clients.applications.test-rp.scopes=openid,profile,email,webapi",
		"tradeport.clients.applications.third-party.name=Someone else's app",
		"tradeport.clients.applications.third-party.redirect-uris=http://127.0.0.1/other-callback" })
@ActiveProfiles("embedded")
@ContextConfiguration(initializers = TestInfrastructure.class)
@AutoConfigureMockMvc
public @interface TradeportApplicationTest {
}
