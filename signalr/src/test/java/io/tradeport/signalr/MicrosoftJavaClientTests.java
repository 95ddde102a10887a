package io.tradeport.signalr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.signalr.HttpHubConnectionBuilder;
import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.HubConnectionState;
import com.microsoft.signalr.TransportEnum;

import io.reactivex.rxjava3.core.Single;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Microsoft's Java client (com.microsoft.signalr 6.0.0) as the conformance oracle, unchanged. */
@SpringBootTest(classes = SampleHubs.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MicrosoftJavaClientTests {

	private static final long WAIT_SECONDS = 5;

	@LocalServerPort
	int port;
	@Autowired
	@Qualifier("echoHub")
	Hub echoHub;
	@Autowired
	SampleHubs.Probe probe;

	private final List<HubConnection> connections = new ArrayList<>();

	@AfterEach
	void stopClients() {
		connections.forEach(connection -> connection.stop().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS));
	}

	@Test
	void aClientConnectsThroughNegotiationAndGetsOnConnectionStatusThenInvokes() {
		var status = new CompletableFuture<SampleHubs.Status>();
		var connection = build(HubConnectionBuilder.create(url("/hubs/echo")));
		connection.on("OnConnectionStatus", status::complete, SampleHubs.Status.class);
		start(connection);

		assertThat(connection.getConnectionId()).isNotBlank();
		assertThat(status.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join().connected()).isTrue();
		assertThat(invoke(connection, String.class, "Echo", "hello")).isEqualTo("hello");
		assertThat(invoke(connection, Integer.class, "Add", 2, 40)).isEqualTo(42);
		assertThat(invoke(connection, String.class, "Later", "on")).isEqualTo("later on");
		assertThat(connection.invoke("Nothing").blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aClientConnectsWithoutNegotiationAndInvokes() {
		var connection = build(HubConnectionBuilder.create(url("/hubs/echo")).withTransport(TransportEnum.WEBSOCKETS).shouldSkipNegotiate(true));
		start(connection);

		assertThat(invoke(connection, String.class, "echo", "case-insensitive")).isEqualTo("case-insensitive");
	}

	@Test
	void aHubErrorReachesTheCallerWithItsMessageAndTheConnectionStaysUp() {
		var connection = build(HubConnectionBuilder.create(url("/hubs/echo")));
		start(connection);

		assertThatThrownBy(() -> invoke(connection, String.class, "Fail", "no such symbol"))
				.hasMessage("An unexpected error occurred invoking 'Fail' on the server. HubException: no such symbol");
		assertThatThrownBy(() -> invoke(connection, String.class, "Crash"))
				.hasMessage("An unexpected error occurred invoking 'Crash' on the server.");
		assertThatThrownBy(() -> invoke(connection, String.class, "NoSuchMethod"))
				.hasMessage("Unknown hub method 'NoSuchMethod'");
		assertThat(connection.getConnectionState()).isEqualTo(HubConnectionState.CONNECTED);
		assertThat(invoke(connection, String.class, "Echo", "still here")).isEqualTo("still here");
	}

	@Test
	void theServerInvokesClientHandlersOnTheConnectionAndOnAGroup() {
		var connection = build(HubConnectionBuilder.create(url("/hubs/echo")));
		var notified = new CompletableFuture<String>();
		var grouped = new CompletableFuture<String>();
		var direct = new CompletableFuture<String>();
		connection.on("OnNotify", (text, number) -> notified.complete(text + " " + number), String.class, Integer.class);
		connection.on("OnGroupMessage", grouped::complete, String.class);
		connection.on("OnDirect", direct::complete, String.class);
		start(connection);

		assertThat(invoke(connection, Boolean.class, "Notify", "ping")).isTrue();
		assertThat(notified.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join()).isEqualTo("ping 42");

		connection.invoke("JoinGroup", "EURUSD").blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS);
		assertThat(echoHub.sendToGroup("EURUSD", "OnGroupMessage", "tick")).isEqualTo(1);
		assertThat(grouped.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join()).isEqualTo("tick");

		assertThat(echoHub.send(connection.getConnectionId(), "OnDirect", "just you")).isTrue();
		assertThat(direct.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join()).isEqualTo("just you");
	}

	@Test
	void aStreamDeliversItsItemsThenCompletes() {
		var connection = build(HubConnectionBuilder.create(url("/hubs/echo")));
		start(connection);

		var items = connection.stream(Integer.class, "Counter", 5).timeout(WAIT_SECONDS, TimeUnit.SECONDS).toList().blockingGet();

		assertThat(items).containsExactly(0, 1, 2, 3, 4);
	}

	@Test
	void aStreamThatFailsEndsWithItsHubErrorAfterTheItemsSentBefore() {
		var connection = build(HubConnectionBuilder.create(url("/hubs/echo")));
		start(connection);

		var signals = connection.stream(Integer.class, "FailingStream").materialize().timeout(WAIT_SECONDS, TimeUnit.SECONDS)
				.toList().blockingGet();

		assertThat(signals).hasSize(2);
		assertThat(signals.get(0).getValue()).isEqualTo(1);
		assertThat(signals.get(1).getError())
				.hasMessage("An error occurred on the server while streaming results. HubException: the feed went away");
	}

	@Test
	void disposingAStreamCancelsItAndTheServerStopsProducing() {
		var connection = build(HubConnectionBuilder.create(url("/hubs/echo")));
		start(connection);

		var firstThree = connection.stream(Integer.class, "Ticks").take(3).timeout(WAIT_SECONDS, TimeUnit.SECONDS).toList().blockingGet();

		assertThat(firstThree).containsExactly(0, 1, 2);
		await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> probe.events.contains("ticks-closed:" + connection.getConnectionId()));
		assertThat(invoke(connection, String.class, "Echo", "after the stream")).isEqualTo("after the stream");
	}

	@Test
	void theBearerTokenAndQueryParametersReachTheHubWithAndWithoutNegotiation() {
		for (var skipNegotiation : new boolean[] { false, true }) {
			var connection = build(HubConnectionBuilder.create(url("/hubs/secure?tradePlatform=3f2a9c1e"))
					.withAccessTokenProvider(Single.just(SampleHubs.ALICE_TOKEN)).withTransport(TransportEnum.WEBSOCKETS).shouldSkipNegotiate(skipNegotiation));
			start(connection);

			assertThat(invoke(connection, String.class, "WhoAmI")).isEqualTo("alice");
			assertThat(invoke(connection, String.class, "TradePlatform")).isEqualTo("3f2a9c1e");
		}
	}

	@Test
	void aRefusedTokenFailsTheStart() {
		var unknown = build(HubConnectionBuilder.create(url("/hubs/secure")).withAccessTokenProvider(Single.just("forged")));
		var suspended = build(HubConnectionBuilder.create(url("/hubs/secure")).withAccessTokenProvider(Single.just(SampleHubs.FORBIDDEN_TOKEN)));
		var skipping = build(HubConnectionBuilder.create(url("/hubs/secure")).withTransport(TransportEnum.WEBSOCKETS).shouldSkipNegotiate(true));

		assertThatThrownBy(() -> unknown.start().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS)).hasMessageContaining("401");
		assertThatThrownBy(() -> suspended.start().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS)).hasMessageContaining("403");
		assertThatThrownBy(() -> skipping.start().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
		assertThat(skipping.getConnectionState()).isEqualTo(HubConnectionState.DISCONNECTED);
	}

	@Test
	void aClientThatStopsIsForgottenByTheHub() {
		var connection = build(HubConnectionBuilder.create(url("/hubs/echo")));
		start(connection);
		var id = connection.getConnectionId();
		assertThat(echoHub.connection(id)).isPresent();

		connection.stop().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS);

		await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> probe.events.contains("disconnected:" + id));
		assertThat(echoHub.connection(id)).isEmpty();
		assertThat(echoHub.send(id, "OnDirect", "gone")).isFalse();
	}

	private <T> T invoke(HubConnection connection, Class<T> type, String method, Object... arguments) {
		return connection.invoke(type, method, arguments).timeout(WAIT_SECONDS, TimeUnit.SECONDS).blockingGet();
	}

	private HubConnection build(HttpHubConnectionBuilder builder) {
		var connection = builder.build();
		// The Java client logs an error for an event without handler; the hub sends this one to every connection.
		connection.on("OnConnectionStatus", status -> {
		}, SampleHubs.Status.class);
		connections.add(connection);
		return connection;
	}

	private static void start(HubConnection connection) {
		assertThat(connection.start().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS)).as("started").isTrue();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
