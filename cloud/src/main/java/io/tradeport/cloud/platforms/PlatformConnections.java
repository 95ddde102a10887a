package io.tradeport.cloud.platforms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.grpc.Channel;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.MethodDescriptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import io.tradeport.cloud.secrets.SecretBox;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.MtError;

/**
 * One gateway connection per platform per node, shared by every caller: a channel and a manager session,
 * opened on first use, signed in again when the server forgets the session, rebuilt when the platform's
 * credentials change. Unreachable servers fail fast as {@link PlatformUnavailable}.
 */
@Service
public class PlatformConnections implements AutoCloseable {

	private static final Metadata.Key<String> SESSION = Metadata.Key.of("x-tradeport-session", Metadata.ASCII_STRING_MARSHALLER);
	private static final long DEADLINE_SECONDS = 10;

	/** Calls made through {@link #call} that set no deadline of their own get this one; the pump stream has none. */
	private static final ClientInterceptor DEFAULT_DEADLINE = new ClientInterceptor() {
		@Override
		public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
			return next.newCall(method, options.getDeadline() == null ? options.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS) : options);
		}
	};

	private record Credentials(String address, long login, String sealedPassword) {
	}

	private static final class Connection {

		final Credentials credentials;
		final ManagedChannel channel;
		volatile @Nullable String session;
		volatile Instant checkedAt;

		Connection(Credentials credentials, Instant checkedAt) {
			this.credentials = credentials;
			this.checkedAt = checkedAt;
			// Unpaged answers (a trades snapshot, reports) of a big server exceed gRPC's default 4 MiB.
			this.channel = ManagedChannelBuilder.forTarget(credentials.address()).usePlaintext().maxInboundMessageSize(MAX_ANSWER_BYTES).build();
		}
	}

	private static final Duration CREDENTIALS_CHECKED = Duration.ofSeconds(5);
	private static final int MAX_ANSWER_BYTES = 256 * 1024 * 1024;

	private final JdbcClient jdbc;
	private final SecretBox secrets;
	private final Clock clock;
	private final ConcurrentHashMap<UUID, Connection> connections = new ConcurrentHashMap<>();

	PlatformConnections(JdbcClient jdbc, SecretBox secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/**
	 * Runs a gateway call with the platform's manager session attached (stubs made on the given channel carry it) and
	 * a 10 s deadline unless the stub sets its own.
	 *
	 * @throws PlatformUnavailable when the server cannot be reached or the platform has no Manager API settings
	 * @throws PlatformRefused when the server answers with an MT4 return code
	 */
	public <T> T call(TradePlatformId platform, Function<Channel, T> call) {
		var connection = connection(platform);
		try {
			return call.apply(ClientInterceptors.intercept(withSession(connection, false), DEFAULT_DEADLINE));
		}
		catch (StatusRuntimeException e) {
			if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED && returnCode(e) == 6) {
				try {
					return call.apply(ClientInterceptors.intercept(withSession(connection, true), DEFAULT_DEADLINE));
				}
				catch (StatusRuntimeException again) {
					throw translate(platform, again);
				}
			}
			throw translate(platform, e);
		}
	}

	/** A channel carrying a (possibly renewed) manager session, for the long-lived pump stream. */
	Channel sessionChannel(TradePlatformId platform, boolean renew) {
		try {
			return withSession(connection(platform), renew);
		}
		catch (StatusRuntimeException e) {
			throw translate(platform, e);
		}
	}

	/**
	 * The platform's connection; its credentials are read again after {@link #CREDENTIALS_CHECKED} (or at once after
	 * a {@link TradePlatformChanged}), so that a call does not cost a database query.
	 */
	private Connection connection(TradePlatformId platform) {
		var existing = connections.get(platform.value());
		if (existing != null && existing.checkedAt.plus(CREDENTIALS_CHECKED).isAfter(clock.instant())) {
			return existing;
		}
		var credentials = jdbc.sql("select manager_address, manager_login, manager_password from trade_platform where id = ?")
			.param(platform.value())
			.query((rs, row) -> rs.getString(1) == null || rs.getObject(2) == null || rs.getString(3) == null ? null
					: new Credentials(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.optional()
			.orElse(null);
		if (credentials == null) {
			forget(platform);
			throw new PlatformUnavailable("The platform's Manager API is not configured", new IllegalStateException());
		}
		var checkedAt = clock.instant();
		return connections.compute(platform.value(), (id, current) -> {
			if (current != null && current.credentials.equals(credentials)) {
				current.checkedAt = checkedAt;
				return current;
			}
			if (current != null) {
				current.channel.shutdownNow();
			}
			return new Connection(credentials, checkedAt);
		});
	}

	/** Its settings changed or it was deleted: the next call reads them again, once the change is visible. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(TradePlatformChanged changed) {
		forget(changed.platform());
	}

	private void forget(TradePlatformId platform) {
		var removed = connections.remove(platform.value());
		if (removed != null) {
			removed.channel.shutdownNow();
		}
	}

	private Channel withSession(Connection connection, boolean renew) {
		var session = connection.session;
		if (session == null || renew) {
			synchronized (connection) {
				if (connection.session == null || renew) {
					var reply = ManagerSessionGrpc.newBlockingStub(connection.channel)
						.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
						.login(LoginRequest.newBuilder()
							.setLogin((int) connection.credentials.login())
							.setPassword(secrets.open(connection.credentials.sealedPassword()))
							.build());
					connection.session = reply.getSessionToken();
				}
				session = connection.session;
			}
		}
		var headers = new Metadata();
		headers.put(SESSION, session);
		return ClientInterceptors.intercept(connection.channel, MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	private static RuntimeException translate(TradePlatformId platform, StatusRuntimeException e) {
		var code = e.getStatus().getCode();
		if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
			return new PlatformUnavailable("The trade server of platform " + platform + " does not answer", e);
		}
		var detail = mtError(e);
		if (detail != null) {
			return new PlatformRefused(detail.getRetCode(), detail.getRetName(), detail.getMessage());
		}
		return new PlatformRefused(2, "ERROR", e.getStatus().getDescription() == null ? code.name() : e.getStatus().getDescription());
	}

	private static int returnCode(StatusRuntimeException e) {
		var detail = mtError(e);
		return detail == null ? -1 : detail.getRetCode();
	}

	private static @Nullable MtError mtError(StatusRuntimeException e) {
		var status = StatusProto.fromThrowable(e);
		if (status == null) {
			return null;
		}
		for (var any : status.getDetailsList()) {
			if (any.is(MtError.class)) {
				try {
					return any.unpack(MtError.class);
				}
				catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
					return null;
				}
			}
		}
		return null;
	}

	@Override
	public void close() {
		connections.values().forEach(connection -> connection.channel.shutdownNow());
		connections.clear();
	}
}
