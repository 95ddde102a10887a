package io.tradeport.signalr;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Browsers on another origin: CORS on negotiate (with credentials, as the JS client sends) and the upgrade's origin check. */
@SpringBootTest(classes = SampleHubs.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserOriginTests {

	private static final String APP = "https://app.example.com";
	private static final String FOREIGN = "https://evil.example.net";

	@LocalServerPort
	int port;

	@Test
	void theNegotiatePreflightFromAnAllowedOriginAllowsCredentialsAndTheClientsHeaders() {
		var response = Http.send(HttpRequest.newBuilder(negotiate()).method("OPTIONS", HttpRequest.BodyPublishers.noBody()), "Origin", APP,
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,x-requested-with,x-signalr-user-agent");

		assertThat(response.status()).isEqualTo(200);
		var headers = response.raw().headers();
		assertThat(headers.firstValue("Access-Control-Allow-Origin")).hasValue(APP);
		assertThat(headers.firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(headers.firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
				.contains("authorization", "x-requested-with", "x-signalr-user-agent");
	}

	@Test
	void negotiateAnswersAnAllowedOriginAndRefusesAnother() {
		var allowed = Http.post(negotiate(), "Origin", APP);
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);

		assertThat(Http.post(negotiate(), "Origin", FOREIGN).status()).isEqualTo(403);
	}

	@Test
	void theWebSocketOpensForAnAllowedOriginOnly() {
		try (var client = RawClient.open(URI.create("ws://localhost:" + port + "/hubs/echo"), "Origin", APP)) {
			assertThat(client.invoke("1", "Echo", "from the app").path("result").asString()).isEqualTo("from the app");
		}
		assertThat(RawClient.refusedUpgrade(URI.create("ws://localhost:" + port + "/hubs/echo"), "Origin", FOREIGN)).isEqualTo(403);
	}

	private URI negotiate() {
		return URI.create("http://localhost:" + port + "/hubs/echo/negotiate?negotiateVersion=1");
	}
}
