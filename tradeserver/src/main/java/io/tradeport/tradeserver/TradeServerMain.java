package io.tradeport.tradeserver;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.config.DemoPlatform;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;
import io.tradeport.tradeserver.reports.ReportDatabaseAccess;

/**
 * Runs the trade server alone:
 * {@code java -jar tradeserver.jar [--port 4500] [--data-dir DIR] [--traders 50] [--no-feed]
 * [--report-db embedded|jdbc:mariadb://HOST:3306/mt4 --report-db-user USER --report-db-password PASSWORD]
 * [--platform MT4|MT5] [--admin-password PASSWORD] [--host ADDRESS]}. Environment variables
 * (TRADESERVER_PORT, TRADESERVER_DATA_DIR, TRADESERVER_TRADERS, TRADESERVER_FEED=false,
 * TRADESERVER_REPORT_DB, TRADESERVER_REPORT_DB_USER, TRADESERVER_REPORT_DB_PASSWORD,
 * TRADESERVER_PLATFORM, TRADESERVER_ADMIN_PASSWORD, TRADESERVER_HOST) are used when the option is
 * absent. Stops on Ctrl+C / SIGTERM.
 */
public final class TradeServerMain {

	static final String USAGE = "usage: java -jar tradeserver.jar [--port 4500] [--data-dir DIR] [--traders 50] [--no-feed]"
			+ " [--report-db embedded|jdbc:mariadb://HOST:3306/mt4 --report-db-user USER --report-db-password PASSWORD]"
			+ " [--platform MT4|MT5] [--admin-password PASSWORD] [--host ADDRESS]";

	/** The demo's simulated crowd when --traders is not given. */
	static final int DEFAULT_TRADERS = 50;

	private TradeServerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		TradeServerSettings settings;
		try {
			settings = settings(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		TradeServer server = TradeServer.start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "tradeserver-shutdown"));
		System.out.println(banner(settings, server.port(), server.reportDatabase().orElse(null)));
		System.out.flush();
		stopped.await();
	}

	/** What an operator needs to connect: the gateway, the managers, and the report database ("DB" button). */
	static String banner(TradeServerSettings settings, int port, @Nullable ReportDatabaseAccess reports) {
		StringBuilder out = new StringBuilder();
		out.append("Tradeport trade server (").append(settings.platform()).append(") listening on ")
			.append(settings.host()).append(':').append(port).append('\n');
		out.append("  gateway port:      ").append(port).append('\n');
		out.append("  data directory:    ").append(settings.dataDir() == null ? "none (in memory)" : settings.dataDir()).append('\n');
		out.append("  price feed:        ").append(settings.feed() ? "on" : "off").append('\n');
		out.append("  simulated traders: ").append(settings.simulatedTraders()).append('\n');
		out.append("  manager login ").append(DemoPlatform.ADMIN_LOGIN)
			.append(settings.adminPassword().equals(DemoPlatform.DEFAULT_ADMIN_PASSWORD)
					? " / password " + DemoPlatform.DEFAULT_ADMIN_PASSWORD
							+ " (administrator; on a new data directory --admin-password sets another; afterwards change it through the gateway)"
					: " / the password given with --admin-password on the first start (administrator)")
			.append('\n');
		if (settings.demo()) {
			out.append("  manager login ").append(DemoPlatform.DEALER_LOGIN).append(" / password ")
				.append(DemoPlatform.DEALER_PASSWORD).append(" (dealer of demo*)\n");
		}
		if (reports != null) {
			out.append("Report database (the platform's \"DB\" button):\n");
			out.append("  host:     ").append(reports.host()).append('\n');
			out.append("  port:     ").append(reports.port()).append('\n');
			out.append("  database: ").append(reports.database()).append('\n');
			out.append("  login:    ").append(reports.login()).append('\n');
			out.append("  password: ").append(reports.password()).append('\n');
			out.append("  JDBC URL: ").append(reports.jdbcUrl()).append('\n');
		}
		else if (settings.reportDatabase() != null) {
			out.append("Replicating into the report database given with --report-db\n");
		}
		return out.toString();
	}

	static TradeServerSettings settings(String[] args, Map<String, String> env) {
		TradeServerSettings settings = TradeServerSettings.defaults().withFeed(true).withSimulatedTraders(DEFAULT_TRADERS);
		String port = option(args, "--port", env.get("TRADESERVER_PORT"));
		String dataDir = option(args, "--data-dir", env.get("TRADESERVER_DATA_DIR"));
		String password = option(args, "--admin-password", env.get("TRADESERVER_ADMIN_PASSWORD"));
		String host = option(args, "--host", env.get("TRADESERVER_HOST"));
		String traders = option(args, "--traders", env.get("TRADESERVER_TRADERS"));
		String reportDb = option(args, "--report-db", env.get("TRADESERVER_REPORT_DB"));
		String platform = option(args, "--platform", env.get("TRADESERVER_PLATFORM"));
		if (port != null) {
			settings = settings.withPort(number("--port", port));
		}
		if (dataDir != null) {
			settings = settings.withDataDir(Path.of(dataDir));
		}
		if (password != null) {
			settings = settings.withAdminPassword(password);
		}
		if (host != null) {
			settings = settings.withHost(host);
		}
		if (traders != null) {
			int count = number("--traders", traders);
			if (count < 0) {
				throw new IllegalArgumentException("--traders must not be negative: " + traders);
			}
			settings = settings.withSimulatedTraders(count);
		}
		if (List.of(args).contains("--no-feed") || "false".equalsIgnoreCase(env.get("TRADESERVER_FEED"))) {
			settings = settings.withFeed(false);
		}
		if (platform != null) {
			try {
				settings = settings.withPlatform(TradeServerSettings.Platform.valueOf(platform.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("--platform must be MT4 or MT5: " + platform);
			}
		}
		if (reportDb != null) {
			if (reportDb.equals("embedded")) {
				if (settings.dataDir() == null) {
					throw new IllegalArgumentException("--report-db embedded needs --data-dir");
				}
				settings = settings.withEmbeddedReportDatabase(true);
			}
			else if (reportDb.startsWith("jdbc:")) {
				String user = option(args, "--report-db-user", env.get("TRADESERVER_REPORT_DB_USER"));
				String dbPassword = option(args, "--report-db-password", env.get("TRADESERVER_REPORT_DB_PASSWORD"));
				if (user == null || dbPassword == null) {
					throw new IllegalArgumentException("--report-db " + reportDb + " needs --report-db-user and --report-db-password");
				}
				settings = settings.withReportDatabase(reportDb, user, dbPassword);
			}
			else {
				throw new IllegalArgumentException("--report-db must be 'embedded' or a jdbc: URL: " + reportDb);
			}
		}
		return settings;
	}

	private static int number(String name, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a number: " + value);
		}
	}

	private static @Nullable String option(String[] args, String name, @Nullable String fallback) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals(name)) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(name + " needs a value");
				}
				return args[i + 1];
			}
			if (args[i].startsWith(name + "=")) {
				return args[i].substring(name.length() + 1);
			}
		}
		return fallback;
	}
}
