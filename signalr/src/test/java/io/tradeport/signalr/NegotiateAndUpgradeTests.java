package io.tradeport.signalr;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP side: negotiate's answers, and the checks on the WebSocket upgrade, from a raw client. */
@SpringBootTest(classes = SampleHubs.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NegotiateAndUpgradeTests {

	private static final List<Map<String, Object>> WEBSOCKETS_ONLY = List.of(Map.of("transport", "WebSockets", "transferFormats", List.of("Text", "Binary")));

	@LocalServerPort
	int port;

	@Test
	void negotiateVersion1AnswersAConnectionIdASeparateTokenAndOnlyWebSockets() {
		var response = Http.post(http("/hubs/echo/negotiate?negotiateVersion=1"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		var body = response.json();
		assertThat(body).containsOnlyKeys("negotiateVersion", "connectionId", "connectionToken", "availableTransports");
		assertThat(body.get("negotiateVersion")).isEqualTo(1);
		assertThat(body.get("availableTransports")).isEqualTo(WEBSOCKETS_ONLY);
		assertThat((String) body.get("connectionId")).matches("[A-Za-z0-9_-]{22}");
		assertThat((String) body.get("connectionToken")).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(body.get("connectionId"));
	}

	@Test
	void negotiateVersion0AnswersNoTokenAndTheConnectionIdIsUsedAsTheId() {
		var body = Http.post(http("/hubs/echo/negotiate")).json();

		assertThat(body).doesNotContainKey("connectionToken");
		assertThat(body.get("negotiateVersion")).isEqualTo(0);
		try (var client = RawClient.open(ws("/hubs/echo?id=" + body.get("connectionId")))) {
			assertThat(client.invoke("1", "Echo", "v0").path("result").asString()).isEqualTo("v0");
		}
	}

	@Test
	void negotiateAcceptsTheJsClientsRequestAndNeverOffersStatefulReconnect() {
		// As @microsoft/signalr sends it: an empty text/plain body, its headers, parameter names in any case.
		var response = Http.send(HttpRequest.newBuilder(http("/hubs/echo/negotiate?tradePlatform=abc&NEGOTIATEVERSION=1&useStatefulReconnect=true"))
				.POST(HttpRequest.BodyPublishers.ofString("")), "Content-Type", "text/plain;charset=UTF-8", "X-Requested-With", "XMLHttpRequest",
				"X-SignalR-User-Agent", "Microsoft SignalR/10.0 (10.0.11; Unknown OS; Browser; Unknown Runtime Version)");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("negotiateVersion", 1).doesNotContainKeys("useStatefulReconnect", "ProtocolVersion");
	}

	@Test
	void aNewerNegotiateVersionIsAnsweredWithOursAndAnInvalidOneWithAnError() {
		assertThat(Http.post(http("/hubs/echo/negotiate?negotiateVersion=7")).json()).containsEntry("negotiateVersion", 1);
		assertThat(Http.post(http("/hubs/echo/negotiate?negotiateVersion=x")).json())
				.containsExactly(Map.entry("error", "The client requested an invalid protocol version 'x'"));
	}

	@Test
	void negotiateOnlyAnswersPost() {
		var response = Http.get(http("/hubs/echo/negotiate"));

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.raw().headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void aNegotiatedTokenOpensOneWebSocketAndUnknownTokensAreRefused() {
		var token = (String) Http.post(http("/hubs/echo/negotiate?negotiateVersion=1")).json().get("connectionToken");

		try (var first = RawClient.open(ws("/hubs/echo?id=" + token))) {
			assertThat(RawClient.refusedUpgrade(ws("/hubs/echo?id=" + token))).isEqualTo(409);
			assertThat(first.invoke("1", "Echo", "first stays").path("result").asString()).isEqualTo("first stays");
		}
		assertThat(RawClient.refusedUpgrade(ws("/hubs/echo?id=never-negotiated"))).isEqualTo(404);
	}

	@Test
	void negotiateRequiresAValidTokenFromTheHeaderOrTheQuery() {
		var missing = Http.post(http("/hubs/secure/negotiate?negotiateVersion=1"));
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(Http.post(http("/hubs/secure/negotiate?negotiateVersion=1"), "Authorization", "Bearer forged").status()).isEqualTo(401);
		assertThat(Http.post(http("/hubs/secure/negotiate?negotiateVersion=1"), "Authorization", "Bearer " + SampleHubs.FORBIDDEN_TOKEN).status()).isEqualTo(403);
		assertThat(Http.post(http("/hubs/secure/negotiate?negotiateVersion=1&tradePlatform=" + SampleHubs.FOREIGN_PLATFORM),
				"Authorization", "Bearer " + SampleHubs.ALICE_TOKEN).status()).isEqualTo(403);

		assertThat(Http.post(http("/hubs/secure/negotiate?negotiateVersion=1"), "Authorization", "Bearer " + SampleHubs.ALICE_TOKEN).status()).isEqualTo(200);
		assertThat(Http.post(http("/hubs/secure/negotiate?negotiateVersion=1&access_token=" + SampleHubs.ALICE_TOKEN)).status()).isEqualTo(200);
	}

	@Test
	void theUpgradeChecksTheTokenAgainEvenAfterASuccessfulNegotiate() {
		var token = (String) Http.post(http("/hubs/secure/negotiate?negotiateVersion=1"), "Authorization", "Bearer " + SampleHubs.ALICE_TOKEN)
				.json().get("connectionToken");

		assertThat(RawClient.refusedUpgrade(ws("/hubs/secure?id=" + token))).isEqualTo(401);
		assertThat(RawClient.refusedUpgrade(ws("/hubs/secure?id=" + token), "Authorization", "Bearer forged")).isEqualTo(401);
		assertThat(RawClient.refusedUpgrade(ws("/hubs/secure?id=" + token), "Authorization", "Bearer " + SampleHubs.FORBIDDEN_TOKEN)).isEqualTo(403);
		assertThat(RawClient.refusedUpgrade(ws("/hubs/secure?id=" + token), "Authorization", "Bearer " + SampleHubs.BOB_TOKEN))
				.as("a token negotiated by alice, used by bob").isEqualTo(403);
		assertThat(RawClient.refusedUpgrade(ws("/hubs/secure?tradePlatform=" + SampleHubs.FOREIGN_PLATFORM), "Authorization", "Bearer " + SampleHubs.ALICE_TOKEN))
				.isEqualTo(403);
	}

	@Test
	void anUpgradeWithoutNegotiationIsAuthenticatedFromTheHeaderOrTheBrowsersQueryParameter() {
		assertThat(RawClient.refusedUpgrade(ws("/hubs/secure"))).isEqualTo(401);

		try (var header = RawClient.open(ws("/hubs/secure?tradePlatform=p1"), "Authorization", "Bearer " + SampleHubs.ALICE_TOKEN);
				var query = RawClient.open(ws("/hubs/secure?tradePlatform=p2&access_token=" + SampleHubs.BOB_TOKEN))) {
			assertThat(header.invoke("1", "WhoAmI").path("result").asString()).isEqualTo("alice");
			assertThat(query.invoke("1", "WhoAmI").path("result").asString()).isEqualTo("bob");
			assertThat(query.invoke("2", "QueryParameters").path("result").propertyNames())
					.as("the token stays out of what the hub sees").containsExactly("tradePlatform");
		}
	}

	private URI http(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private URI ws(String path) {
		return URI.create("ws://localhost:" + port + path);
	}
}
