package io.tradeport.cloud;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole Tradeport process of its own (own database, own data directory), for tests about start-up, restarts
 * and time, which must not share the common test context.
 */
public final class StandaloneApplication implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private StandaloneApplication(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * The embedded default as a user starts it, only with its data directory and port chosen, and without the
	 * demo trade server and its MariaDB (slow to start) unless asked for with
	 * {@code --tradeport.embedded.trade-server.enabled=true}.
	 */
	public static StandaloneApplication start(Path dataDirectory, String... arguments) {
		return start(dataDirectory, null, arguments);
	}

	public static StandaloneApplication start(Path dataDirectory, Clock clock, String... arguments) {
		var args = new ArrayList<>(List.of("--server.port=0", "--tradeport.data-dir=" + dataDirectory));
		args.addAll(List.of(arguments));
		if (args.stream().noneMatch(arg -> arg.startsWith("--tradeport.embedded.trade-server.enabled="))) {
			args.add("--tradeport.embedded.trade-server.enabled=false");
		}
		var builder = new SpringApplicationBuilder(Tradeport.class);
		if (clock != null) {
			builder.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
		}
		return new StandaloneApplication(builder.run(args.toArray(String[]::new)));
	}

	public int port() {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}
}
