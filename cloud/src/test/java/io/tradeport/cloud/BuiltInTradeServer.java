package io.tradeport.cloud;

import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

/**
 * A built-in trade server for one test class, on a loopback port with the manager password {@link #MANAGER_PASSWORD}:
 * {@code @RegisterExtension static final BuiltInTradeServer tradeServer = BuiltInTradeServer.loopback();}
 */
public final class BuiltInTradeServer implements BeforeAllCallback, AfterAllCallback {

	public static final String MANAGER_PASSWORD = "gateway-password";

	private final UnaryOperator<TradeServerSettings> settings;
	private TradeServer server;
	private ManagedChannel channel;

	private BuiltInTradeServer(UnaryOperator<TradeServerSettings> settings) {
		this.settings = settings;
	}

	public static BuiltInTradeServer loopback() {
		return new BuiltInTradeServer(UnaryOperator.identity());
	}

	/** The same with changed settings, e.g. {@code settings -> settings.withFeed(true)}. */
	public static BuiltInTradeServer loopback(UnaryOperator<TradeServerSettings> settings) {
		return new BuiltInTradeServer(settings);
	}

	public int port() {
		return server.port();
	}

	public TradeServer server() {
		return server;
	}

	/** A gateway channel without a session, for signing in as someone. */
	public Channel channel() {
		return channel;
	}

	/** A gateway channel signed in as the administrator (manager 1), for checking the server's own state. */
	public Channel administrator() {
		var session = ManagerSessionGrpc.newBlockingStub(channel)
			.login(LoginRequest.newBuilder().setLogin(1).setPassword(MANAGER_PASSWORD).build()).getSessionToken();
		var headers = new Metadata();
		headers.put(Metadata.Key.of("x-tradeport-session", Metadata.ASCII_STRING_MARSHALLER), session);
		return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		server = TradeServer.start(settings.apply(TradeServerSettings.loopback().withAdminPassword(MANAGER_PASSWORD)));
		channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
	}

	@Override
	public void afterAll(ExtensionContext context) throws InterruptedException {
		channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		server.close();
	}
}
