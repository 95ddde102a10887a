package io.tradeport.tradeserver.gateway;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.User;
import io.tradeport.tradeserver.config.Backups;
import io.tradeport.tradeserver.config.Codec;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.Mailbox;
import io.tradeport.tradeserver.config.Newsroom;
import io.tradeport.tradeserver.config.ServerConfig;
import io.tradeport.tradeserver.config.ServerStores;
import io.tradeport.tradeserver.config.UserDirectory;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.MarketHoliday;
import io.tradeport.tradeserver.engine.MarketHolidays;
import io.tradeport.tradeserver.engine.TradeEngine;

/** Everything the services share: the engine's thread and the server-side stores. */
final class ServerContext {

	final TradeServerSettings settings;
	final Clock clock;
	final ZoneId zone;
	final EngineAccess engine;
	final ServerConfig config;
	final Sections sections;
	final UserDirectory users;
	final Journal journal;
	final Mailbox mailbox;
	final Newsroom news;
	final MarketHistory history;
	final QuoteBoard quotes;
	final PumpHub pump;
	final Sessions sessions;
	final Backups<User> userBackups;
	final Backups<Trade> orderBackups;
	/** Set by the running server once it has started. */
	volatile Restarts restarts = Restarts.NONE;
	/** The engine's holidays as last applied, for the price feed's thread. */
	final AtomicReference<MarketHolidays> holidays = new AtomicReference<>(MarketHolidays.NONE);
	private final List<DailyReport> dailyReports;

	ServerContext(TradeServerSettings settings, EngineAccess engine, ServerConfig config, Sections sections,
			UserDirectory users, Journal journal, ServerStores stores, MarketHistory history, QuoteBoard quotes,
			PumpHub pump, Sessions sessions, List<DailyReport> dailyReports) {
		this.dailyReports = dailyReports;
		this.settings = settings;
		this.clock = settings.clock();
		this.zone = settings.serverZone();
		this.engine = engine;
		this.config = config;
		this.sections = sections;
		this.users = users;
		this.journal = journal;
		this.mailbox = stores.mailbox();
		this.news = stores.news();
		this.history = history;
		this.quotes = quotes;
		this.pump = pump;
		this.sessions = sessions;
		int keep = Math.max(1, sections.backup.get().getFullBackupStore());
		this.userBackups = stores.backups("users", keep, Codec.proto(User.parser()));
		this.orderBackups = stores.backups("orders", keep, Codec.proto(Trade.parser()));
	}

	/** Runs a read-only {@code query} on the engine thread and waits; exceptions come back unwrapped. */
	<T> T call(Function<TradeEngine, T> query) {
		return engine.read(query);
	}

	/**
	 * Runs {@code command} as one unit on the engine thread and returns once its changes are
	 * durable (with a data directory: after the journal's fsync); exceptions come back unwrapped.
	 */
	<T> T write(Function<EngineAccess.Writes, T> command) {
		return engine.write(command);
	}

	/**
	 * Inside an engine unit: applies the HOLIDAYS section to the engine (journaled) and then to the
	 * price feed, so quotes stop exactly where trading does. Unchanged holidays journal nothing.
	 */
	void applyHolidays(EngineAccess.Writes w) {
		List<MarketHoliday> wanted = Holidays.of(sections.holidays.all());
		if (!wanted.equals(w.engine().holidays().list())) {
			w.putHolidays(wanted);
		}
		holidays.set(w.engine().holidays());
	}

	void addDailyReport(DailyReport report) {
		synchronized (dailyReports) {
			dailyReports.add(report);
		}
	}

	List<DailyReport> dailyReports() {
		synchronized (dailyReports) {
			return List.copyOf(dailyReports);
		}
	}
}
