package io.tradeport.signalr;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tradeport.signalr.RawClient.RS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub protocol from a raw WebSocket client: what official clients never send, and the exact records the server
 * answers. After each case a new connection must still work.
 */
@SpringBootTest(classes = SampleHubs.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubProtocolTests {

	@LocalServerPort
	int port;
	@Autowired
	SampleHubs.Probe probe;

	@AfterEach
	void theServerStillWorks() {
		try (var client = RawClient.open(echo())) {
			assertThat(client.invoke("check", "Echo", "still working").path("result").asString()).isEqualTo("still working");
		}
	}

	@Test
	void theHandshakeIsAnsweredWithAnEmptyObjectThenOnConnectionStatusArrives() {
		try (var client = RawClient.connect(echo())) {
			client.sendRecord("{\"protocol\":\"json\",\"version\":1}");

			assertThat(client.nextRecord()).isEqualTo("{}");
			assertThat(client.nextRecord()).isEqualTo("{\"type\":1,\"target\":\"OnConnectionStatus\",\"arguments\":[{\"connected\":true}]}");
		}
	}

	@Test
	void version2OfTheJsonProtocolIsAccepted() {
		try (var client = RawClient.connect(echo())) {
			client.sendRecord("{\"version\":2,\"protocol\":\"json\"}");

			assertThat(client.nextRecord()).isEqualTo("{}");
		}
	}

	@Test
	void anUnsupportedProtocolGetsAHandshakeErrorAndANormalClose() {
		try (var client = RawClient.connect(echo())) {
			client.sendRecord("{\"protocol\":\"messagepack\",\"version\":1}");

			assertThat(client.nextRecord()).isEqualTo("{\"error\":\"The protocol 'messagepack' is not supported.\"}");
			assertThat(client.awaitClosed().status()).isEqualTo(1000);
		}
	}

	@Test
	void anUnsupportedVersionGetsAHandshakeError() {
		try (var client = RawClient.connect(echo())) {
			client.sendRecord("{\"protocol\":\"json\",\"version\":3}");

			assertThat(client.nextRecord()).isEqualTo("{\"error\":\"The server does not support version 3 of the 'json' protocol.\"}");
			assertThat(client.awaitClosed().status()).isEqualTo(1000);
		}
	}

	@Test
	void aMalformedHandshakeGetsAHandshakeError() {
		try (var client = RawClient.connect(echo())) {
			client.sendRecord("hello");

			assertThat(client.nextMessage().path("error").asString())
					.isEqualTo("An unexpected error occurred during connection handshake. InvalidDataException: Error reading JSON.");
			assertThat(client.awaitClosed().status()).isEqualTo(1000);
		}
	}

	@Test
	void aMalformedMessageClosesTheConnectionWithAnError() {
		try (var client = RawClient.open(echo())) {
			client.sendRecord("{\"type\":1,\"target\":");

			assertThat(client.nextReply().toString())
					.isEqualTo("{\"type\":7,\"error\":\"Connection closed with an error. InvalidDataException: Error reading JSON.\"}");
			assertThat(client.awaitClosed().status()).isEqualTo(1000);
		}
	}

	@Test
	void aMessageWithoutTypeOrRequiredPropertiesClosesTheConnectionWithAnError() {
		try (var withoutType = RawClient.open(echo()); var withoutArguments = RawClient.open(echo())) {
			withoutType.sendRecord("{\"target\":\"Echo\",\"arguments\":[]}");
			withoutArguments.sendRecord("{\"type\":1,\"invocationId\":\"1\",\"target\":\"Echo\"}");

			assertThat(withoutType.nextReply().path("error").asString()).endsWith("Missing required property 'type'.");
			assertThat(withoutArguments.nextReply().path("error").asString()).endsWith("Missing required property 'arguments'.");
		}
	}

	@Test
	void propertyOrderHeadersAndUnknownPropertiesDoNotMatterAndUnknownTypesAreIgnored() {
		try (var client = RawClient.open(echo())) {
			client.sendRecord("{\"type\":42,\"whatever\":true}");
			client.sendRecord("{\"arguments\":[\"late target\"],\"headers\":{\"a\":\"b\"},\"future\":1,\"target\":\"Echo\",\"invocationId\":\"7\",\"type\":1}");

			assertThat(client.nextReply().toString()).isEqualTo("{\"type\":3,\"invocationId\":\"7\",\"result\":\"late target\"}");
		}
	}

	@Test
	void anUnknownMethodIsACompletionErrorAndTheConnectionStaysOpen() {
		try (var client = RawClient.open(echo())) {
			assertThat(client.invoke("1", "NoSuchMethod").toString())
					.isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"error\":\"Unknown hub method 'NoSuchMethod'\"}");
			assertThat(client.invoke("2", "Echo", "open").path("result").asString()).isEqualTo("open");
		}
	}

	@Test
	void anInvocationWithoutIdIsNeverAnsweredNotEvenWithAnError() {
		try (var client = RawClient.open(echo())) {
			client.sendRecord(RawClient.invocation(null, "NoSuchMethod"));
			client.sendRecord(RawClient.invocation(null, "Crash"));
			client.sendRecord(RawClient.invocation(null, "Record", "sent without id"));

			assertThat(client.invoke("1", "Echo", "next").toString()).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":\"next\"}");
			assertThat(probe.events).contains("sent without id");
		}
	}

	@Test
	void methodsAreFoundWhateverTheCaseAndVoidMethodsCompleteWithoutResult() {
		try (var client = RawClient.open(echo())) {
			assertThat(client.invoke("1", "eCHO", "any case").path("result").asString()).isEqualTo("any case");
			assertThat(client.invoke("2", "nothing").toString()).isEqualTo("{\"type\":3,\"invocationId\":\"2\"}");
		}
	}

	@Test
	void errorsUseAspNetWordingAndOnlyAHubExceptionShowsItsMessage() {
		try (var client = RawClient.open(echo())) {
			assertThat(client.invoke("1", "Fail", "insufficient margin").path("error").asString())
					.isEqualTo("An unexpected error occurred invoking 'Fail' on the server. HubException: insufficient margin");
			assertThat(client.invoke("2", "Crash").path("error").asString())
					.isEqualTo("An unexpected error occurred invoking 'Crash' on the server.");
			assertThat(client.invoke("3", "Add", "two", 2).path("error").asString())
					.isEqualTo("Failed to invoke 'Add' due to an error on the server.");
			assertThat(client.invoke("4", "Add", 1).path("error").asString())
					.isEqualTo("Failed to invoke 'Add' due to an error on the server.");
			assertThat(client.invoke("5", "Counter", 3).path("error").asString())
					.isEqualTo("The client attempted to invoke the streaming 'Counter' method with a non-streaming invocation.");
			client.sendRecord("{\"type\":4,\"invocationId\":\"6\",\"target\":\"Echo\",\"arguments\":[\"x\"]}");
			assertThat(client.nextReply().path("error").asString())
					.isEqualTo("The client attempted to invoke the non-streaming 'Echo' method with a streaming invocation.");
		}
	}

	@Test
	void severalRecordsInOneMessageAndOneRecordAcrossMessagesAndFragmentsAreAllRead() {
		try (var client = RawClient.open(echo())) {
			var second = RawClient.invocation("2", "Echo", "b");
			client.send(RawClient.invocation("1", "Echo", "a") + RS + second.substring(0, 10));
			client.sendPart(second.substring(10, 20), false);
			client.sendPart(second.substring(20) + RS + RawClient.invocation("3", "Echo", "c") + RS, true);

			assertThat(client.nextReply().path("result").asString()).isEqualTo("a");
			assertThat(client.nextReply().path("result").asString()).isEqualTo("b");
			assertThat(client.nextReply().path("result").asString()).isEqualTo("c");
		}
	}

	@Test
	void payloadsAreCamelCaseWithIsoDates() {
		try (var client = RawClient.open(echo())) {
			assertThat(client.invoke("1", "Tick").path("result").toString())
					.isEqualTo("{\"symbol\":\"EURUSD\",\"bid\":1.0812,\"ask\":1.0813,\"lastTime\":\"2026-11-24T10:15:30Z\"}");
		}
	}

	@Test
	void aMessageLargerThan32KiBClosesTheConnectionWithAnError() {
		try (var justUnder = RawClient.open(echo()); var tooLarge = RawClient.open(echo()); var unterminated = RawClient.open(echo())) {
			var padding = 32 * 1024 - RawClient.invocation("1", "Echo", "").length();
			assertThat(justUnder.invoke("1", "Echo", "x".repeat(padding)).path("result").asString()).hasSize(padding);

			tooLarge.sendRecord(RawClient.invocation("1", "Echo", "x".repeat(padding + 1)));
			unterminated.send("{\"type\":1,\"invocationId\":\"1\",\"target\":\"Echo\",\"arguments\":[\"" + "y".repeat(40_000));

			for (var client : new RawClient[] { tooLarge, unterminated }) {
				assertThat(client.nextReply().toString()).isEqualTo(
						"{\"type\":7,\"error\":\"Connection closed with an error. InvalidDataException: The maximum message size of 32768B was exceeded.\"}");
				assertThat(client.awaitClosed().status()).isEqualTo(1000);
			}
		}
	}

	@Test
	void binaryMessagesCarryTheSameJsonRecords() {
		try (var client = RawClient.open(echo())) {
			// "é" is two bytes in UTF-8: the split inside it tests decoding across frames.
			var bytes = (RawClient.invocation("1", "Echo", "café") + RS).getBytes(java.nio.charset.StandardCharsets.UTF_8);
			var split = bytes.length - 4;
			client.sendBinary(java.util.Arrays.copyOfRange(bytes, 0, split), true);
			client.sendBinary(java.util.Arrays.copyOfRange(bytes, split, bytes.length), true);

			assertThat(client.nextReply().path("result").asString()).isEqualTo("café");
		}
	}

	@Test
	void aCloseMessageFromTheClientEndsTheConnectionNormally() {
		try (var client = RawClient.open(echo())) {
			client.sendRecord("{\"type\":7}");

			assertThat(client.awaitClosed().status()).isEqualTo(1000);
		}
	}

	@Test
	void aCancelledStreamGetsAFinalCompletionAndItsProducerIsStopped() {
		try (var client = RawClient.open(echo())) {
			client.sendRecord("{\"type\":4,\"invocationId\":\"s1\",\"target\":\"Ticks\",\"arguments\":[]}");
			assertThat(client.nextReply().toString()).isEqualTo("{\"type\":2,\"invocationId\":\"s1\",\"item\":0}");

			client.sendRecord("{\"type\":5,\"invocationId\":\"s1\"}");

			var afterCancel = client.nextReply();
			while (afterCancel.path("type").asInt() == 2) {
				afterCancel = client.nextReply();
			}
			assertThat(afterCancel.toString()).isEqualTo("{\"type\":3,\"invocationId\":\"s1\"}");
			await().until(() -> probe.events.stream().anyMatch(event -> event.startsWith("ticks-closed:")));
		}
	}

	private URI echo() {
		return URI.create("ws://localhost:" + port + "/hubs/echo");
	}
}
