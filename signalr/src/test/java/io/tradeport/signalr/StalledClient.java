package io.tradeport.signalr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebSocket client on a plain socket that completes the upgrade and the hub handshake, then stops reading, like
 * a client on a dead network or a frozen process. Its receive buffer is small, so the server's writes to it stall
 * once the kernel's buffers are full.
 */
final class StalledClient implements AutoCloseable {

	private final Socket socket;
	private final OutputStream out;
	private final InputStream in;

	private StalledClient(Socket socket) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.in = socket.getInputStream();
	}

	static StalledClient open(int port, String pathAndQuery) {
		try {
			var socket = new Socket();
			socket.setReceiveBufferSize(4096);
			socket.connect(new InetSocketAddress("localhost", port), 5000);
			socket.setSoTimeout(5000);
			var client = new StalledClient(socket);
			client.upgrade(port, pathAndQuery);
			client.sendText("{\"protocol\":\"json\",\"version\":1}" + RawClient.RS);
			return client;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void sendText(String text) {
		var payload = text.getBytes(StandardCharsets.UTF_8);
		var frame = new ByteArrayOutputStream();
		frame.write(0x81); // FIN, text
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write(payload.length >>> 8);
			frame.write(payload.length & 0xff);
		}
		var mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		frame.writeBytes(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		try {
			out.write(frame.toByteArray());
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Reads (and drops) what the server had managed to send: true when the server then closed the socket. */
	boolean drainUntilClosedByServer() {
		var buffer = new byte[64 * 1024];
		try {
			while (in.read(buffer) >= 0) {
				// drop
			}
			return true;
		}
		catch (SocketTimeoutException e) {
			return false;
		}
		catch (IOException e) {
			return true; // reset by the server
		}
	}

	@Override
	public void close() {
		try {
			socket.close();
		}
		catch (IOException e) {
			// already gone
		}
	}

	private void upgrade(int port, String pathAndQuery) throws IOException {
		var key = new byte[16];
		ThreadLocalRandom.current().nextBytes(key);
		out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		var head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.append((char) b);
		}
		assertThat(head.toString()).startsWith("HTTP/1.1 101");
	}
}
