package io.tradeport.cloud;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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

	@Override
	public void beforeAll(ExtensionContext context) {
		server = TradeServer.start(settings.apply(TradeServerSettings.loopback().withAdminPassword(MANAGER_PASSWORD)));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		server.close();
	}
}
