package io.tradeport.signalr;

import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.socket.WebSocketSession;

/**
 * What all hubs share: settings, the threads, the set of live connections and the timer that checks them.
 * Hub methods, stream producers and socket writes run on virtual threads, so a blocking hub method or a stuck
 * socket holds only itself. Stops before the web server does, so that clients get a Close that lets them reconnect.
 */
final class HubRuntime implements SmartLifecycle, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(HubRuntime.class);

	private final SignalRSettings settings;
	private final List<Hub> hubs;
	// One name for all: a numbered name is formatted for every thread, and a writer thread starts per burst of sends
	// (7 % of the cloud's CPU samples at 300,000 messages/s were spent numbering them).
	private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("signalr").factory());
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("signalr-timer").daemon().factory());
	private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
	private volatile boolean running;
	private volatile @Nullable ScheduledFuture<?> ticking;

	HubRuntime(SignalRSettings settings, List<Hub> hubs) {
		this.settings = settings;
		this.hubs = List.copyOf(hubs);
		var paths = new HashSet<String>();
		for (var hub : this.hubs) {
			if (!paths.add(hub.path())) {
				throw new IllegalStateException("Two hubs are declared at " + hub.path());
			}
		}
	}

	SignalRSettings settings() {
		return settings;
	}

	List<Hub> hubs() {
		return hubs;
	}

	/** Runs on a virtual thread; once the application is shutting down, right here instead. */
	void execute(Runnable task) {
		try {
			executor.execute(task);
		}
		catch (RejectedExecutionException e) {
			task.run();
		}
	}

	Connection open(Hub hub, WebSocketSession session, String connectionId, @Nullable String token, @Nullable Principal principal,
			Map<String, String> queryParameters) {
		var connection = new Connection(hub, this, session, connectionId, token, principal, queryParameters);
		connections.add(connection);
		return connection;
	}

	void forget(Connection connection) {
		connections.remove(connection);
	}

	@Override
	public void start() {
		var tick = settings.tick().toMillis();
		ticking = timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
		running = true;
	}

	/** Also when a test framework pauses the context: it may be started again. */
	@Override
	public void stop() {
		running = false;
		var closing = connections.stream().map(connection -> {
			connection.shutdown();
			return connection.terminated();
		}).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(closing).get(2, TimeUnit.SECONDS);
		}
		catch (TimeoutException e) {
			log.info("{} SignalR connections did not close in time", connections.size());
		}
		catch (Exception e) {
			log.debug("Waiting for SignalR connections to close", e);
		}
		var current = ticking;
		if (current != null) {
			current.cancel(false);
		}
	}

	@Override
	public void close() {
		timer.shutdownNow();
		executor.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void tick() {
		try {
			var now = System.nanoTime();
			for (var connection : connections) {
				connection.check(now);
			}
			var negotiatedBefore = now - settings.negotiationTimeout().toNanos();
			for (var hub : hubs) {
				hub.negotiations().expire(negotiatedBefore);
			}
		}
		catch (RuntimeException e) {
			// An exception would cancel the timer for good.
			log.error("SignalR timer check failed", e);
		}
	}
}
