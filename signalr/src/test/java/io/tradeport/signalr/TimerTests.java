package io.tradeport.signalr;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keep-alive, client timeout, handshake timeout and negotiation expiry, on short timers (profile "timers"). */
@SpringBootTest(classes = SampleHubs.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("timers")
class TimerTests {

	@LocalServerPort
	int port;
	@Autowired
	@Qualifier("echoHub")
	Hub echoHub;

	@Test
	void aPingArrivesWhenNothingElseWasSentForTheKeepAliveInterval() {
		try (var client = RawClient.open(echo())) {
			assertThat(client.nextMessage().path("target").asString()).isEqualTo("OnConnectionStatus");

			assertThat(client.nextRecord()).isEqualTo("{\"type\":6}");
		}
	}

	@Test
	void aClientThatSendsNothingIsClosedWithAnErrorAfterTheClientTimeout() {
		try (var client = RawClient.open(echo())) {
			var opened = System.nanoTime();

			var close = client.nextMessage();
			while (close.path("type").asInt() != 7) {
				close = client.nextMessage();
			}

			assertThat(close.path("error").asString())
					.isEqualTo("Connection closed with an error. Client timeout: nothing received from the client for 1000 ms.");
			assertThat(close.has("allowReconnect")).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
			assertThat(client.awaitClosed().status()).isEqualTo(1000);
		}
	}

	@Test
	void aClientThatPingsStaysConnectedPastTheClientTimeout() {
		var pinger = Executors.newSingleThreadScheduledExecutor();
		try (var client = RawClient.open(echo())) {
			pinger.scheduleAtFixedRate(() -> client.sendRecord("{\"type\":6}"), 0, 300, TimeUnit.MILLISECONDS);

			await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> !client.isClosed());
		}
		finally {
			pinger.shutdownNow();
		}
	}

	@Test
	void aClientThatNeverSendsTheHandshakeIsToldAndClosed() {
		try (var client = RawClient.connect(echo())) {
			assertThat(client.nextRecord()).isEqualTo("{\"error\":\"Handshake was canceled.\"}");
			assertThat(client.awaitClosed().status()).isEqualTo(1000);
		}
	}

	@Test
	void aNegotiatedTokenThatIsNotUsedExpires() {
		var token = (String) Http.post(URI.create("http://localhost:" + port + "/hubs/echo/negotiate?negotiateVersion=1")).json().get("connectionToken");
		assertThat(echoHub.negotiations().pendingCount()).isPositive();

		await().atMost(Duration.ofSeconds(5)).until(() -> echoHub.negotiations().pendingCount() == 0);

		assertThat(RawClient.refusedUpgrade(URI.create("ws://localhost:" + port + "/hubs/echo?id=" + token))).isEqualTo(404);
	}

	private URI echo() {
		return URI.create("ws://localhost:" + port + "/hubs/echo");
	}
}
