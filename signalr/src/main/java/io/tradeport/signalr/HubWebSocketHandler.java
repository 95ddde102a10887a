package io.tradeport.signalr;

import java.security.Principal;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Connects Spring's WebSocket sessions to {@link Connection}s. Partial messages are taken as they come: records are
 * cut at the separator whatever the framing, and the size limit is the hub message's, not the container's buffer.
 * Text and binary frames are both read as UTF-8 JSON; what is sent is always text, which every client reads.
 */
final class HubWebSocketHandler implements WebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(HubWebSocketHandler.class);
	private static final String CONNECTION = HubWebSocketHandler.class.getName() + ".connection";

	private final Hub hub;
	private final HubRuntime runtime;

	HubWebSocketHandler(Hub hub, HubRuntime runtime) {
		this.hub = hub;
		this.runtime = runtime;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterConnectionEstablished(WebSocketSession session) {
		ContainerSessions.configure(session, runtime.settings().sendTimeout());
		var attributes = session.getAttributes();
		var connection = runtime.open(hub, session, (String) attributes.get(UpgradeInterceptor.CONNECTION_ID),
				(String) attributes.get(UpgradeInterceptor.TOKEN), (Principal) attributes.get(UpgradeInterceptor.PRINCIPAL),
				(Map<String, String>) attributes.getOrDefault(UpgradeInterceptor.QUERY, Map.of()));
		attributes.put(CONNECTION, connection);
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
		var connection = connection(session);
		if (connection == null) {
			return;
		}
		switch (message) {
			case TextMessage text -> connection.receive(text.getPayload());
			case BinaryMessage binary -> connection.receive(binary.getPayload());
			case PongMessage pong -> connection.touched();
			default -> connection.touched();
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("Transport error on {}", connection(session), exception);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		var connection = connection(session);
		if (connection != null) {
			connection.terminated(status);
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	private static @Nullable Connection connection(WebSocketSession session) {
		return (Connection) session.getAttributes().get(CONNECTION);
	}
}
