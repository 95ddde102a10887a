package io.tradeport.cloud.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.ServerSocket;
import java.util.Base64;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
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
 * The embedded default's demo platforms: the built-in trade server (journaled, with its price feed and simulated
 * traders) on a loopback port, replicating into its own MySQL report database (MariaDB), and a second one presenting
 * itself as MT5 (feed and a few traders, no report database), each under {@code tradeport.data-dir} with its port and
 * manager password kept there so the platforms registered for them stay valid across restarts. The cloud itself
 * reaches the servers only through the gateway protocol, as it would remote ones.
 */
@Component
@Profile("embedded")
@ConditionalOnProperty(name = "tradeport.embedded.trade-server.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedTradeServer implements AutoCloseable {

	static final long MANAGER_LOGIN = 1;
	/** The MT5 demo shows the MT5 operations at work; a few traders are enough for that and keep it cheap. */
	static final int MT5_SIMULATED_TRADERS = 10;
	private static final Logger log = LoggerFactory.getLogger(EmbeddedTradeServer.class);

	/** How to reach one demo server; {@code reportDatabase} is null for the MT5 one, which has none. */
	record Access(String address, long managerLogin, String managerPassword, @Nullable ReportDatabaseAccess reportDatabase) {

		@Override
		public String toString() {
			return "Access[" + address + ", manager " + managerLogin + (reportDatabase == null ? "" : ", " + reportDatabase) + "]";
		}
	}

	private record Started(TradeServer server, Access access) {
	}

	private final Started mt4;
	private final Started mt5;

	EmbeddedTradeServer(@Value("${tradeport.data-dir:data}") String dataDir,
			@Value("${tradeport.embedded.trade-server.simulated-traders:50}") int simulatedTraders) {
		var root = Path.of(dataDir).toAbsolutePath();
		log.info("Starting the demo trade servers and the MT4 one's report database (MariaDB; about 20 s on the first start)");
		mt4 = start(root.resolve("tradeserver"), settings -> settings.withSimulatedTraders(simulatedTraders)
			.withEmbeddedReportDatabase(true));
		try {
			mt5 = start(root.resolve("tradeserver-mt5"), settings -> settings.withPlatform(TradeServerSettings.Platform.MT5)
				.withServerName("Tradeport Demo MT5")
				.withSimulatedTraders(Math.min(simulatedTraders, MT5_SIMULATED_TRADERS)));
		}
		catch (RuntimeException e) {
			mt4.server().close();
			throw e;
		}
		var access = mt4.access();
		var db = mt4.server().reportDatabase().orElseThrow();
		var mt5Access = mt5.access();
		log.info("""

				  Demo trade server (MT4 semantics), for Admin → Trade platforms:
				    API: server address {}, manager login {}, password {}
				    DB:  host {}, port {}, database {}, login {}, password {}
				  Demo trade server presenting as MT5:
				    API: server address {}, manager login {}, password {}
				""", access.address(), access.managerLogin(), access.managerPassword(), db.host(), db.port(), db.database(),
				db.login(), db.password(), mt5Access.address(), mt5Access.managerLogin(), mt5Access.managerPassword());
	}

	/** The server under {@code directory}, on the port and with the manager password it had before (new ones at first). */
	private static Started start(Path directory, UnaryOperator<TradeServerSettings> settings) {
		try {
			Files.createDirectories(directory);
			var port = remembered(directory.resolve("gateway.port"), () -> Integer.toString(freePort()));
			var password = remembered(directory.resolve("manager.password"), EmbeddedTradeServer::generatePassword);
			var server = TradeServer.start(settings.apply(TradeServerSettings.embeddedDemo(directory.resolve("server"))
				.withPort(Integer.parseInt(port))
				.withAdminPassword(password)));
			return new Started(server, new Access("127.0.0.1:" + server.port(), MANAGER_LOGIN, password,
					server.reportDatabase().orElse(null)));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start the demo trade server under " + directory, e);
		}
	}

	/** The MT4 demo server, with its report database. */
	Access access() {
		return mt4.access();
	}

	/** The demo server presenting as MT5. */
	Access mt5Access() {
		return mt5.access();
	}

	@Override
	public void close() {
		try {
			mt5.server().close();
		}
		finally {
			mt4.server().close();
		}
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
