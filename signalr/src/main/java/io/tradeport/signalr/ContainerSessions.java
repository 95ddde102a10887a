package io.tradeport.signalr;

import java.io.IOException;
import java.time.Duration;

import org.springframework.util.ClassUtils;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import jakarta.websocket.CloseReason;

import org.apache.tomcat.websocket.WsSession;

/**
 * What the WebSocket API cannot say about a client that stopped reading. On Tomcat a write to it blocks for 20 s by
 * default, and a normal close first waits for that write and then up to 30 s for the client's close frame; here a
 * write gives up after the send timeout and an abort closes the socket at once. Other containers get a normal close.
 */
final class ContainerSessions {

	private static final boolean TOMCAT = ClassUtils.isPresent("org.apache.tomcat.websocket.WsSession", ContainerSessions.class.getClassLoader());

	private ContainerSessions() {
	}

	static void configure(WebSocketSession session, Duration sendTimeout) {
		if (TOMCAT) {
			Tomcat.configure(session, sendTimeout);
		}
	}

	/**
	 * Writes one text frame. On Jakarta WebSocket containers through the session's send writer: Tomcat encodes a
	 * {@code String} handed to {@code sendText} char by char through a {@code String}-backed buffer (the largest item
	 * in a profile of 1,000 subscribers at 300,000 messages/s), and the writer's {@code char[]} takes its array path.
	 */
	static Outbox.Socket textWriter(WebSocketSession session) {
		if (nativeSession(session) instanceof jakarta.websocket.Session jakarta) {
			return frame -> {
				try (var writer = jakarta.getBasicRemote().getSendWriter()) {
					writer.write(frame);
				}
			};
		}
		return frame -> session.sendMessage(new TextMessage(frame));
	}

	/** Closes the socket without waiting for the client's close frame. */
	static void abort(WebSocketSession session, CloseStatus status) throws IOException {
		if (!TOMCAT || !Tomcat.abort(session, status)) {
			session.close(status);
		}
	}

	/** Loaded only when Tomcat's WebSocket classes are there. */
	private static final class Tomcat {

		private static void configure(WebSocketSession session, Duration sendTimeout) {
			if (nativeSession(session) instanceof WsSession tomcat) {
				tomcat.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", sendTimeout.toMillis());
			}
		}

		private static boolean abort(WebSocketSession session, CloseStatus status) {
			if (nativeSession(session) instanceof WsSession tomcat) {
				var reason = new CloseReason(CloseReason.CloseCodes.getCloseCode(status.getCode()), status.getReason());
				tomcat.doClose(reason, reason, true);
				return true;
			}
			return false;
		}

	}

	private static Object nativeSession(WebSocketSession session) {
		return session instanceof NativeWebSocketSession nativeSession ? nativeSession.getNativeSession() : session;
	}
}
