package io.tradeport.cloud.runtime;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the production profile when a setting it cannot run safely without is missing, naming each
 * one by the environment variable an operator sets. Runs before any bean exists, so nothing half-starts.
 */
class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

	static final String PROFILE = "production";

	private record Required(String property, String variable, String purpose) {
	}

	private static final List<Required> REQUIRED = List.of(
			new Required("spring.datasource.url", "SPRING_DATASOURCE_URL", "PostgreSQL JDBC URL of the application store"),
			new Required("spring.datasource.username", "SPRING_DATASOURCE_USERNAME", "PostgreSQL user"),
			new Required("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD", "PostgreSQL password"),
			new Required("tradeport.encryption.key", "TRADEPORT_ENCRYPTION_KEY",
					"base64 of 32 random bytes; encrypts signing keys and platform credentials"),
			new Required("tradeport.issuer", "TRADEPORT_ISSUER", "public https URL of the identity server"),
			new Required("spring.mail.host", "SPRING_MAIL_HOST", "SMTP server for registration and password mails"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
			return;
		}
		if (environment.acceptsProfiles(Profiles.of(EmbeddedDefaults.PROFILE))) {
			throw new MissingProductionSettingsException(
					List.of("the 'embedded' profile cannot be combined with 'production'"));
		}
		var problems = new ArrayList<String>();
		for (var required : REQUIRED) {
			if (environment.getProperty(required.property(), "").isBlank()) {
				problems.add(required.variable() + " (" + required.property() + "): " + required.purpose());
			}
		}
		var key = environment.getProperty("tradeport.encryption.key", "");
		if (!key.isBlank() && !isAes256Key(key)) {
			problems.add("TRADEPORT_ENCRYPTION_KEY (tradeport.encryption.key): must be base64 of exactly 32 bytes,"
					+ " e.g. `openssl rand -base64 32`");
		}
		var issuer = environment.getProperty("tradeport.issuer", "");
		if (!issuer.isBlank() && !issuer.startsWith("https://")) {
			problems.add("TRADEPORT_ISSUER (tradeport.issuer): must be an https URL in production");
		}
		if (!problems.isEmpty()) {
			throw new MissingProductionSettingsException(problems);
		}
	}

	static boolean isAes256Key(String base64) {
		try {
			return Base64.getDecoder().decode(base64.strip()).length == 32;
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
