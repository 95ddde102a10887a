package io.tradeport.signalr;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A WebSocket client that speaks the hub protocol by hand (JDK {@code java.net.http.WebSocket}), for what the
 * official clients never send: broken records, bad handshakes, oversized messages, silence.
 */
final class RawClient implements AutoCloseable {

	static final char RS = '\u001e';
	static final Duration WAIT = Duration.ofSeconds(5);
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Closed(int status, String reason) {
	}

	private final WebSocket socket;
	private final BlockingQueue<String> records;
	private final CompletableFuture<Closed> closed;
	final AtomicInteger frames;

	private RawClient(WebSocket socket, Listener listener) {
		this.socket = socket;
		this.records = listener.records;
		this.closed = listener.closed;
		this.frames = listener.frames;
	}

	static RawClient connect(URI uri, String... headers) {
		var listener = new Listener();
		var builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return new RawClient(builder.buildAsync(uri, listener).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join(), listener);
	}

	/** @return the HTTP status the upgrade was refused with */
	static int refusedUpgrade(URI uri, String... headers) {
		try (var client = connect(uri, headers)) {
			return fail("the upgrade to %s was accepted", uri);
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof WebSocketHandshakeException refused) {
				return refused.getResponse().statusCode();
			}
			throw e;
		}
	}

	/** Connects and completes the handshake. */
	static RawClient open(URI uri, String... headers) {
		var client = connect(uri, headers);
		client.sendRecord("{\"protocol\":\"json\",\"version\":1}");
		assertThat(client.nextRecord()).isEqualTo("{}");
		return client;
	}

	void send(String text) {
		socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

	void sendPart(String text, boolean last) {
		socket.sendText(text, last).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

	void sendBinary(byte[] bytes, boolean last) {
		socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), last).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

	void sendRecord(String json) {
		send(json + RS);
	}

	String nextRecord() {
		try {
			var record = records.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (record == null) {
				return fail("no record within %s; closed: %s", WAIT, closed.getNow(null));
			}
			return record;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	JsonNode nextMessage() {
		return JSON.readTree(nextRecord());
	}

	/** The next message that is not a Ping or OnConnectionStatus, which the server may send at any time. */
	JsonNode nextReply() {
		while (true) {
			var message = nextMessage();
			var type = message.path("type").asInt();
			if (type != 6 && !(type == 1 && message.path("target").asString().equals("OnConnectionStatus"))) {
				return message;
			}
		}
	}

	@Nullable String pollRecord() {
		return records.poll();
	}

	JsonNode invoke(String id, String target, Object... arguments) {
		sendRecord(invocation(id, target, arguments));
		return nextReply();
	}

	static String invocation(@Nullable String id, String target, Object... arguments) {
		var message = new java.util.LinkedHashMap<String, Object>();
		message.put("type", 1);
		if (id != null) {
			message.put("invocationId", id);
		}
		message.put("target", target);
		message.put("arguments", arguments);
		return JSON.writeValueAsString(message);
	}

	Closed awaitClosed() {
		return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

	boolean isClosed() {
		return closed.isDone();
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
		}
		socket.abort();
	}

	static Map<String, Object> parse(String json) {
		@SuppressWarnings("unchecked")
		Map<String, Object> map = JSON.readValue(json, Map.class);
		return map;
	}

	private static final class Listener implements WebSocket.Listener {

		final BlockingQueue<String> records = new LinkedBlockingQueue<>();
		final CompletableFuture<Closed> closed = new CompletableFuture<>();
		final AtomicInteger frames = new AtomicInteger();
		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				frames.incrementAndGet();
				var text = partial.toString();
				partial.setLength(0);
				assertThat(text).as("every frame from the server holds whole records").endsWith(String.valueOf(RS));
				for (var record : text.split(String.valueOf(RS))) {
					records.add(record);
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.complete(new Closed(statusCode, reason));
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed.complete(new Closed(-1, String.valueOf(error)));
		}
	}
}
