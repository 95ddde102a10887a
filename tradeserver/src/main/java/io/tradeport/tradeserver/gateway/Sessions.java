package io.tradeport.tradeserver.gateway;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.ManagerRight;
import io.tradeport.tradeserver.config.ServerConfig;

/**
 * Manager sessions: {@code Login} hands out a random token, every further call carries it in the
 * {@value #HEADER} metadata entry. A session ends on Logout, after the idle timeout, or when its
 * manager is deleted from the MANAGERS section. Rights are read from the section on every call,
 * so a rights change applies at once.
 */
final class Sessions implements ServerInterceptor {

	static final String HEADER = "x-tradeport-session";
	private static final Metadata.Key<String> KEY = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);
	private static final Context.Key<Session> CURRENT = Context.key("tradeport-session");
	private static final Context.Key<String> REMOTE = Context.key("tradeport-remote");
	private static final Set<String> OPEN_METHODS = Set.of(
			ManagerSessionGrpc.getGetServerInfoMethod().getFullMethodName(),
			ManagerSessionGrpc.getLoginMethod().getFullMethodName());
	private static final SecureRandom RANDOM = new SecureRandom();

	/** A signed-in manager. */
	static final class Session {

		final String token;
		final int login;
		final String ip;
		final Instant since;
		volatile Instant lastSeen;

		Session(String token, int login, String ip, Instant since) {
			this.token = token;
			this.login = login;
			this.ip = ip;
			this.since = since;
			this.lastSeen = since;
		}
	}

	private final ServerConfig config;
	private final Clock clock;
	private final Duration idleTimeout;
	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	Sessions(ServerConfig config, Clock clock, Duration idleTimeout) {
		this.config = config;
		this.clock = clock;
		this.idleTimeout = idleTimeout;
	}

	Duration idleTimeout() {
		return idleTimeout;
	}

	Session open(int login, String ip) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Session session = new Session(token, login, ip, clock.instant());
		// Expired sessions are otherwise only dropped when their token comes back.
		sessions.values().removeIf(s -> !alive(s));
		sessions.put(token, session);
		return session;
	}

	void close(Session session) {
		sessions.remove(session.token);
	}

	List<Session> active() {
		return sessions.values().stream().filter(this::alive).toList();
	}

	private boolean alive(Session session) {
		return session.lastSeen.plus(idleTimeout).isAfter(clock.instant());
	}

	/** The session of the current call; the interceptor guarantees one outside the open methods. */
	static Session current() {
		Session session = CURRENT.get();
		if (session == null) {
			throw MtException.of(Ret.NO_CONNECT, "not logged in");
		}
		return session;
	}

	static String remoteAddress() {
		String remote = REMOTE.get();
		return remote == null ? "" : remote;
	}

	/** The current manager's record, checked to still exist. */
	ManagerAccount manager() {
		Session session = current();
		return config.managers().find(Integer.toString(session.login))
			.orElseThrow(() -> MtException.of(Ret.NO_CONNECT, "manager " + session.login + " no longer exists"));
	}

	/** The current manager, who must hold {@code right}. */
	ManagerAccount require(ManagerRight right) {
		ManagerAccount manager = manager();
		if (!manager.has(right)) {
			throw MtException.rights(right.name().toLowerCase(java.util.Locale.ROOT));
		}
		return manager;
	}

	@Override
	public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
		Context context = Context.current().withValue(REMOTE, ip(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
		if (!OPEN_METHODS.contains(call.getMethodDescriptor().getFullMethodName())) {
			String token = headers.get(KEY);
			Session session = token == null ? null : sessions.get(token);
			if (session == null || !alive(session)) {
				if (session != null) {
					sessions.remove(session.token);
				}
				MtException refused = MtException.of(Ret.NO_CONNECT,
						token == null ? "no session: call Login and send the token in " + HEADER : "session expired or unknown");
				var status = refused.toStatus();
				call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
				return new ServerCall.Listener<>() {
				};
			}
			session.lastSeen = clock.instant();
			context = context.withValue(CURRENT, session);
		}
		return Contexts.interceptCall(context, call, headers, next);
	}

	private static String ip(@Nullable SocketAddress address) {
		if (address instanceof InetSocketAddress inet) {
			return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
		}
		return address == null ? "" : address.toString();
	}
}
