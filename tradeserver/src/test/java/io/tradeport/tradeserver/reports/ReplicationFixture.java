package io.tradeport.tradeserver.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.MutableClock;
import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.EngineThread;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeResult;

/**
 * An engine on its own thread, in server zone Europe/Athens (UTC+2 in November) so that every
 * datetime shows the conversion to server time, on a clock with milliseconds so that the
 * truncation to MT4's whole seconds shows too. It starts on Tuesday 2026-11-24 at 10:00:00.750
 * UTC. The replicator's listener is behind a forwarding listener, so a test can attach a new
 * replicator to the same engine as a restarted process would.
 *
 * <p>Expected rows are computed here from the engine's own snapshots, independently of the
 * replicator's mapping code.
 */
final class ReplicationFixture implements AutoCloseable {

	static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
	static final Instant START = Instant.parse("2026-11-24T10:00:00.750Z");
	static final LocalDateTime ZERO = LocalDateTime.of(1970, 1, 1, 0, 0);
	static final DateTimeFormatter SQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	final MutableClock clock = new MutableClock(START);
	final List<DailyReport> dailyReports = new CopyOnWriteArrayList<>();
	final EngineThread engine;
	private volatile EngineListener target = EngineListener.NONE;

	ReplicationFixture() {
		EngineListener forwarding = new EngineListener() {
			@Override
			public void tradeOpened(TradeRecord trade) {
				target.tradeOpened(trade);
			}

			@Override
			public void tradeModified(TradeRecord trade) {
				target.tradeModified(trade);
			}

			@Override
			public void tradeClosed(TradeRecord trade) {
				target.tradeClosed(trade);
			}

			@Override
			public void tradeDeleted(TradeRecord trade) {
				target.tradeDeleted(trade);
			}

			@Override
			public void accountChanged(AccountState account) {
				target.accountChanged(account);
			}

			@Override
			public void tickApplied(Quote quote) {
				target.tickApplied(quote);
			}

			@Override
			public void dailyReport(DailyReport report) {
				dailyReports.add(report);
				target.dailyReport(report);
			}
		};
		TradeEngine tradeEngine = new TradeEngine(clock, EngineSettings.defaults().withServerZone(ATHENS), forwarding);
		engine = new EngineThread(tradeEngine, "engine");
		run(e -> {
			e.putGroup(GroupConfig.builder("demo-usd", "USD").defaultSecurity(GroupConfig.Security.DEFAULT
				.withCommission(7, GroupConfig.CommissionType.MONEY, true)).build());
			e.putGroup(GroupConfig.builder("demo-eur", "EUR").defaultLeverage(200).build());
			e.putSymbol(SymbolConfig.forex("EURUSD", 5).swap(SymbolConfig.SwapType.POINTS, -5, 2).build());
			e.putSymbol(SymbolConfig.forex("USDJPY", 3).swap(SymbolConfig.SwapType.POINTS, 3, -8).build());
			e.tick("EURUSD", 1.10000, 1.10020);
			e.tick("USDJPY", 150.000, 150.020);
		});
	}

	ReportReplicator replicator(ReplicationSettings settings, ConnectionFactory database) {
		ReportReplicator replicator = ReportReplicator.create(settings, database, clock);
		target = replicator.listener();
		return replicator;
	}

	static ReplicationSettings settings() {
		return ReplicationSettings.defaults(ATHENS).withServerAddress("demo.tradeport.io:443")
			.withRefreshInterval(Duration.ofMillis(200)).withMaxBackoff(Duration.ofMillis(400));
	}

	<T> T call(Function<TradeEngine, T> command) {
		return engine.submit(command).join();
	}

	void run(Consumer<TradeEngine> command) {
		engine.execute(command).join();
	}

	void account(int login, String group, double deposit) {
		run(e -> {
			e.putAccount(AccountConfig.of(login, group));
			assertThat(e.balance(Login.of(login), deposit, "Deposit").isOk()).isTrue();
		});
	}

	Ticket open(OpenOrder order) {
		TradeResult result = call(e -> e.open(order));
		assertThat(result.isOk()).as("%s", result).isTrue();
		return result.ticket();
	}

	Ticket buy(int login, String symbol, int volume) {
		return open(OpenOrder.market(login, symbol, TradeCommand.BUY, volume));
	}

	Ticket sell(int login, String symbol, int volume) {
		return open(OpenOrder.market(login, symbol, TradeCommand.SELL, volume));
	}

	void ok(Function<TradeEngine, TradeResult> command) {
		TradeResult result = call(command);
		assertThat(result.isOk()).as("%s", result).isTrue();
	}

	/** Moves the clock to {@code instant} and lets the engine run its timers (expirations, end of day). */
	void runUntil(Instant instant) {
		clock.set(instant);
		run(TradeEngine::processTimers);
	}

	// ---------------------------------------------------------------- expectations

	static LocalDateTime server(@Nullable Instant instant) {
		return instant == null ? ZERO : LocalDateTime.ofInstant(instant, ATHENS).truncatedTo(ChronoUnit.SECONDS);
	}

	static long stamp(Instant instant) {
		return server(instant).toEpochSecond(ZoneOffset.UTC);
	}

	/** Every ticket the engine knows: open trades and pending orders, then the history of every account. */
	List<TradeRecord> engineTrades() {
		return call(e -> {
			List<TradeRecord> trades = new ArrayList<>(e.allOpenTrades());
			for (AccountState account : e.accounts()) {
				trades.addAll(e.history(account.login()));
			}
			return trades;
		});
	}

	static Map<String, Object> expectedTrade(TradeRecord t) {
		Map<String, Object> row = new HashMap<>();
		row.put("LOGIN", t.login().value());
		row.put("SYMBOL", t.symbol());
		row.put("DIGITS", t.digits());
		row.put("CMD", t.cmd().ordinal());
		row.put("VOLUME", t.volume());
		row.put("OPEN_TIME", server(t.openTime()));
		row.put("OPEN_PRICE", t.openPrice());
		row.put("SL", t.sl());
		row.put("TP", t.tp());
		row.put("CLOSE_TIME", server(t.closeTime()));
		row.put("EXPIRATION", server(t.expiration()));
		row.put("REASON", 0);
		row.put("CONV_RATE1", t.convRateOpen());
		row.put("CONV_RATE2", t.convRateClose());
		row.put("COMMISSION", t.commission());
		row.put("COMMISSION_AGENT", 0.0);
		row.put("SWAPS", t.storage());
		row.put("CLOSE_PRICE", t.closePrice());
		row.put("PROFIT", t.profit());
		row.put("TAXES", 0.0);
		row.put("COMMENT", t.comment());
		row.put("INTERNAL_ID", 0);
		row.put("MARGIN_RATE", t.marginRate());
		row.put("MAGIC", t.magic());
		row.put("GW_VOLUME", 0);
		row.put("GW_OPEN_PRICE", 0);
		row.put("GW_CLOSE_PRICE", 0);
		return row;
	}

	static Map<String, Object> expectedUser(AccountState a) {
		Map<String, Object> row = new HashMap<>();
		row.put("GROUP", a.group());
		row.put("ENABLE", a.enabled() ? 1 : 0);
		row.put("ENABLE_READONLY", a.readOnly() ? 1 : 0);
		row.put("LEVERAGE", a.leverage());
		row.put("BALANCE", a.balance());
		row.put("CREDIT", a.credit());
		row.put("EQUITY", a.equity());
		row.put("MARGIN", a.margin());
		row.put("MARGIN_FREE", a.freeMargin());
		row.put("MARGIN_LEVEL", a.margin() > 0 ? a.equity() / a.margin() * 100 : 0.0);
		row.put("CURRENCY", a.currency());
		row.put("LASTDATE", ZERO);
		return row;
	}

	static Map<String, Object> expectedDaily(DailyReport d) {
		Map<String, Object> row = new HashMap<>();
		row.put("GROUP", d.group());
		row.put("BANK", "");
		row.put("BALANCE_PREV", d.balancePrev());
		row.put("BALANCE", d.balance());
		row.put("DEPOSIT", d.deposit());
		row.put("CREDIT", d.credit());
		row.put("PROFIT_CLOSED", d.profitClosed());
		row.put("PROFIT", d.profit());
		row.put("EQUITY", d.equity());
		row.put("MARGIN", d.margin());
		row.put("MARGIN_FREE", d.marginFree());
		return row;
	}

	/**
	 * The tables hold exactly the engine's tickets, accounts, last quotes and daily reports, field
	 * by field. Meant for {@code untilAsserted}: floating values follow the replicator's refresh.
	 */
	void assertTablesMatchEngine(ConnectionFactory database) throws SQLException {
		List<TradeRecord> trades = engineTrades();
		List<AccountState> accounts = call(TradeEngine::accounts);
		List<Quote> quotes = call(e -> e.symbols().stream().flatMap(s -> e.quote(s.name()).stream()).toList());
		try (Connection connection = database.open()) {
			Map<Object, Map<String, Object>> tradeRows = rows(connection, "MT4_TRADES", "TICKET");
			Map<Object, Map<String, Object>> expectedTrades = new HashMap<>();
			for (TradeRecord t : trades) {
				expectedTrades.put(t.ticket().value(), expectedTrade(t));
			}
			assertThat(tradeRows.keySet()).containsExactlyInAnyOrderElementsOf(expectedTrades.keySet());
			expectedTrades.forEach((ticket, expected) ->
				assertThat(tradeRows.get(ticket)).as("ticket %s", ticket).containsAllEntriesOf(expected));

			Map<Object, Map<String, Object>> userRows = rows(connection, "MT4_USERS", "LOGIN");
			assertThat(userRows.keySet()).containsExactlyInAnyOrderElementsOf(
				accounts.stream().map(a -> (Object) a.login().value()).toList());
			for (AccountState a : accounts) {
				assertThat(userRows.get(a.login().value())).as("login %s", a.login()).containsAllEntriesOf(expectedUser(a));
			}

			Map<Object, Map<String, Object>> priceRows = rows(connection, "MT4_PRICES", "SYMBOL");
			assertThat(priceRows.keySet()).containsExactlyInAnyOrderElementsOf(
				quotes.stream().map(q -> (Object) q.symbol()).toList());
			for (Quote q : quotes) {
				Map<String, Object> row = priceRows.get(q.symbol());
				assertThat(row).as(q.symbol()).containsEntry("BID", q.bid()).containsEntry("ASK", q.ask())
					.containsEntry("TIME", server(q.time()));
			}

			Map<Object, Map<String, Object>> dailyRows = rows(connection, "MT4_DAILY", "CONCAT(LOGIN, ' ', TIME)");
			assertThat(dailyRows).hasSameSizeAs(dailyReports);
			for (DailyReport d : dailyReports) {
				String key = d.login().value() + " " + server(d.time()).format(SQL_DATETIME);
				assertThat(dailyRows.get(key)).as("daily %s", key).isNotNull().containsAllEntriesOf(expectedDaily(d));
			}
		}
	}

	/** Rows of {@code table} by {@code key}, with MariaDB's Java types (Integer, Double, String, LocalDateTime). */
	static Map<Object, Map<String, Object>> rows(Connection connection, String table, String key) throws SQLException {
		Map<Object, Map<String, Object>> rows = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT " + key + " AS ROW_KEY, t.* FROM " + table + " t")) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				Map<String, Object> row = new HashMap<>();
				for (int i = 2; i <= columns; i++) {
					String name = result.getMetaData().getColumnLabel(i);
					Object value = result.getMetaData().getColumnTypeName(i).equals("DATETIME")
							? result.getObject(i, LocalDateTime.class) : result.getObject(i);
					if (value instanceof Long l) {
						value = l.intValue();
					}
					row.put(name, value);
				}
				Object rowKey = result.getObject(1);
				rows.put(rowKey instanceof Long l ? (Object) l.intValue() : rowKey, row);
			}
		}
		return rows;
	}

	@Override
	public void close() throws InterruptedException {
		engine.close();
	}
}
