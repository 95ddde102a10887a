package io.tradeport.cloud.runtime;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionSettingsCheckUnitTests {

	private final ProductionSettingsCheck check = new ProductionSettingsCheck();

	@Test
	void productionWithoutSecretsRefusesToStartAndNamesEachMissingVariable() {
		var environment = new MockEnvironment();
		environment.setActiveProfiles("production");
		assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.isInstanceOf(MissingProductionSettingsException.class)
			.hasMessageContaining("TRADEPORT_ENCRYPTION_KEY")
			.hasMessageContaining("SPRING_DATASOURCE_URL")
			.hasMessageContaining("SPRING_DATASOURCE_PASSWORD")
			.hasMessageContaining("TRADEPORT_ISSUER")
			.hasMessageContaining("SPRING_MAIL_HOST");
	}

	@Test
	void productionWithAMalformedKeyOrAPlainHttpIssuerIsRefused() {
		var environment = complete();
		environment.setProperty("tradeport.encryption.key", "not-a-key");
		environment.setProperty("tradeport.issuer", "http://id.broker.test");
		assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.hasMessageContaining("32 bytes")
			.hasMessageContaining("https");
	}

	@Test
	void productionWithEverySettingStarts() {
		assertThatCode(() -> check.postProcessEnvironment(complete(), new SpringApplication())).doesNotThrowAnyException();
	}

	@Test
	void theEmbeddedDefaultNeedsNoSettings() {
		var environment = new MockEnvironment();
		environment.setActiveProfiles("embedded");
		assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
	}

	private static MockEnvironment complete() {
		var environment = new MockEnvironment();
		environment.setActiveProfiles("production");
		environment.setProperty("spring.datasource.url", "jdbc:postgresql://db/tradeport");
		environment.setProperty("spring.datasource.username", "tradeport");
		environment.setProperty("spring.datasource.password", "secret");
		environment.setProperty("tradeport.encryption.key", Base64.getEncoder().encodeToString(new byte[32]));
		environment.setProperty("tradeport.issuer", "https://id.broker.test");
		environment.setProperty("spring.mail.host", "smtp.broker.test");
		return environment;
	}
}
