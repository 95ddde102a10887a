package io.tradeport.cloud.identity;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.MutableClock;
import io.tradeport.cloud.StandaloneApplication;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.clients.IssuedCredentials;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeyRotationTests {

	@Test
	void aNewKeyIsPublishedBeforeItSignsAndTheOldOneStaysPublishedUntilItsLastTokenHasExpired() throws Exception {
		var clock = new MutableClock(Instant.now());
		try (var app = StandaloneApplication.start(TestInfrastructure.newDataDirectory(), clock,
				"--tradeport.encryption.key=" + TestInfrastructure.ENCRYPTION_KEY)) {
			var http = new Http(app.port());
			var credentials = apiClient(app);
			var keys = app.bean(SigningKeys.class);
			var first = kidOf(token(http, credentials));
			assertThat(publishedKids(http)).containsExactly(first);

			keys.rotate();
			var next = publishedKids(http).stream().filter(kid -> !kid.equals(first)).findFirst().orElseThrow();
			assertThat(publishedKids(http)).containsExactlyInAnyOrder(first, next);
			assertThat(kidOf(token(http, credentials))).as("the new key is not used before resource servers know it").isEqualTo(first);

			clock.advance(Duration.ofMinutes(61));
			assertThat(kidOf(token(http, credentials))).isEqualTo(next);
			assertThat(publishedKids(http)).as("tokens signed by the old key are still valid").contains(first);

			clock.advance(Duration.ofMinutes(70));
			keys.rotateWhenDue();
			assertThat(publishedKids(http)).containsExactly(next);
		}
	}

	@Test
	void privateKeysAreStoredOnlyEncrypted() {
		try (var app = StandaloneApplication.start(TestInfrastructure.newDataDirectory(),
				"--tradeport.encryption.key=" + TestInfrastructure.ENCRYPTION_KEY)) {
			var rows = app.bean(JdbcClient.class).sql("select public_jwk, private_jwk_encrypted from signing_key").query().listOfRows();
			assertThat(rows).isNotEmpty().allSatisfy(row -> {
				assertThat(row.get("public_jwk").toString()).doesNotContain("\"d\"");
				assertThat(row.get("private_jwk_encrypted").toString()).startsWith("v1:").doesNotContain("\"d\"").doesNotContain("RSA");
			});
		}
	}

	private static IssuedCredentials apiClient(StandaloneApplication app) {
		return app.bean(ApiClientFixtures.class).newOrganizationWithClient("rotation").credentials();
	}

	private static String token(Http http, IssuedCredentials credentials) {
		var response = http.postForm("/connect/token", Http.form("grant_type", "client_credentials", "client_id",
				credentials.clientId(), "client_secret", credentials.clientSecret()));
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("access_token").asString();
	}

	private static String kidOf(String jwt) throws Exception {
		return SignedJWT.parse(jwt).getHeader().getKeyID();
	}

	private static java.util.List<String> publishedKids(Http http) throws Exception {
		return JWKSet.parse(http.get("/.well-known/openid-configuration/jwks").body()).getKeys().stream().map(key -> key.getKeyID()).toList();
	}
}
