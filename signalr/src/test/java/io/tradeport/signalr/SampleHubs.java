package io.tradeport.signalr;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The test application: an open echo hub and a hub behind bearer tokens, with a {@link Probe} that records what the
 * server side saw. {@code main} runs it on port 8080 for trying other clients by hand (e.g. the npm client).
 */
@SpringBootApplication
class SampleHubs {

	static final String ALICE_TOKEN = "alice-token";
	static final String BOB_TOKEN = "bob-token";
	static final String FORBIDDEN_TOKEN = "suspended-token";
	/** A {@code tradePlatform} query parameter value that the secure hub refuses, as a hub would for a platform the token does not cover. */
	static final String FOREIGN_PLATFORM = "someone-elses-platform";

	public static void main(String[] args) {
		SpringApplication.run(SampleHubs.class, args);
	}

	/** What the hubs saw, for tests to wait on. */
	static final class Probe {

		final Set<String> events = ConcurrentHashMap.newKeySet();
		/** Items a flood stream could not deliver because the client was behind. */
		final AtomicLong floodDropped = new AtomicLong();
		final AtomicLong floodDelivered = new AtomicLong();

		void record(String event) {
			events.add(event);
		}
	}

	record Status(boolean connected) {
	}

	record Tick(String symbol, double bid, double ask, java.time.Instant lastTime) {
	}

	@Bean
	Probe probe() {
		return new Probe();
	}

	@Bean
	Hub echoHub(Probe probe) {
		var scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sample-ticks").factory());
		return Hub.at("/hubs/echo")
				.onConnected(connection -> connection.send("OnConnectionStatus", new Status(true)))
				.onDisconnected(connection -> probe.record("disconnected:" + connection.id()))
				.method("Echo", (connection, arguments) -> arguments.get(0, String.class))
				.method("Add", (connection, arguments) -> arguments.get(0, int.class) + arguments.get(1, int.class))
				.method("Nothing", (connection, arguments) -> null)
				.method("Later", (connection, arguments) -> {
					var text = arguments.get(0, String.class);
					return CompletableFuture.supplyAsync(() -> "later " + text, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
				})
				.method("Fail", (connection, arguments) -> {
					throw new HubException(arguments.get(0, String.class));
				})
				.method("Crash", (connection, arguments) -> {
					throw new IllegalStateException("a secret detail the client must not see");
				})
				.method("Notify", (connection, arguments) -> connection.send("OnNotify", arguments.get(0, String.class), 42))
				.method("JoinGroup", (connection, arguments) -> {
					connection.addToGroup(arguments.get(0, String.class));
					return null;
				})
				.method("Record", (connection, arguments) -> {
					probe.record(arguments.get(0, String.class));
					return null;
				})
				.method("Tick", (connection, arguments) -> new Tick("EURUSD", 1.0812, 1.0813, java.time.Instant.parse("2026-11-24T10:15:30Z")))
				.stream("Counter", (connection, arguments) -> {
					int count = arguments.get(0, int.class);
					return HubStream.<Integer>create(sink -> {
						for (int i = 0; i < count; i++) {
							sink.next(i);
						}
						sink.complete();
					});
				})
				.stream("Ticks", (connection, arguments) -> HubStream.<Integer>create(sink -> {
					var counter = new AtomicInteger();
					var task = scheduler.scheduleAtFixedRate(() -> sink.next(counter.getAndIncrement()), 0, 20, TimeUnit.MILLISECONDS);
					sink.onClose(() -> {
						task.cancel(false);
						probe.record("ticks-closed:" + connection.id());
					});
				}))
				.stream("FailingStream", (connection, arguments) -> HubStream.<Integer>create(sink -> {
					sink.next(1);
					sink.error(new HubException("the feed went away"));
				}))
				.stream("Flood", (connection, arguments) -> {
					var payload = "x".repeat(arguments.get(0, int.class));
					return HubStream.<String>create(sink -> {
						// About ten thousand items a second, far more than a stalled client takes.
						var task = scheduler.scheduleAtFixedRate(() -> {
							for (int i = 0; i < 10; i++) {
								(sink.next(payload) ? probe.floodDelivered : probe.floodDropped).incrementAndGet();
							}
						}, 0, 1, TimeUnit.MILLISECONDS);
						sink.onClose(() -> {
							task.cancel(false);
							probe.record("flood-closed:" + connection.id());
						});
					});
				})
				.build();
	}

	@Bean
	Hub secureHub() {
		var bearer = HubAuthenticator.bearer(token -> switch (token) {
			case ALICE_TOKEN -> () -> "alice";
			case BOB_TOKEN -> () -> "bob";
			case FORBIDDEN_TOKEN -> throw HubAccessDeniedException.forbidden("account suspended");
			default -> null;
		});
		return Hub.at("/hubs/secure")
				.authenticator(request -> {
					var principal = bearer.authenticate(request);
					if (FOREIGN_PLATFORM.equals(request.queryParameter("tradePlatform"))) {
						throw HubAccessDeniedException.forbidden("platform not covered by the token");
					}
					return principal;
				})
				.method("WhoAmI", (connection, arguments) -> name(connection.principal()))
				.method("TradePlatform", (connection, arguments) -> connection.queryParameter("tradePlatform"))
				.method("QueryParameters", (connection, arguments) -> Map.copyOf(connection.queryParameters()))
				.build();
	}

	private static @Nullable String name(@Nullable Principal principal) {
		return principal == null ? null : principal.getName();
	}
}
