package io.tradeport.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** One GreenMail SMTP server and one fresh data directory per test JVM. */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String ENCRYPTION_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
	public static final String RELYING_PARTY_SECRET = "test-rp-secret-with-enough-entropy-for-a-test";

	public static final GreenMail MAIL = startMail();
	private static final Path DATA = createDataDirectory();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("tradeport-test-infrastructure",
					Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", MAIL.getSmtp().getPort(),
							"tradeport.data-dir", DATA.toString())));
	}

	public static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The shared test application's data directory (its PostgreSQL files are under {@code postgres/}). */
	public static Path dataDirectory() {
		return DATA;
	}

	public static Path newDataDirectory() {
		return createDataDirectory();
	}

	private static GreenMail startMail() {
		var mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
		return mail;
	}

	private static Path createDataDirectory() {
		try {
			return Files.createTempDirectory("tradeport-test-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
