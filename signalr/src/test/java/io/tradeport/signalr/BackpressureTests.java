package io.tradeport.signalr;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that stop reading, against a 64 KiB send buffer and a 2 s send timeout (profile "backpressure"): they
 * are closed, memory stays bounded, and the clients that read are not held up.
 */
@SpringBootTest(classes = SampleHubs.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("backpressure")
class BackpressureTests {

	private static final long SEND_BUFFER = DataSize.ofKilobytes(64).toBytes();
	private static final String PAYLOAD = "p".repeat(1000);
	private static final int BURST = 20;
	private static final int MAX_MESSAGES = 40_000;

	@LocalServerPort
	int port;
	@Autowired
	@Qualifier("echoHub")
	Hub echoHub;
	@Autowired
	SampleHubs.Probe probe;

	@Test
	void aClientThatStopsReadingIsClosedWhileAClientThatReadsGetsEveryBroadcast() {
		var negotiation = Http.post(URI.create("http://localhost:" + port + "/hubs/echo/negotiate?negotiateVersion=1")).json();
		var slowId = (String) negotiation.get("connectionId");
		try (var slow = StalledClient.open(port, "/hubs/echo?id=" + negotiation.get("connectionToken"));
				var fast = RawClient.open(URI.create("ws://localhost:" + port + "/hubs/echo"))) {
			await().until(() -> echoHub.connection(slowId).isPresent());
			var slowConnection = (Connection) echoHub.connection(slowId).orElseThrow();
			slowConnection.addToGroup("broadcast");
			assertThat(fast.invoke("join", "JoinGroup", "broadcast").path("type").asInt()).isEqualTo(3);

			var started = System.nanoTime();
			int sent = 0;
			int afterSlowClosed = 0;
			while (afterSlowClosed < 10 * BURST) {
				assertThat(sent).as("messages broadcast without the stalled client being closed").isLessThan(MAX_MESSAGES);
				for (int i = 0; i < BURST; i++, sent++) {
					echoHub.sendToGroup("broadcast", "OnBroadcast", sent, PAYLOAD);
				}
				// The reading client gets every message, in order, burst after burst.
				for (int expected = sent - BURST; expected < sent; expected++) {
					var message = fast.nextReply();
					assertThat(message.path("target").asString()).isEqualTo("OnBroadcast");
					assertThat(message.path("arguments").path(0).asInt()).isEqualTo(expected);
				}
				if (!slowConnection.isOpen()) {
					afterSlowClosed += BURST;
				}
			}
			var slowClosedAfter = Duration.ofNanos(System.nanoTime() - started);

			assertThat(echoHub.connection(slowId)).isEmpty();
			assertThat(slowConnection.highWaterChars()).as("the stalled connection's backlog").isBetween(SEND_BUFFER / 2, SEND_BUFFER + 2 * PAYLOAD.length());
			assertThat(slow.drainUntilClosedByServer()).as("the server closed the stalled socket").isTrue();
			await().until(() -> probe.events.contains("disconnected:" + slowId));
			assertThat(fast.isClosed()).isFalse();
			System.out.printf("stalled client closed after %d messages of ~1 KB to each client, %d ms; its backlog peaked at %d characters%n",
					sent - afterSlowClosed, slowClosedAfter.toMillis(), slowConnection.highWaterChars());
		}
	}

	@Test
	void aStreamToAClientThatStopsReadingIsHeldBackByDemandThenClosedByTheSendTimeout() {
		var negotiation = Http.post(URI.create("http://localhost:" + port + "/hubs/echo/negotiate?negotiateVersion=1")).json();
		var id = (String) negotiation.get("connectionId");
		try (var slow = StalledClient.open(port, "/hubs/echo?id=" + negotiation.get("connectionToken"))) {
			await().until(() -> echoHub.connection(id).isPresent());
			var connection = (Connection) echoHub.connection(id).orElseThrow();
			var dropped = probe.floodDropped.get();

			slow.sendText("{\"type\":4,\"invocationId\":\"flood\",\"target\":\"Flood\",\"arguments\":[1000]}" + RawClient.RS);

			await().atMost(Duration.ofSeconds(30)).until(() -> probe.events.contains("flood-closed:" + id));
			assertThat(connection.isOpen()).isFalse();
			assertThat(probe.floodDropped.get()).as("items the stalled client never asked for").isGreaterThan(dropped);
			assertThat(connection.highWaterChars()).as("at most the stream's demand window is queued")
					.isLessThan(20 * 1100);
			assertThat(slow.drainUntilClosedByServer()).isTrue();
			await().until(() -> probe.events.contains("disconnected:" + id));
			System.out.printf("stalled stream closed: %d items delivered, %d dropped by the producer; backlog peaked at %d characters%n",
					probe.floodDelivered.get(), probe.floodDropped.get() - dropped, connection.highWaterChars());
		}
	}
}
