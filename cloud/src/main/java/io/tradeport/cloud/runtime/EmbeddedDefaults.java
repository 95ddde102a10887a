package io.tradeport.cloud.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * In the embedded default the secrets a production operator would configure are generated once and kept in
 * the data directory, so that encrypted data and sessions survive a restart.
 */
class EmbeddedDefaults implements EnvironmentPostProcessor, Ordered {

	static final String PROFILE = "embedded";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
			return;
		}
		var dataDirectory = Path.of(environment.getProperty("tradeport.data-dir", "data")).toAbsolutePath();
		if (environment.getProperty("tradeport.encryption.key", "").isBlank()) {
			var key = readOrCreateKey(dataDirectory.resolve("encryption.key"));
			environment.getPropertySources()
				.addLast(new MapPropertySource("tradeport-embedded-defaults", Map.of("tradeport.encryption.key", key)));
		}
	}

	private static String readOrCreateKey(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			Files.createDirectories(file.getParent());
			var bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			var key = Base64.getEncoder().encodeToString(bytes);
			Files.writeString(file, key);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the file inherits the data directory's ACL.
			}
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the embedded encryption key at " + file, e);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
