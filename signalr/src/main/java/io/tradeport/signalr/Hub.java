package io.tradeport.signalr;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A SignalR hub served at a path: {@code POST {path}/negotiate} and the WebSocket at {@code {path}}. Declare it as a
 * bean and it is served; keep the bean to send to its connections from anywhere in the application.
 *
 * <pre>{@code
 * @Bean
 * Hub echoHub() {
 *     return Hub.at("/hubs/echo")
 *             .authenticator(HubAuthenticator.bearer(tokens::principalOrNull))
 *             .onConnected(connection -> connection.send("OnConnectionStatus", Map.of("connected", true)))
 *             .method("Echo", (connection, arguments) -> arguments.get(0, String.class))
 *             .stream("Count", (connection, arguments) -> counter(arguments.get(0, Integer.class)))
 *             .build();
 * }
 * }</pre>
 *
 * Method names are matched case-insensitively, as ASP.NET does, so two names differing only in case are refused.
 */
public final class Hub {

	private final String path;
	private final HubAuthenticator authenticator;
	private final Consumer<HubConnection> onConnected;
	private final Consumer<HubConnection> onDisconnected;
	private final Map<String, Method> methods;

	private final ConcurrentMap<String, Connection> connections = new ConcurrentHashMap<>();
	private final ConcurrentMap<String, Set<Connection>> groups = new ConcurrentHashMap<>();
	private final Negotiations negotiations = new Negotiations();
	private final JsonHubProtocol protocol = new JsonHubProtocol();

	private Hub(Builder builder) {
		this.path = builder.path;
		this.authenticator = builder.authenticator;
		this.onConnected = builder.onConnected;
		this.onDisconnected = builder.onDisconnected;
		this.methods = Map.copyOf(builder.methods);
	}

	/** @param path where the hub is served, e.g. {@code /hubs/mt4/v2}: starts with a slash, does not end with one */
	public static Builder at(String path) {
		return new Builder(path);
	}

	public String path() {
		return path;
	}

	/** @return false when no open connection has this id or it could not take the message (see {@link HubConnection#send}) */
	public boolean send(String connectionId, String target, @Nullable Object... arguments) {
		var connection = connections.get(connectionId);
		return connection != null && connection.send(target, arguments);
	}

	/**
	 * Calls {@code target} on every connection in the group. The message is written to JSON once; a connection that
	 * is too far behind is closed and does not hold up the others.
	 *
	 * @return how many connections it was queued for
	 */
	public int sendToGroup(String group, String target, @Nullable Object... arguments) {
		var members = groups.get(group);
		return members == null || members.isEmpty() ? 0 : sendTo(members, target, arguments);
	}

	/** Like {@link #sendToGroup} for every open connection of this hub. */
	public int sendToAll(String target, @Nullable Object... arguments) {
		return connections.isEmpty() ? 0 : sendTo(connections.values(), target, arguments);
	}

	public Optional<HubConnection> connection(String connectionId) {
		return Optional.ofNullable(connections.get(connectionId));
	}

	public int connectionCount() {
		return connections.size();
	}

	private int sendTo(Iterable<Connection> targets, String target, @Nullable Object[] arguments) {
		var record = protocol.invocation(target, arguments);
		int queued = 0;
		for (var connection : targets) {
			if (connection.offerIfOpen(record)) {
				queued++;
			}
		}
		return queued;
	}

	HubAuthenticator authenticator() {
		return authenticator;
	}

	@Nullable Method method(String name) {
		return methods.get(name.toLowerCase(Locale.ROOT));
	}

	Negotiations negotiations() {
		return negotiations;
	}

	JsonHubProtocol protocol() {
		return protocol;
	}

	void opened(Connection connection) {
		connections.put(connection.id(), connection);
	}

	void closed(Connection connection) {
		connections.remove(connection.id(), connection);
		for (var group : connection.groups()) {
			removeFromGroup(connection, group);
		}
	}

	void addToGroup(Connection connection, String group) {
		groups.computeIfAbsent(group, name -> ConcurrentHashMap.newKeySet()).add(connection);
	}

	void removeFromGroup(Connection connection, String group) {
		groups.computeIfPresent(group, (name, members) -> {
			members.remove(connection);
			return members.isEmpty() ? null : members;
		});
	}

	void connected(HubConnection connection) {
		onConnected.accept(connection);
	}

	void disconnected(HubConnection connection) {
		onDisconnected.accept(connection);
	}

	/** A method as registered: exactly one of the two handlers is set. */
	record Method(String name, @Nullable HubMethod invocation, @Nullable HubStreamMethod stream) {
	}

	public static final class Builder {

		private final String path;
		private HubAuthenticator authenticator = HubAuthenticator.ANONYMOUS;
		private Consumer<HubConnection> onConnected = connection -> {
		};
		private Consumer<HubConnection> onDisconnected = connection -> {
		};
		private final Map<String, Method> methods = new LinkedHashMap<>();

		private Builder(String path) {
			if (!path.startsWith("/") || path.endsWith("/") || path.endsWith("/negotiate") || path.contains("*")) {
				throw new IllegalArgumentException("A hub path starts with '/', does not end with '/' or '/negotiate' and has no wildcard: " + path);
			}
			this.path = path;
		}

		/** Who may negotiate and connect; by default anyone ({@link HubAuthenticator#ANONYMOUS}). */
		public Builder authenticator(HubAuthenticator authenticator) {
			this.authenticator = Objects.requireNonNull(authenticator);
			return this;
		}

		/**
		 * Runs right after the handshake, before any invocation of the connection is handled: the place to send a
		 * first event such as {@code OnConnectionStatus}. An exception closes the connection with an error.
		 */
		public Builder onConnected(Consumer<HubConnection> action) {
			this.onConnected = Objects.requireNonNull(action);
			return this;
		}

		/** Runs once a connection that completed its handshake has closed, whatever the reason. */
		public Builder onDisconnected(Consumer<HubConnection> action) {
			this.onDisconnected = Objects.requireNonNull(action);
			return this;
		}

		public Builder method(String name, HubMethod method) {
			return add(new Method(name, Objects.requireNonNull(method), null));
		}

		public Builder stream(String name, HubStreamMethod method) {
			return add(new Method(name, null, Objects.requireNonNull(method)));
		}

		public Hub build() {
			return new Hub(this);
		}

		private Builder add(Method method) {
			if (method.name().isBlank()) {
				throw new IllegalArgumentException("A hub method needs a name");
			}
			var previous = methods.putIfAbsent(method.name().toLowerCase(Locale.ROOT), method);
			if (previous != null) {
				throw new IllegalArgumentException("Hub method names are case-insensitive: '" + method.name() + "' clashes with '" + previous.name() + "'");
			}
			return this;
		}
	}

	/**
	 * Connection tokens handed out by negotiate and not yet used by a WebSocket, and those in use. A token works for
	 * one WebSocket only; one that is never used is forgotten after the negotiation timeout.
	 */
	static final class Negotiations {

		record Negotiation(String connectionId, String token, @Nullable String principalName, long createdNanos) {
		}

		sealed interface Claim {
		}

		record Claimed(Negotiation negotiation) implements Claim {
		}

		record Unknown() implements Claim {
		}

		record InUse() implements Claim {
		}

		private final ConcurrentMap<String, Negotiation> pending = new ConcurrentHashMap<>();
		private final Set<String> inUse = ConcurrentHashMap.newKeySet();

		/** @param version 0 gives no separate token: the client sends the connection id back */
		Negotiation negotiate(@Nullable Principal principal, int version, long nowNanos) {
			var connectionId = Ids.next();
			var negotiation = new Negotiation(connectionId, version >= 1 ? Ids.next() : connectionId,
					principal == null ? null : principal.getName(), nowNanos);
			pending.put(negotiation.token(), negotiation);
			return negotiation;
		}

		Claim claim(String token) {
			var negotiation = pending.remove(token);
			if (negotiation != null) {
				inUse.add(token);
				return new Claimed(negotiation);
			}
			return inUse.contains(token) ? new InUse() : new Unknown();
		}

		void release(String token) {
			inUse.remove(token);
		}

		void expire(long negotiatedBeforeNanos) {
			pending.values().removeIf(negotiation -> negotiation.createdNanos() - negotiatedBeforeNanos < 0);
		}

		int pendingCount() {
			return pending.size();
		}
	}
}
