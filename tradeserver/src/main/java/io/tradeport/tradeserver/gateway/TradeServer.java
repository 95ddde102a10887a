package io.tradeport.tradeserver.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
import io.tradeport.tradeserver.config.Mailbox;
import io.tradeport.tradeserver.config.Newsroom;
import io.tradeport.tradeserver.config.Passwords;
import io.tradeport.tradeserver.config.ServerConfig;
import io.tradeport.tradeserver.config.UserDetails;
import io.tradeport.tradeserver.config.UserDirectory;
import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.EngineThread;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;

/**
 * A running trade server: engine, server-side stores and the gRPC gateway. Start one with
 * {@link #start}; {@link #close} stops it. Nothing is static, so several can run in one JVM
 * (tests, or the cloud's embedded default on a loopback port).
 */
public final class TradeServer implements AutoCloseable {

	private final Server grpc;
	private final EngineThread engine;
	private final ScheduledExecutorService timers;
	private final ExecutorService senders;
	private final ServerContext context;

	private TradeServer(Server grpc, EngineThread engine, ScheduledExecutorService timers, ExecutorService senders,
			ServerContext context) {
		this.grpc = grpc;
		this.engine = engine;
		this.timers = timers;
		this.senders = senders;
		this.context = context;
	}

	/**
	 * Starts the engine, seeds the configuration (the demo platform when {@code settings.demo()})
	 * and listens for gateway connections.
	 *
	 * @throws UncheckedIOException when the port cannot be bound
	 */
	public static TradeServer start(TradeServerSettings settings) {
		Path dataDir = settings.dataDir();
		ServerConfig config = new ServerConfig();
		UserDirectory users = new UserDirectory();
		Journal journal = new Journal(settings.clock(), settings.serverZone(), 100_000,
				dataDir == null ? null : dataDir.resolve("logs"));
		Sections sections = new Sections();
		MarketHistory history = settings.marketHistory() != null ? settings.marketHistory()
				: new InMemoryMarketHistory(settings.serverZone(), config.plugin(ServerConfig.HISTORY_PLUGIN)
					.map(p -> p.intParam(ServerConfig.HISTORY_TICKS_PARAM, 100_000)).orElse(100_000), 31);
		QuoteBoard quotes = new QuoteBoard(settings.serverZone());
		// Virtual threads: one short drain task per burst of pump events; blocking never pins a carrier.
		ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
		PumpHub pump = new PumpHub(settings.clock(), users, senders);
		List<DailyReport> dailyReports = new ArrayList<>();
		EngineEvents events = new EngineEvents(pump, quotes, history, journal, dailyReports);
		TradeEngine tradeEngine = new TradeEngine(settings.clock(), EngineSettings.defaults().withServerZone(settings.serverZone()), events);
		EngineThread engine = new EngineThread(tradeEngine, "trade-engine");
		engine.startTimers(Duration.ofSeconds(1));
		Sessions sessions = new Sessions(config, settings.clock(), settings.sessionIdleTimeout());
		ServerContext context = new ServerContext(settings, engine, config, sections, users, journal, new Mailbox(),
				new Newsroom(), history, quotes, pump, sessions, dailyReports);
		seed(context);

		List<BindableService> services = List.of(new SessionService(context), new AccountsService(context),
				new TradingService(context), new MarketDataService(context), new MessagingService(context),
				new ServerAdminService(context), new ConfigurationService(context), new PumpService(context));
		NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.port()));
		services.forEach(s -> builder.addService(ServerInterceptors.intercept(s, sessions)));
		Server grpc = builder.build();
		ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "tradeserver-timers");
			thread.setDaemon(true);
			return thread;
		});
		TradeServer server = new TradeServer(grpc, engine, timers, senders, context);
		try {
			grpc.start();
		}
		catch (IOException ex) {
			server.close();
			throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), ex);
		}
		server.backup();
		server.scheduleMarginPoll();
		server.scheduleBackups();
		journal.write(Journal.Type.STANDARD, "", "Tradeport trade server build " + SessionService.SERVER_BUILD
				+ " started, gateway on " + settings.host() + ":" + server.port());
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

	@Override
	public void close() {
		grpc.shutdown();
		timers.shutdownNow();
		context.pump.closeAll();
		try {
			if (!grpc.awaitTermination(5, TimeUnit.SECONDS)) {
				grpc.shutdownNow();
			}
			context.journal.write(Journal.Type.STANDARD, "", "trade server stopped");
			engine.close();
			context.journal.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		senders.shutdownNow();
	}

	// ---------------------------------------------------------------- start-up configuration

	private static void seed(ServerContext context) {
		TradeServerSettings settings = context.settings;
		Instant now = settings.clock().instant();
		context.sections.common.set(ConCommon.newBuilder()
			.setName(settings.serverName())
			.setOwner(settings.company())
			.setBuild(SessionService.SERVER_BUILD)
			.setTimeZone(settings.serverZone().getRules().getOffset(now).getTotalSeconds() / 3600)
			.setKeepEmails(30)
			.setKeepTicks(31)
			.setLastLogin(DemoPlatform.firstFreeLogin())
			.build());
		context.config.managers().put(-1, DemoPlatform.administrator(settings.adminPassword()));
		if (!settings.demo()) {
			return;
		}
		context.config.managers().put(-1, DemoPlatform.dealer());
		List<String> symbolGroups = DemoPlatform.symbolGroups();
		for (int i = 0; i < symbolGroups.size(); i++) {
			context.sections.symbolGroups.put(i, ConSymbolGroup.newBuilder().setName(symbolGroups.get(i)).build());
		}
		List<UserDetails> clients = DemoPlatform.clients().stream().map(c -> {
			UserDetails details = UserDetails.named(c.login(), c.name(), c.email(), DemoPlatform.CLIENT_PASSWORD, now);
			return details.withInvestorPasswordHash(Passwords.hash(DemoPlatform.CLIENT_INVESTOR_PASSWORD), now);
		}).toList();
		clients.forEach(context.users::put);
		context.call(e -> {
			for (GroupConfig group : DemoPlatform.groups()) {
				e.putGroup(group);
				context.sections.groups.put(-1, Protos.group(group).toBuilder().setCompany(settings.company()).build());
			}
			for (DemoPlatform.Symbol symbol : DemoPlatform.symbols()) {
				e.putSymbol(symbol.config());
				context.sections.symbols.put(-1, Protos.symbol(symbol.config(), symbol.description()));
				e.tick(symbol.config().name(), symbol.bid(), symbol.ask());
			}
			for (DemoPlatform.Client client : DemoPlatform.clients()) {
				e.putAccount(AccountConfig.of(client.login(), client.group()));
				e.balance(Login.of(client.login()), client.deposit(), "Demo deposit");
			}
			return null;
		});
	}

	// ---------------------------------------------------------------- timers

	/** Re-reads the pump plugin's interval each time, so a parameter change applies without restart. */
	private void scheduleMarginPoll() {
		long millis = context.config.plugin(ServerConfig.PUMP_PLUGIN)
			.map(p -> p.intParam(ServerConfig.PUMP_MARGIN_INTERVAL_PARAM, (int) context.settings.marginInterval().toMillis()))
			.orElse((int) context.settings.marginInterval().toMillis());
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
