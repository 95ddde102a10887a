package io.tradeport.cloud.runtime;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.tradeport.cloud.Http;
import io.tradeport.cloud.StandaloneApplication;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.identity.IdentityFixtures;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The documented encryption-key rotation: new key + previous key, restart, everything re-sealed, old key retired. */
class EncryptionKeyRotationTests {

	@Test
	void afterARestartWithTheNewKeyEverythingIsResealedAndThePreviousKeyCanBeRemoved() {
		var data = TestInfrastructure.newDataDirectory();
		var oldKey = randomKey();
		var newKey = randomKey();
		String jwks;
		String sealedBefore;
		try (var app = StandaloneApplication.start(data, "--tradeport.encryption.key=" + oldKey)) {
			var owner = app.bean(IdentityFixtures.class).userWithPassword(IdentityFixtures.uniqueEmail("rotator"), "hazel comet waits outside");
			var organization = app.bean(Organizations.class).membershipsOf(owner).getFirst().organizationId();
			var platforms = app.bean(TradePlatforms.class);
			var platform = platforms.create(organization, "Rotated MT4", PlatformType.MT4, owner);
			platforms.setManagerApi(organization, platform, "mt4.test:443", 3, "manager-secret", owner);
			jwks = new Http(app.port()).get("/.well-known/openid-configuration/jwks").body();
			sealedBefore = app.bean(JdbcClient.class).sql("select manager_password from trade_platform").query(String.class).single();
		}

		try (var app = StandaloneApplication.start(data, "--tradeport.encryption.key=" + newKey,
				"--tradeport.encryption.previous-keys[0]=" + oldKey)) {
			var jdbc = app.bean(JdbcClient.class);
			assertThat(jdbc.sql("select manager_password from trade_platform").query(String.class).single()).isNotEqualTo(sealedBefore);
			assertThat(new Http(app.port()).get("/.well-known/openid-configuration/jwks").body()).isEqualTo(jwks);
		}

		try (var app = StandaloneApplication.start(data, "--tradeport.encryption.key=" + newKey)) {
			assertThat(new Http(app.port()).get("/.well-known/openid-configuration/jwks").body())
				.as("the signing key opens without the previous key").isEqualTo(jwks);
		}
		assertThatThrownBy(() -> StandaloneApplication.start(data, "--tradeport.encryption.key=" + randomKey()).close())
			.as("a wrong key is refused at start, not discovered later").hasStackTraceContaining("Cannot decrypt");
	}

	private static String randomKey() {
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}
}
