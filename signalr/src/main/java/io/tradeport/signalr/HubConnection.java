package io.tradeport.signalr;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

/** One client's connection to a hub, from the end of its handshake until it closes. Safe to use from any thread. */
public interface HubConnection {

	/** The public connection id (what negotiate returned as {@code connectionId}); never the secret token. */
	String id();

	/** What the hub's {@link HubAuthenticator} returned on the WebSocket upgrade. */
	@Nullable Principal principal();

	/**
	 * The upgrade request's query parameters by case-insensitive name (first value), without {@code access_token}
	 * and {@code id}; e.g. the CPlugin SDK's {@code tradePlatform}.
	 */
	Map<String, String> queryParameters();

	default @Nullable String queryParameter(String name) {
		return queryParameters().get(name);
	}

	/** State the hub keeps for this connection; dropped with it. */
	ConcurrentMap<String, Object> attributes();

	/**
	 * Calls {@code target} on the client (an invocation without id: no answer is expected). Send the exact name the
	 * client registered: the .NET client matches it case-sensitively.
	 *
	 * @return false when the connection is closed, or was just closed because its send buffer is full
	 * @throws IllegalArgumentException when an argument cannot be written as JSON
	 */
	boolean send(String target, @Nullable Object... arguments);

	void addToGroup(String group);

	void removeFromGroup(String group);

	boolean isOpen();

	/**
	 * Sends a Close message, with {@code error} when not null, then closes the WebSocket normally. The JS client does
	 * not reconnect after it.
	 */
	void close(@Nullable String error);
}
