package io.tradeport.tradeserver.gateway;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.config.DemoPlatform;

/**
 * How to start a {@link TradeServer}.
 *
 * @param host address to bind; "127.0.0.1" keeps an embedded server on loopback
 * @param port 0 picks a free port (see {@link TradeServer#port()})
 * @param dataDir where the journal files go ({@code logs/yyyyMMdd.log}); null keeps everything in memory
 * @param serverZone the server's local time for sessions, end of day and D1 bars
 * @param adminPassword password of manager 1, the administrator
 * @param demo seed the demo platform ({@link DemoPlatform}); false starts with manager 1 only
 * @param marketHistory tick and bar history; null uses the built-in in-memory one
 * @param pumpBufferCapacity live events a pump subscriber may have waiting before it is closed,
 *     unless the pump plugin's "Buffer events" parameter says otherwise
 * @param marginInterval how often changed margin levels are pushed to the pump
 * @param sessionIdleTimeout manager sessions without a call for this long expire
 */
public record TradeServerSettings(
		String host,
		int port,
		@Nullable Path dataDir,
		Clock clock,
		ZoneId serverZone,
		String serverName,
		String company,
		String adminPassword,
		boolean demo,
		@Nullable MarketHistory marketHistory,
		int pumpBufferCapacity,
		Duration marginInterval,
		Duration sessionIdleTimeout) {

	/** Demo platform on all interfaces, port 4500, server time UTC, in memory. */
	public static TradeServerSettings defaults() {
		return new TradeServerSettings("0.0.0.0", 4500, null, Clock.systemUTC(), ZoneId.of("UTC"), "Tradeport Demo",
				"Tradeport", DemoPlatform.DEFAULT_ADMIN_PASSWORD, true, null, 10_000, Duration.ofSeconds(1),
				Duration.ofMinutes(30));
	}

	/** For embedding: loopback only, a free port. */
	public static TradeServerSettings loopback() {
		return defaults().withHost("127.0.0.1").withPort(0);
	}

	public TradeServerSettings withHost(String host) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}

	public TradeServerSettings withPort(int port) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}

	public TradeServerSettings withDataDir(@Nullable Path dataDir) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}

	public TradeServerSettings withClock(Clock clock) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}

	public TradeServerSettings withServerZone(ZoneId serverZone) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}

	public TradeServerSettings withAdminPassword(String adminPassword) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}

	public TradeServerSettings withDemo(boolean demo) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}

	public TradeServerSettings withMarketHistory(@Nullable MarketHistory marketHistory) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}

	public TradeServerSettings withPumpBufferCapacity(int pumpBufferCapacity) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}

	public TradeServerSettings withMarginInterval(Duration marginInterval) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}

	public TradeServerSettings withSessionIdleTimeout(Duration sessionIdleTimeout) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout);
	}
}
