package io.tradeport.cloud.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.ServerSocket;
import java.util.Base64;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;
import io.tradeport.tradeserver.reports.ReportDatabaseAccess;

/**
 * The embedded default's demo platform: the built-in trade server (journaled, with its price feed and simulated
 * traders) on a loopback port, replicating into its own MySQL report database (MariaDB), all under
 * {@code tradeport.data-dir}, with the port and the manager password kept there so the platform registered for
 * them stays valid across restarts. The cloud itself reaches the server only through the gateway protocol, as it
 * would a remote one.
 */
@Component
@Profile("embedded")
@ConditionalOnProperty(name = "tradeport.embedded.trade-server.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedTradeServer implements AutoCloseable {

	static final long MANAGER_LOGIN = 1;
	private static final Logger log = LoggerFactory.getLogger(EmbeddedTradeServer.class);

	record Access(String address, long managerLogin, String managerPassword, ReportDatabaseAccess reportDatabase) {

		@Override
		public String toString() {
			return "Access[" + address + ", manager " + managerLogin + ", " + reportDatabase + "]";
		}
	}

	private final TradeServer server;
	private final Access access;

	EmbeddedTradeServer(@Value("${tradeport.data-dir:data}") String dataDir,
			@Value("${tradeport.embedded.trade-server.simulated-traders:50}") int simulatedTraders) {
		var directory = Path.of(dataDir).toAbsolutePath().resolve("tradeserver");
		try {
			Files.createDirectories(directory);
			var port = remembered(directory.resolve("gateway.port"), () -> Integer.toString(freePort()));
			var password = remembered(directory.resolve("manager.password"), EmbeddedTradeServer::generatePassword);
			log.info("Starting the demo trade server and its report database (MariaDB; about 20 s on the first start)");
			server = TradeServer.start(TradeServerSettings.embeddedDemo(directory.resolve("server"))
				.withPort(Integer.parseInt(port))
				.withAdminPassword(password)
				.withSimulatedTraders(simulatedTraders)
				.withEmbeddedReportDatabase(true));
			access = new Access("127.0.0.1:" + server.port(), MANAGER_LOGIN, password, server.reportDatabase().orElseThrow());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start the demo trade server under " + directory, e);
		}
		var db = access.reportDatabase();
		log.info("""

				  Demo trade server (MT4 semantics), for Admin → Trade platforms:
				    API: server address {}, manager login {}, password {}
				    DB:  host {}, port {}, database {}, login {}, password {}
				""", access.address(), access.managerLogin(), access.managerPassword(), db.host(), db.port(), db.database(),
				db.login(), db.password());
	}

	Access access() {
		return access;
	}

	@Override
	public void close() {
		server.close();
	}

	private static String remembered(Path file, java.util.function.Supplier<String> initial) throws IOException {
		if (Files.exists(file)) {
			return Files.readString(file).strip();
		}
		var value = initial.get();
		Files.writeString(file, value);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the data directory's ACL applies.
		}
		return value;
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String generatePassword() {
		var bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
