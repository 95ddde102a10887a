package io.tradeport.tradeserver;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.config.DemoPlatform;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

/**
 * Runs the trade server alone: {@code java -jar tradeserver.jar [--port 4500] [--data-dir DIR]
 * [--admin-password PASSWORD] [--host ADDRESS]}. The environment variables TRADESERVER_PORT,
 * TRADESERVER_DATA_DIR, TRADESERVER_ADMIN_PASSWORD and TRADESERVER_HOST are used when the option
 * is absent. Stops on Ctrl+C / SIGTERM.
 */
public final class TradeServerMain {

	private TradeServerMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		TradeServerSettings settings;
		try {
			settings = settings(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println("usage: java -jar tradeserver.jar [--port 4500] [--data-dir DIR] [--admin-password PASSWORD] [--host ADDRESS]");
			System.exit(2);
			return;
		}
		TradeServer server = TradeServer.start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "tradeserver-shutdown"));
		System.out.println("Tradeport trade server listening on " + settings.host() + ":" + server.port());
		System.out.println("Manager login " + DemoPlatform.ADMIN_LOGIN + (settings.adminPassword().equals(DemoPlatform.DEFAULT_ADMIN_PASSWORD)
				? " / password " + DemoPlatform.DEFAULT_ADMIN_PASSWORD + " (the default; change it with --admin-password)"
				: " / the password given"));
		stopped.await();
	}

	static TradeServerSettings settings(String[] args, Map<String, String> env) {
		TradeServerSettings settings = TradeServerSettings.defaults();
		String port = option(args, "--port", env.get("TRADESERVER_PORT"));
		String dataDir = option(args, "--data-dir", env.get("TRADESERVER_DATA_DIR"));
		String password = option(args, "--admin-password", env.get("TRADESERVER_ADMIN_PASSWORD"));
		String host = option(args, "--host", env.get("TRADESERVER_HOST"));
		if (port != null) {
			try {
				settings = settings.withPort(Integer.parseInt(port));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--port must be a number: " + port);
			}
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
		return settings;
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
