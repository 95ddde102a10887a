package io.tradeport.tradeserver.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.MarketDataGrpc;
import io.tradeport.gateway.v1.MessagingGrpc;
import io.tradeport.gateway.v1.MtError;
import io.tradeport.gateway.v1.PumpGrpc;
import io.tradeport.gateway.v1.ServerAdminGrpc;
import io.tradeport.gateway.v1.TradingGrpc;
import io.tradeport.tradeserver.config.DemoPlatform;

/**
 * A demo trade server on a random loopback port and a real gRPC channel to it. The clock starts
 * on Tuesday 2026-11-24 10:00 UTC, inside every demo session.
 */
final class Gateway implements AutoCloseable {

	static final Instant TUESDAY_10_00 = Instant.parse("2026-11-24T10:00:00Z");

	final TestClock clock = new TestClock(TUESDAY_10_00);
	final TradeServer server;
	final ManagedChannel channel;

	Gateway() {
		this(TradeServerSettings.loopback());
	}

	Gateway(TradeServerSettings settings) {
		server = TradeServer.start(settings.withClock(clock).withMarginInterval(Duration.ofMillis(100)));
		channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
	}

	/** Stubs of one signed-in manager. */
	record Manager(String token, ManagerSessionGrpc.ManagerSessionBlockingStub session, AccountsGrpc.AccountsBlockingStub accounts,
			TradingGrpc.TradingBlockingStub trading, MarketDataGrpc.MarketDataBlockingStub market,
			MessagingGrpc.MessagingBlockingStub messaging, ServerAdminGrpc.ServerAdminBlockingStub admin,
			ConfigurationGrpc.ConfigurationBlockingStub config, PumpGrpc.PumpStub pump) {
	}

	ManagerSessionGrpc.ManagerSessionBlockingStub anonymous() {
		return ManagerSessionGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
	}

	Manager admin() {
		return login(DemoPlatform.ADMIN_LOGIN, DemoPlatform.DEFAULT_ADMIN_PASSWORD);
	}

	Manager dealer() {
		return login(DemoPlatform.DEALER_LOGIN, DemoPlatform.DEALER_PASSWORD);
	}

	Manager login(int login, String password) {
		String token = anonymous().login(LoginRequest.newBuilder().setLogin(login).setPassword(password).build()).getSessionToken();
		return withToken(token);
	}

	Manager withToken(String token) {
		Metadata headers = new Metadata();
		headers.put(Metadata.Key.of(Sessions.HEADER, Metadata.ASCII_STRING_MARSHALLER), token);
		var auth = MetadataUtils.newAttachHeadersInterceptor(headers);
		return new Manager(token,
				ManagerSessionGrpc.newBlockingStub(channel).withInterceptors(auth),
				AccountsGrpc.newBlockingStub(channel).withInterceptors(auth),
				TradingGrpc.newBlockingStub(channel).withInterceptors(auth),
				MarketDataGrpc.newBlockingStub(channel).withInterceptors(auth),
				MessagingGrpc.newBlockingStub(channel).withInterceptors(auth),
				ServerAdminGrpc.newBlockingStub(channel).withInterceptors(auth),
				ConfigurationGrpc.newBlockingStub(channel).withInterceptors(auth),
				PumpGrpc.newStub(channel).withInterceptors(auth));
	}

	/** The call's failure: its gRPC status code and the MT4 return code from the MtError detail. */
	record Refusal(Status.Code status, int retCode, String retName, String message) {
	}

	static Refusal refusal(ThrowingCallable call) {
		StatusRuntimeException ex = catchThrowableOfType(StatusRuntimeException.class, call);
		assertThat(ex).as("the call must fail").isNotNull();
		MtError error = mtError(ex);
		return new Refusal(ex.getStatus().getCode(), error.getRetCode(), error.getRetName(), error.getMessage());
	}

	static MtError mtError(Throwable ex) {
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		assertThat(status).as("status with details").isNotNull();
		try {
			return status.getDetails(0).unpack(MtError.class);
		}
		catch (com.google.protobuf.InvalidProtocolBufferException e) {
			throw new AssertionError(e);
		}
	}

	@Override
	public void close() {
		channel.shutdownNow();
		server.close();
	}
}
