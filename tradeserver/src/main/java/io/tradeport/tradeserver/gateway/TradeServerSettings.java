package io.tradeport.tradeserver.gateway;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.config.DemoPlatform;
import io.tradeport.tradeserver.reports.ConnectionFactory;

/**
 * How to start a {@link TradeServer}.
 *
 * @param host address to bind; "127.0.0.1" keeps an embedded server on loopback
 * @param port 0 picks a free port (see {@link TradeServer#port()})
 * @param dataDir where the server keeps its state: the engine's write-ahead journal and snapshots
 *     ({@code journal/}), the text journal ({@code logs/yyyyMMdd.log}) and the embedded report
 *     database ({@code report-db/}); null keeps everything in memory
 * @param serverZone the server's local time for sessions, end of day and D1 bars
 * @param adminPassword password of manager 1, the administrator
 * @param demo seed the demo platform ({@link DemoPlatform}) on the first start; false starts with manager 1 only
 * @param marketHistory tick and bar history; null uses the built-in one ({@code FeedMarketHistory}: the feed's tick and bar store)
 * @param pumpBufferCapacity live events a pump subscriber may have waiting before it is closed,
 *     unless the pump plugin's "Buffer events" parameter says otherwise
 * @param marginInterval how often changed margin levels are pushed to the pump
 * @param sessionIdleTimeout manager sessions without a call for this long expire
 * @param platform what {@code GetServerInfo} presents the server as; the trading model is the same
 * @param feed run the simulated price feed on the server's symbols
 * @param simulatedTraders how many simulated retail traders trade in group {@code demoforex} (needs the demo platform)
 * @param reportDatabase replicate into this MT4 report database (MySQL/MariaDB); null: no replication
 *     unless {@code embeddedReportDatabase}
 * @param embeddedReportDatabase start an embedded MariaDB under {@code dataDir/report-db} and
 *     replicate into it; its credentials are in {@link TradeServer#reportDatabase()}
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
		Duration sessionIdleTimeout,
		Platform platform,
		boolean feed,
		int simulatedTraders,
		@Nullable ConnectionFactory reportDatabase,
		boolean embeddedReportDatabase) {

	/** The trading platform the server presents itself as. */
	public enum Platform {
		MT4, MT5
	}

	/** Demo platform on all interfaces, port 4500, server time UTC, in memory, no feed, no traders, no replication. */
	public static TradeServerSettings defaults() {
		return new TradeServerSettings("0.0.0.0", 4500, null, Clock.systemUTC(), ZoneId.of("UTC"), "Tradeport Demo",
				"Tradeport", DemoPlatform.DEFAULT_ADMIN_PASSWORD, true, null, 10_000, Duration.ofSeconds(1),
				Duration.ofMinutes(30), Platform.MT4, false, 0, null, false);
	}

	/** For embedding: loopback only, a free port. */
	public static TradeServerSettings loopback() {
		return defaults().withHost("127.0.0.1").withPort(0);
	}

	/**
	 * The embedded demo of the cloud: loopback on a free port, state kept in {@code dataDir}, live
	 * prices and 50 simulated traders. Add {@code withEmbeddedReportDatabase(true)} for replication.
	 */
	public static TradeServerSettings embeddedDemo(Path dataDir) {
		return loopback().withDataDir(dataDir).withFeed(true).withSimulatedTraders(50);
	}

	/** Replicates into the report database at {@code jdbcUrl} ({@code jdbc:mariadb://host:3306/mt4}). */
	public TradeServerSettings withReportDatabase(String jdbcUrl, String user, String password) {
		return withReportDatabase(ConnectionFactory.of(jdbcUrl, user, password));
	}

	public TradeServerSettings withHost(String host) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withPort(int port) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withDataDir(@Nullable Path dataDir) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withClock(Clock clock) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withServerZone(ZoneId serverZone) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withServerName(String serverName) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withCompany(String company) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withAdminPassword(String adminPassword) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withDemo(boolean demo) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withMarketHistory(@Nullable MarketHistory marketHistory) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withPumpBufferCapacity(int pumpBufferCapacity) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withMarginInterval(Duration marginInterval) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withSessionIdleTimeout(Duration sessionIdleTimeout) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withPlatform(Platform platform) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withFeed(boolean feed) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withSimulatedTraders(int simulatedTraders) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withReportDatabase(@Nullable ConnectionFactory reportDatabase) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}

	public TradeServerSettings withEmbeddedReportDatabase(boolean embeddedReportDatabase) {
		return new TradeServerSettings(host, port, dataDir, clock, serverZone, serverName, company, adminPassword, demo,
				marketHistory, pumpBufferCapacity, marginInterval, sessionIdleTimeout, platform, feed, simulatedTraders,
				reportDatabase, embeddedReportDatabase);
	}
}
