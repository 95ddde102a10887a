package io.tradeport.tradeserver.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.tradeport.gateway.v1.ConCommon;
import io.tradeport.gateway.v1.ConSymbolGroup;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.User;
import io.tradeport.tradeserver.config.DemoPlatform;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.Passwords;
import io.tradeport.tradeserver.config.ServerConfig;
import io.tradeport.tradeserver.config.ServerStores;
import io.tradeport.tradeserver.config.UserDetails;
import io.tradeport.tradeserver.config.UserDirectory;
import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.feed.FeedDriver;
import io.tradeport.tradeserver.feed.Instrument;
import io.tradeport.tradeserver.feed.PriceFeed;
import io.tradeport.tradeserver.journal.DurableEngine;
import io.tradeport.tradeserver.reports.ConnectionFactory;
import io.tradeport.tradeserver.reports.EmbeddedReportDatabase;
import io.tradeport.tradeserver.reports.ReplicationSettings;
import io.tradeport.tradeserver.reports.ReplicationStatus;
import io.tradeport.tradeserver.reports.ReportDatabaseAccess;
import io.tradeport.tradeserver.reports.ReportReplicator;
import io.tradeport.tradeserver.simulation.SimulationConfig;
import io.tradeport.tradeserver.simulation.TraderSimulation;

/**
 * A running trade server: engine (behind the write-ahead journal when there is a data directory),
 * server-side stores, the gRPC gateway, and optionally the price feed, simulated traders and
 * report replication. Start one with {@link #start}; {@link #close} stops it. Nothing is static,
 * so several can run in one JVM (tests, or the cloud's embedded default on a loopback port).
 */
public final class TradeServer implements AutoCloseable {

	private static final Logger LOG = Logger.getLogger(TradeServer.class.getName());

	/** Bars kept per symbol and timeframe: a week of M1, 420 days of H1, decades of D1. */
	private static final int BARS_PER_TIMEFRAME = 10_080;

	/** The simulated crowd trades the majors in the demo's retail group. */
	private static final String TRADERS_GROUP = "demoforex";

	/** How often the engine runs its timers (pending order expiration, end of day). */
	private static final Duration ENGINE_TIMERS = Duration.ofSeconds(1);

	private final Server grpc;
	private final EngineAccess engine;
	/** The margin poll and the backups; replaced by a soft restart. */
	private volatile ScheduledExecutorService timers = newTimers();
	private final ExecutorService senders;
	private final ServerContext context;
	/** Producers and followers of the engine, stopped in reverse order before the engine. */
	private final Deque<AutoCloseable> attached = new ArrayDeque<>();
	private final Feed feed = new Feed();
	/** Soft restarts and the start of {@link #close} take turns on it. */
	private final Object lifecycle = new Object();
	private boolean closed;
	private @Nullable EmbeddedReportDatabase embeddedDatabase;
	private @Nullable ReportReplicator replicator;

	private TradeServer(Server grpc, EngineAccess engine, ExecutorService senders, ServerContext context) {
		this.grpc = grpc;
		this.engine = engine;
		this.senders = senders;
		this.context = context;
	}

	/**
	 * Opens (or recovers) the engine, seeds the demo platform when the engine is new and
	 * {@code settings.demo()}, starts what the settings ask for (feed, traders, replication) and
	 * listens for gateway connections.
	 *
	 * @throws UncheckedIOException when the port cannot be bound or the data directory cannot be used
	 * @throws IllegalStateException when another process has the data directory open
	 * @throws IllegalArgumentException for an embedded report database without a data directory
	 */
	public static TradeServer start(TradeServerSettings settings) {
		Path dataDir = settings.dataDir();
		if (settings.embeddedReportDatabase() && dataDir == null) {
			throw new IllegalArgumentException("an embedded report database needs a data directory");
		}
		// Loaded before the engine takes the directory's lock, but written only after it (seed, calls).
		ServerStores stores = dataDir == null ? ServerStores.inMemory() : ServerStores.open(dataDir.resolve("stores"));
		ServerConfig config = stores.config();
		UserDirectory users = stores.users();
		Journal journal = new Journal(settings.clock(), settings.serverZone(), 100_000,
				dataDir == null ? null : dataDir.resolve("logs"));
		Sections sections = new Sections(stores);
		MarketHistory history = settings.marketHistory() != null ? settings.marketHistory()
				: new FeedMarketHistory(settings.serverZone(), config.plugin(ServerConfig.HISTORY_PLUGIN)
					.map(p -> p.intParam(ServerConfig.HISTORY_TICKS_PARAM, 100_000)).orElse(100_000), BARS_PER_TIMEFRAME);
		QuoteBoard quotes = new QuoteBoard(settings.serverZone());
		// Virtual threads: one short drain task per burst of pump events; blocking never pins a carrier.
		ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
		PumpHub pump = new PumpHub(settings.clock(), users, senders);
		List<DailyReport> dailyReports = new ArrayList<>();
		EngineEvents events = new EngineEvents(pump, quotes, history, journal, dailyReports);

		ReportReplicator replicator = null;
		// Filled in once the embedded database runs; the replicator opens no connection before its start.
		AtomicReference<@Nullable ConnectionFactory> reportDatabase = new AtomicReference<>(settings.reportDatabase());
		if (settings.reportDatabase() != null || settings.embeddedReportDatabase()) {
			replicator = ReportReplicator.create(ReplicationSettings.defaults(settings.serverZone())
				.withServerAddress(settings.host() + ":" + settings.port()), () -> {
					ConnectionFactory database = reportDatabase.get();
					if (database == null) {
						throw new SQLException("the report database is not started yet");
					}
					return database.open();
				}, settings.clock());
		}
		EngineListener listener = replicator == null ? events : new CompositeListener(List.of(events, replicator.listener()));

		EngineSettings engineSettings = EngineSettings.defaults().withServerZone(settings.serverZone());
		EngineAccess engine;
		try {
			engine = dataDir == null
					? EngineAccess.inMemory(new TradeEngine(settings.clock(), engineSettings, listener))
					: EngineAccess.journaled(DurableEngine.open(dataDir.resolve("journal"), settings.clock(), engineSettings, listener));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the journal in " + dataDir, ex);
		}
		// Only after the journal's lock is ours: a second server on the same directory must not start a
		// second MariaDB on the same files.
		EmbeddedReportDatabase embedded = null;
		if (settings.embeddedReportDatabase() && dataDir != null) {
			try {
				embedded = EmbeddedReportDatabase.start(dataDir.resolve("report-db"), 0);
			}
			catch (IOException | RuntimeException ex) {
				engine.close();
				throw ex instanceof IOException io ? new UncheckedIOException("cannot start the embedded report database", io)
						: (RuntimeException) ex;
			}
			reportDatabase.set(embedded.writerConnections());
		}
		engine.startTimers(ENGINE_TIMERS);
		Sessions sessions = new Sessions(config, settings.clock(), settings.sessionIdleTimeout());
		ServerContext context = new ServerContext(settings, engine, config, sections, users, journal, stores,
				history, quotes, pump, sessions, dailyReports);

		List<BindableService> services = List.of(new SessionService(context), new AccountsService(context),
				new TradingService(context), new MarketDataService(context), new MessagingService(context),
				new ServerAdminService(context), new ConfigurationService(context), new PumpService(context));
		NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.port()));
		services.forEach(s -> builder.addService(ServerInterceptors.intercept(s, sessions)));
		Server grpc = builder.build();
		TradeServer server = new TradeServer(grpc, engine, senders, context);
		context.restarts = new Restarts(server::restartFeed, server::softRestart);
		server.embeddedDatabase = embedded;
		server.replicator = replicator;
		try {
			boolean fresh = engine.isEmpty();
			seed(context, stores.isNew(), fresh);
			stores.seeded();
			// The section is the source: after a crash between its write and the engine's, the engine follows it.
			context.write(w -> {
				context.applyHolidays(w);
				return null;
			});
			if (replicator != null) {
				engine.startReplication(replicator);
				server.attached.push(replicator);
			}
			if (settings.feed()) {
				server.feed.start();
				server.attached.push(server.feed);
			}
			if (settings.simulatedTraders() > 0) {
				server.startTraders(settings.simulatedTraders());
			}
			grpc.start();
		}
		catch (IOException ex) {
			server.close();
			throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), ex);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		server.backup();
		server.scheduleMarginPoll();
		server.scheduleBackups();
		journal.write(Journal.Type.STANDARD, "", "Tradeport trade server build " + SessionService.SERVER_BUILD
				+ " started, gateway on " + settings.host() + ":" + server.port()
				+ (dataDir == null ? ", in memory" : ", data in " + dataDir));
		return server;
	}

	/** For tests in this package: the engine's thread and the shared state. */
	ServerContext context() {
		return context;
	}

	/** The port the gateway listens on. */
	public int port() {
		return grpc.getPort();
	}

	/**
	 * Where a broker's reporting tools read the replicated MT4 tables (the platform's "DB" button):
	 * present when the server runs its embedded report database.
	 */
	public Optional<ReportDatabaseAccess> reportDatabase() {
		EmbeddedReportDatabase database = embeddedDatabase;
		return database == null ? Optional.empty() : Optional.of(database.reportAccess());
	}

	/** The report replication's progress, when replication is configured. */
	public Optional<ReplicationStatus> replicationStatus() {
		ReportReplicator running = replicator;
		return running == null ? Optional.empty() : Optional.of(running.status());
	}

	@Override
	public void close() {
		synchronized (lifecycle) {
			// Waits for a soft restart in progress; none starts after this.
			closed = true;
		}
		grpc.shutdown();
		timers.shutdownNow();
		context.pump.closeAll();
		try {
			if (!grpc.awaitTermination(5, TimeUnit.SECONDS)) {
				grpc.shutdownNow();
			}
			// Feed and traders first (they write to the engine), the replicator after them, the engine last.
			while (!attached.isEmpty()) {
				AutoCloseable part = attached.pop();
				try {
					part.close();
				}
				catch (InterruptedException ex) {
					throw ex;
				}
				catch (Exception ex) {
					LOG.log(Level.WARNING, "stopping " + part, ex);
				}
			}
			context.journal.write(Journal.Type.STANDARD, "", "trade server stopped");
			engine.close();
			context.journal.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			senders.shutdownNow();
			EmbeddedReportDatabase database = embeddedDatabase;
			if (database != null) {
				database.close();
			}
		}
	}

	// ---------------------------------------------------------------- feed and traders

	/** The running price feed; a restart replaces its driver. */
	private final class Feed implements AutoCloseable {

		private @Nullable FeedDriver driver;

		/**
		 * Quotes every symbol the engine has a price for, starting from that price so that a restart
		 * continues where the prices were. Ticks go through the engine (and its journal) like any
		 * quote, and the engine's tick event feeds the pump, the quote board and the history.
		 *
		 * @return the number of symbols quoted
		 */
		synchronized int start() {
			List<Instrument> instruments = context.call(e -> e.symbols().stream()
				.flatMap(symbol -> e.quote(symbol.name()).map(q -> instrument(symbol, q)).stream())
				.toList());
			if (instruments.isEmpty()) {
				return 0;
			}
			PriceFeed prices = new PriceFeed(instruments, context.zone, context.clock.millis(), context.clock.instant(),
					context.holidays::get);
			driver = FeedDriver.start(prices, context.clock, Duration.ofMillis(100),
					tick -> engine.tick(tick.symbol(), tick.bid(), tick.ask()));
			return instruments.size();
		}

		/** Waits for the ticks being produced; they are queued to the engine like any others. */
		@Override
		public synchronized void close() throws InterruptedException {
			FeedDriver running = driver;
			driver = null;
			if (running != null) {
				running.close();
			}
		}
	}

	// ---------------------------------------------------------------- soft restarts

	/**
	 * SrvFeedsRestart: the price feed stops and starts again from the engine's last prices, on the
	 * symbols the engine has now (added ones included, deleted ones left out).
	 */
	private List<String> restartFeed() {
		synchronized (lifecycle) {
			requireRunning();
			if (!context.settings.feed()) {
				throw MtException.of(Ret.ERROR, "the built-in price feed is off on this server (started without it):"
						+ " there is no datafeed to restart; prices come from SendTick");
			}
			try {
				feed.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw MtException.of(Ret.TECH_PROBLEM, "interrupted while stopping the price feed");
			}
			return List.of("price feed restarted: " + feed.start() + " symbols from their last prices");
		}
	}

	/**
	 * SrvRestart without stopping the process: the price feed and every timer (the engine's
	 * expirations and end of day, the pump's margin poll, the backups) stop and start again, and
	 * pick up what changed meanwhile (new symbols, the pump plugin's interval, the BACKUP period).
	 * The engine, its journal, the gateway's sessions and pump streams and the replication keep
	 * running throughout, so no state and no acknowledged transaction is touched; transactions
	 * arriving meanwhile are carried out as usual.
	 */
	private List<String> softRestart() {
		synchronized (lifecycle) {
			requireRunning();
			List<String> done = new ArrayList<>();
			try {
				feed.close();
				engine.stopTimers();
				ScheduledExecutorService old = timers;
				// Waiting tasks go; a backup being written finishes first.
				old.shutdown();
				if (!old.awaitTermination(30, TimeUnit.SECONDS)) {
					old.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw MtException.of(Ret.TECH_PROBLEM, "interrupted while stopping the feed and timers");
			}
			engine.startTimers(ENGINE_TIMERS);
			done.add("engine timers restarted: pending order expiration and end of day every " + ENGINE_TIMERS.toSeconds() + " s");
			timers = newTimers();
			scheduleMarginPoll();
			scheduleBackups();
			done.add("server timers restarted: margin levels to the pump every " + marginPollMillis() + " ms, full backups every "
					+ context.sections.backup.get().getFullBackupPeriod() + " min");
			done.add(context.settings.feed() ? "price feed restarted: " + feed.start() + " symbols from their last prices"
					: "price feed: off on this server");
			return done;
		}
	}

	private void requireRunning() {
		if (closed) {
			throw new MtException(Ret.NO_CONNECT.code, Ret.NO_CONNECT.name(), io.grpc.Status.Code.UNAVAILABLE, "the server is stopping");
		}
	}

	private static Instrument instrument(SymbolConfig symbol, Quote quote) {
		double point = Math.pow(10, -symbol.digits());
		int spread = Math.max(1, (int) Math.round((quote.ask() - quote.bid()) / point));
		// Typical annual volatilities: majors about 8 %, gold and index CFDs about twice that.
		double volatility = symbol.type() == DemoPlatform.FOREX ? 0.08 : 0.16;
		return Instrument.of(symbol, (quote.bid() + quote.ask()) / 2, volatility, spread);
	}

	private void startTraders(int count) {
		List<String> symbols = context.call(e -> e.symbols().stream()
			.filter(s -> s.type() == DemoPlatform.FOREX)
			.map(SymbolConfig::name)
			.toList());
		boolean groupExists = context.call(e -> e.groups().stream().anyMatch(g -> g.name().equals(TRADERS_GROUP)));
		if (!groupExists || symbols.isEmpty()) {
			throw new IllegalStateException("simulated traders need the demo platform (group " + TRADERS_GROUP + ")");
		}
		TraderSimulation traders = new TraderSimulation(engine.venue(),
				SimulationConfig.retail(count, TRADERS_GROUP, symbols, context.clock.millis()), context.clock.instant());
		attached.push(traders.drive(context.clock, Duration.ofSeconds(1)));
	}

	// ---------------------------------------------------------------- start-up configuration

	/**
	 * Seeds the server-side stores when they are {@code newStores} (in memory, or the first start on
	 * a data directory): COMMON, the managers (manager 1 with the settings' password), the demo's
	 * symbol group names and clients' details. Later starts keep what is stored, so a change made
	 * through the gateway survives; only what the running build fixes (build, time zone) is renewed.
	 * The engine is seeded only when it is {@code fresh}, so a restart never deposits the demo money
	 * again. GROUPS and SYMBOLS are rebuilt from the engine's configuration on every start.
	 */
	private static void seed(ServerContext context, boolean newStores, boolean fresh) {
		TradeServerSettings settings = context.settings;
		Instant now = settings.clock().instant();
		int timeZone = settings.serverZone().getRules().getOffset(now).getTotalSeconds() / 3600;
		if (newStores) {
			seedStores(context, now, timeZone);
		}
		else {
			context.sections.common.updateAndGet(c -> c.toBuilder().setBuild(SessionService.SERVER_BUILD)
				.setTimeZone(timeZone).build());
		}
		if (fresh && settings.demo()) {
			context.write(w -> {
				for (GroupConfig group : DemoPlatform.groups()) {
					w.putGroup(group);
				}
				for (DemoPlatform.Symbol symbol : DemoPlatform.symbols()) {
					w.putSymbol(symbol.config());
					w.tick(symbol.config().name(), symbol.bid(), symbol.ask());
				}
				for (DemoPlatform.Client client : DemoPlatform.clients()) {
					w.putAccount(AccountConfig.of(client.login(), client.group()));
					w.balance(Login.of(client.login()), client.deposit(), "Demo deposit");
				}
				return null;
			});
		}
		Map<String, String> descriptions = DemoPlatform.symbols().stream()
			.collect(Collectors.toMap(s -> s.config().name(), DemoPlatform.Symbol::description));
		// The demo's own order first, as configured; anything added later after it, by name.
		List<String> groupOrder = DemoPlatform.groups().stream().map(GroupConfig::name).toList();
		List<String> symbolOrder = DemoPlatform.symbols().stream().map(s -> s.config().name()).toList();
		context.call(e -> {
			e.groups().stream().sorted(configOrder(groupOrder, GroupConfig::name)).forEach(group ->
				context.sections.groups.put(-1, Protos.group(group).toBuilder().setCompany(settings.company()).build()));
			e.symbols().stream().sorted(configOrder(symbolOrder, SymbolConfig::name)).forEach(symbol ->
				context.sections.symbols.put(-1, Protos.symbol(symbol, descriptions.getOrDefault(symbol.name(), ""))));
			return null;
		});
	}

	private static void seedStores(ServerContext context, Instant now, int timeZone) {
		TradeServerSettings settings = context.settings;
		context.sections.common.set(ConCommon.newBuilder()
			.setName(settings.serverName())
			.setOwner(settings.company())
			.setBuild(SessionService.SERVER_BUILD)
			.setTimeZone(timeZone)
			.setKeepEmails(30)
			.setKeepTicks(31)
			.setLastLogin(DemoPlatform.firstFreeLogin())
			.build());
		context.config.managers().put(-1, DemoPlatform.administrator(settings.adminPassword()));
		if (settings.demo()) {
			context.config.managers().put(-1, DemoPlatform.dealer());
			List<String> symbolGroups = DemoPlatform.symbolGroups();
			for (int i = 0; i < symbolGroups.size(); i++) {
				context.sections.symbolGroups.put(i, ConSymbolGroup.newBuilder().setName(symbolGroups.get(i)).build());
			}
			DemoPlatform.clients().stream().map(c -> {
				UserDetails details = UserDetails.named(c.login(), c.name(), c.email(), DemoPlatform.CLIENT_PASSWORD, now);
				return details.withInvestorPasswordHash(Passwords.hash(DemoPlatform.CLIENT_INVESTOR_PASSWORD), now);
			}).forEach(context.users::put);
		}
	}

	private static <T> Comparator<T> configOrder(List<String> known, Function<T, String> name) {
		return Comparator.<T>comparingInt(t -> {
			int index = known.indexOf(name.apply(t));
			return index < 0 ? known.size() : index;
		}).thenComparing(name);
	}

	// ---------------------------------------------------------------- timers

	private static ScheduledExecutorService newTimers() {
		ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
			Thread thread = new Thread(r, "tradeserver-timers");
			thread.setDaemon(true);
			return thread;
		});
		// A soft restart stops them with shutdown(): waiting runs must go with it, not run anyway.
		timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		timers.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
		return timers;
	}

	private long marginPollMillis() {
		return context.config.plugin(ServerConfig.PUMP_PLUGIN)
			.map(p -> p.intParam(ServerConfig.PUMP_MARGIN_INTERVAL_PARAM, (int) context.settings.marginInterval().toMillis()))
			.orElse((int) context.settings.marginInterval().toMillis());
	}

	/** Re-reads the pump plugin's interval each time, so a parameter change applies without restart. */
	private void scheduleMarginPoll() {
		long millis = marginPollMillis();
		try {
			timers.schedule(() -> {
				if (context.pump.hasSubscribers()) {
					engine.execute(e -> context.pump.marginLevels(e.marginLevels()));
				}
				scheduleMarginPoll();
			}, Math.max(50, millis), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException stopping) {
			// The server is closing.
		}
	}

	private void scheduleBackups() {
		int minutes = context.sections.backup.get().getFullBackupPeriod();
		try {
			timers.schedule(() -> {
				if (context.sections.backup.get().getFullBackupPeriod() > 0) {
					backup();
				}
				scheduleBackups();
			}, Math.max(1, minutes), TimeUnit.MINUTES);
		}
		catch (java.util.concurrent.RejectedExecutionException stopping) {
			// The server is closing.
		}
	}

	/** A full backup of users and orders (open and closed), kept in memory. */
	void backup() {
		record Copy(List<AccountState> accounts, List<TradeRecord> orders) {
		}
		Copy copy = context.call(e -> {
			List<TradeRecord> orders = new ArrayList<>(e.allOpenTrades());
			List<AccountState> accounts = e.accounts();
			accounts.forEach(a -> orders.addAll(e.history(a.login())));
			return new Copy(accounts, orders);
		});
		Instant now = context.clock.instant();
		List<User> users = copy.accounts().stream()
			.map(a -> Protos.user(a, context.users.get(a.login().value()).orElse(null))).toList();
		List<Trade> orders = copy.orders().stream().map(Protos::trade).toList();
		context.userBackups.take(now, users, users.stream().mapToLong(User::getSerializedSize).sum());
		context.orderBackups.take(now, orders, orders.stream().mapToLong(Trade::getSerializedSize).sum());
		context.sections.backup.updateAndGet(b -> b.toBuilder().setFullBackupLastTime(now.toEpochMilli()).build());
		context.journal.write(Journal.Type.STANDARD, "", "full backup: " + users.size() + " users, " + orders.size() + " orders");
	}
}
