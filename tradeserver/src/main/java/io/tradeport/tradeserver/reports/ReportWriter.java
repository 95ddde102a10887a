package io.tradeport.tradeserver.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.TradeRecord;

/**
 * Writes {@link WriteUnit}s with idempotent upserts ({@code INSERT … ON DUPLICATE KEY UPDATE}) over
 * one connection. Times are written as server-local {@code LocalDateTime}s truncated to seconds,
 * like MT4's {@code __time32_t}; TIMESTAMP columns hold the same server time as unix seconds.
 */
final class ReportWriter implements AutoCloseable {

	static final LocalDateTime ZERO = LocalDateTime.of(1970, 1, 1, 0, 0);

	/**
	 * Client data the engine does not own (name, address, phone…) is inserted empty and never
	 * overwritten, so a CRM or the broker may fill it. REGDATE is the first time the replicator saw
	 * the account; PREVBALANCE is maintained from the daily reports.
	 */
	private static final String UPSERT_USER = """
			INSERT INTO MT4_USERS (LOGIN, `GROUP`, ENABLE, ENABLE_CHANGE_PASS, ENABLE_READONLY, ENABLE_OTP,
			  PASSWORD_PHONE, NAME, COUNTRY, CITY, STATE, ZIPCODE, ADDRESS, LEAD_SOURCE, PHONE, EMAIL, COMMENT, ID,
			  STATUS, REGDATE, LASTDATE, LEVERAGE, AGENT_ACCOUNT, TIMESTAMP, BALANCE, PREVMONTHBALANCE, PREVBALANCE,
			  CREDIT, INTERESTRATE, TAXES, SEND_REPORTS, MQID, USER_COLOR, EQUITY, MARGIN, MARGIN_LEVEL, MARGIN_FREE,
			  CURRENCY, API_DATA, MODIFY_TIME)
			VALUES (?, ?, ?, 1, ?, 0, '', '', '', '', '', '', '', '', '', '', '', '', '', ?, ?, ?, 0, ?, ?, 0, 0, ?,
			  0, 0, 0, 0, 0, ?, ?, ?, ?, ?, NULL, ?)
			ON DUPLICATE KEY UPDATE `GROUP` = VALUES(`GROUP`), ENABLE = VALUES(ENABLE),
			  ENABLE_READONLY = VALUES(ENABLE_READONLY), LEVERAGE = VALUES(LEVERAGE),
			  TIMESTAMP = GREATEST(TIMESTAMP, VALUES(TIMESTAMP)), BALANCE = VALUES(BALANCE), CREDIT = VALUES(CREDIT),
			  EQUITY = VALUES(EQUITY), MARGIN = VALUES(MARGIN), MARGIN_LEVEL = VALUES(MARGIN_LEVEL),
			  MARGIN_FREE = VALUES(MARGIN_FREE), CURRENCY = VALUES(CURRENCY), MODIFY_TIME = VALUES(MODIFY_TIME)""";

	private static final String UPSERT_TRADE = """
			INSERT INTO MT4_TRADES (TICKET, LOGIN, SYMBOL, DIGITS, CMD, VOLUME, OPEN_TIME, OPEN_PRICE, SL, TP,
			  CLOSE_TIME, EXPIRATION, REASON, CONV_RATE1, CONV_RATE2, COMMISSION, COMMISSION_AGENT, SWAPS, CLOSE_PRICE,
			  PROFIT, TAXES, COMMENT, INTERNAL_ID, MARGIN_RATE, TIMESTAMP, MAGIC, GW_VOLUME, GW_OPEN_PRICE,
			  GW_CLOSE_PRICE, MODIFY_TIME)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0, ?, ?, ?, 0, ?, 0, ?, ?, ?, 0, 0, 0, ?)
			ON DUPLICATE KEY UPDATE LOGIN = VALUES(LOGIN), SYMBOL = VALUES(SYMBOL), DIGITS = VALUES(DIGITS),
			  CMD = VALUES(CMD), VOLUME = VALUES(VOLUME), OPEN_TIME = VALUES(OPEN_TIME),
			  OPEN_PRICE = VALUES(OPEN_PRICE), SL = VALUES(SL), TP = VALUES(TP), CLOSE_TIME = VALUES(CLOSE_TIME),
			  EXPIRATION = VALUES(EXPIRATION), CONV_RATE1 = VALUES(CONV_RATE1), CONV_RATE2 = VALUES(CONV_RATE2),
			  COMMISSION = VALUES(COMMISSION), SWAPS = VALUES(SWAPS), CLOSE_PRICE = VALUES(CLOSE_PRICE),
			  PROFIT = VALUES(PROFIT), COMMENT = VALUES(COMMENT), MARGIN_RATE = VALUES(MARGIN_RATE),
			  TIMESTAMP = GREATEST(TIMESTAMP, VALUES(TIMESTAMP)), MAGIC = VALUES(MAGIC),
			  MODIFY_TIME = VALUES(MODIFY_TIME)""";

	/**
	 * LOW and HIGH are assigned first, while TIME still holds the stored tick's time: MariaDB
	 * evaluates the assignments left to right. Within the same server day they widen the stored
	 * range; a new day starts a fresh one.
	 */
	private static final String UPSERT_PRICE = """
			INSERT INTO MT4_PRICES (SYMBOL, TIME, BID, ASK, LOW, HIGH, DIRECTION, DIGITS, SPREAD, MODIFY_TIME)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE
			  LOW = IF(DATE(TIME) = DATE(VALUES(TIME)), LEAST(LOW, VALUES(LOW)), VALUES(LOW)),
			  HIGH = IF(DATE(TIME) = DATE(VALUES(TIME)), GREATEST(HIGH, VALUES(HIGH)), VALUES(HIGH)),
			  TIME = VALUES(TIME), BID = VALUES(BID), ASK = VALUES(ASK), DIRECTION = VALUES(DIRECTION),
			  DIGITS = VALUES(DIGITS), SPREAD = VALUES(SPREAD), MODIFY_TIME = VALUES(MODIFY_TIME)""";

	/** BANK comes from the user's comment in MT4; the engine has no comment, so it is empty. */
	private static final String UPSERT_DAILY = """
			INSERT INTO MT4_DAILY (LOGIN, TIME, `GROUP`, BANK, BALANCE_PREV, BALANCE, DEPOSIT, CREDIT, PROFIT_CLOSED,
			  PROFIT, EQUITY, MARGIN, MARGIN_FREE, MODIFY_TIME)
			VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE `GROUP` = VALUES(`GROUP`), BALANCE_PREV = VALUES(BALANCE_PREV),
			  BALANCE = VALUES(BALANCE), DEPOSIT = VALUES(DEPOSIT), CREDIT = VALUES(CREDIT),
			  PROFIT_CLOSED = VALUES(PROFIT_CLOSED), PROFIT = VALUES(PROFIT), EQUITY = VALUES(EQUITY),
			  MARGIN = VALUES(MARGIN), MARGIN_FREE = VALUES(MARGIN_FREE), MODIFY_TIME = VALUES(MODIFY_TIME)""";

	/**
	 * PREVBALANCE is the balance at the last end of day; PREVMONTHBALANCE the balance of the last
	 * report of an earlier month (rows before the report time of the month's first day). The guard
	 * keeps a re-sent older report from overwriting the values of a newer one.
	 */
	private static final String UPDATE_PREVBALANCE = """
			UPDATE MT4_USERS SET PREVBALANCE = ?,
			  PREVMONTHBALANCE = COALESCE((SELECT m.BALANCE FROM MT4_DAILY m WHERE m.LOGIN = ? AND m.TIME < ?
			    ORDER BY m.TIME DESC LIMIT 1), PREVMONTHBALANCE)
			WHERE LOGIN = ? AND NOT EXISTS (SELECT 1 FROM MT4_DAILY d WHERE d.LOGIN = ? AND d.TIME > ?)""";

	private static final String UPSERT_CONFIG = """
			INSERT INTO MT4_CONFIG (CONFIG, VALUE_INT, VALUE_STR) VALUES (?, ?, ?)
			ON DUPLICATE KEY UPDATE VALUE_INT = VALUES(VALUE_INT), VALUE_STR = VALUES(VALUE_STR)""";

	/** MT4_CONFIG keys as seen in a real report server's table (mt4-domain.md §1.6). */
	static final int CONFIG_LAST_SYNC = 1;
	static final int CONFIG_SERVER_ADDRESS = 4;

	private final Connection connection;
	private final ZoneId zone;
	private final int batchSize;

	ReportWriter(Connection connection, ZoneId zone, int batchSize) throws SQLException {
		this.connection = connection;
		this.zone = zone;
		this.batchSize = batchSize;
		connection.setAutoCommit(false);
		Mt4Schema.create(connection);
	}

	/** Tickets stored as closed (including balance/credit records and deleted orders). */
	BitSet closedTickets() throws SQLException {
		BitSet tickets = new BitSet();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT TICKET FROM MT4_TRADES WHERE CLOSE_TIME <> '" + Mt4Schema.ZERO_TIME + "'")) {
			while (rows.next()) {
				tickets.set(rows.getInt(1));
			}
		}
		connection.commit();
		return tickets;
	}

	/** Tickets stored as open positions or live pending orders (CLOSE_TIME is MT4's zero time). */
	BitSet openTickets() throws SQLException {
		BitSet tickets = new BitSet();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT TICKET FROM MT4_TRADES WHERE CLOSE_TIME = '" + Mt4Schema.ZERO_TIME + "'")) {
			while (rows.next()) {
				tickets.set(rows.getInt(1));
			}
		}
		connection.commit();
		return tickets;
	}

	void writeConfig(String serverAddress) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(UPSERT_CONFIG)) {
			statement.setInt(1, CONFIG_SERVER_ADDRESS);
			statement.setNull(2, java.sql.Types.INTEGER);
			statement.setString(3, fit(serverAddress, 255));
			statement.executeUpdate();
		}
		connection.commit();
	}

	/**
	 * Writes the unit, committing every batch. Prices of symbols whose digits are not known yet stay
	 * in the unit.
	 *
	 * @return the number of rows written
	 */
	int write(WriteUnit unit, Instant now, Map<String, Integer> digits) throws SQLException {
		LocalDateTime modified = local(now);
		int rows = 0;
		rows += writeUsers(unit, modified);
		rows += deleteTrades(unit);
		rows += writeTrades(unit, modified);
		rows += writePrices(unit, modified, digits);
		rows += writeDaily(unit, modified);
		try (PreparedStatement statement = connection.prepareStatement(UPSERT_CONFIG)) {
			statement.setInt(1, CONFIG_LAST_SYNC);
			statement.setInt(2, stamp(now));
			statement.setNull(3, java.sql.Types.CHAR);
			statement.executeUpdate();
		}
		connection.commit();
		return rows;
	}

	private int writeUsers(WriteUnit unit, LocalDateTime modified) throws SQLException {
		int count = 0;
		try (PreparedStatement statement = connection.prepareStatement(UPSERT_USER)) {
			for (WriteUnit.Stamped<AccountState> stamped : unit.users.values()) {
				AccountState a = stamped.value();
				int i = 1;
				statement.setInt(i++, a.login().value());
				statement.setString(i++, fit(a.group(), 16));
				statement.setInt(i++, a.enabled() ? 1 : 0);
				statement.setInt(i++, a.readOnly() ? 1 : 0);
				statement.setObject(i++, local(stamped.firstAt()));
				statement.setObject(i++, ZERO);
				statement.setInt(i++, a.leverage());
				statement.setInt(i++, stamp(stamped.at()));
				statement.setDouble(i++, a.balance());
				statement.setDouble(i++, a.credit());
				statement.setDouble(i++, a.equity());
				statement.setDouble(i++, a.margin());
				statement.setDouble(i++, marginLevel(a));
				statement.setDouble(i++, a.freeMargin());
				statement.setString(i++, fit(a.currency(), 16));
				statement.setObject(i, modified);
				statement.addBatch();
				if (++count % batchSize == 0) {
					flush(statement);
				}
			}
			flush(statement);
		}
		unit.users.clear();
		return count;
	}

	/**
	 * A position deleted without closing never happened as far as MT4 is concerned: no closed
	 * record exists for it, so its row is removed rather than closed, as MT4's report server drops
	 * a ticket the trade server no longer lists.
	 */
	private int deleteTrades(WriteUnit unit) throws SQLException {
		int count = 0;
		try (PreparedStatement statement = connection.prepareStatement("DELETE FROM MT4_TRADES WHERE TICKET = ?")) {
			for (int ticket = unit.deletedTrades.nextSetBit(0); ticket >= 0; ticket = unit.deletedTrades.nextSetBit(ticket + 1)) {
				statement.setInt(1, ticket);
				statement.addBatch();
				if (++count % batchSize == 0) {
					flush(statement);
				}
			}
			flush(statement);
		}
		unit.deletedTrades.clear();
		return count;
	}

	private int writeTrades(WriteUnit unit, LocalDateTime modified) throws SQLException {
		int count = 0;
		try (PreparedStatement statement = connection.prepareStatement(UPSERT_TRADE)) {
			for (WriteUnit.Stamped<TradeRecord> stamped : unit.trades.values()) {
				TradeRecord t = stamped.value();
				int i = 1;
				statement.setInt(i++, t.ticket().value());
				statement.setInt(i++, t.login().value());
				statement.setString(i++, fit(t.symbol(), 16));
				statement.setInt(i++, t.digits());
				statement.setInt(i++, t.cmd().code());
				statement.setInt(i++, t.volume());
				statement.setObject(i++, local(t.openTime()));
				statement.setDouble(i++, t.openPrice());
				statement.setDouble(i++, t.sl());
				statement.setDouble(i++, t.tp());
				statement.setObject(i++, local(t.closeTime()));
				statement.setObject(i++, local(t.expiration()));
				statement.setDouble(i++, t.convRateOpen());
				statement.setDouble(i++, t.convRateClose());
				statement.setDouble(i++, t.commission());
				statement.setDouble(i++, t.storage());
				statement.setDouble(i++, t.closePrice());
				statement.setDouble(i++, t.profit());
				statement.setString(i++, fit(t.comment(), 32));
				statement.setDouble(i++, t.marginRate());
				statement.setInt(i++, stamp(stamped.at()));
				statement.setInt(i++, t.magic());
				statement.setObject(i, modified);
				statement.addBatch();
				if (++count % batchSize == 0) {
					flush(statement);
				}
			}
			flush(statement);
		}
		unit.trades.clear();
		return count;
	}

	private int writePrices(WriteUnit unit, LocalDateTime modified, Map<String, Integer> digits) throws SQLException {
		int count = 0;
		try (PreparedStatement statement = connection.prepareStatement(UPSERT_PRICE)) {
			for (Iterator<WriteUnit.PriceRow> it = unit.prices.values().iterator(); it.hasNext();) {
				WriteUnit.PriceRow row = it.next();
				Quote q = row.quote();
				Integer symbolDigits = digits.get(q.symbol());
				if (symbolDigits == null) {
					continue;
				}
				int i = 1;
				statement.setString(i++, fit(q.symbol(), 16));
				statement.setObject(i++, local(q.time()));
				statement.setDouble(i++, q.bid());
				statement.setDouble(i++, q.ask());
				statement.setDouble(i++, row.low());
				statement.setDouble(i++, row.high());
				statement.setInt(i++, row.direction());
				statement.setInt(i++, symbolDigits);
				statement.setInt(i++, (int) Math.round((q.ask() - q.bid()) * Math.pow(10, symbolDigits)));
				statement.setObject(i, modified);
				statement.addBatch();
				it.remove();
				count++;
			}
			flush(statement);
		}
		return count;
	}

	private int writeDaily(WriteUnit unit, LocalDateTime modified) throws SQLException {
		int count = 0;
		try (PreparedStatement upsert = connection.prepareStatement(UPSERT_DAILY);
				PreparedStatement prevBalance = connection.prepareStatement(UPDATE_PREVBALANCE)) {
			for (DailyReport d : unit.daily) {
				LocalDateTime time = local(d.time());
				int i = 1;
				upsert.setInt(i++, d.login().value());
				upsert.setObject(i++, time);
				upsert.setString(i++, fit(d.group(), 16));
				upsert.setDouble(i++, d.balancePrev());
				upsert.setDouble(i++, d.balance());
				upsert.setDouble(i++, d.deposit());
				upsert.setDouble(i++, d.credit());
				upsert.setDouble(i++, d.profitClosed());
				upsert.setDouble(i++, d.profit());
				upsert.setDouble(i++, d.equity());
				upsert.setDouble(i++, d.margin());
				upsert.setDouble(i++, d.marginFree());
				upsert.setObject(i, modified);
				upsert.addBatch();
				// Report times keep their time of day, so the first day of the month reported at the
				// same wall-clock time bounds the earlier month's rows.
				LocalDateTime monthStart = time.minusDays(d.tradingDay().getDayOfMonth() - 1);
				prevBalance.setDouble(1, d.balance());
				prevBalance.setInt(2, d.login().value());
				prevBalance.setObject(3, monthStart);
				prevBalance.setInt(4, d.login().value());
				prevBalance.setInt(5, d.login().value());
				prevBalance.setObject(6, time);
				prevBalance.addBatch();
				if (++count % batchSize == 0) {
					flush(upsert);
					flush(prevBalance);
				}
			}
			flush(upsert);
			flush(prevBalance);
		}
		unit.daily.clear();
		return count;
	}

	private void flush(PreparedStatement statement) throws SQLException {
		statement.executeBatch();
		connection.commit();
	}

	/**
	 * Cuts text to the MT4 column's width. MT4 limits these names itself; the engine does not, and
	 * in strict mode one over-long value would fail its whole batch on every retry.
	 */
	static String fit(String text, int width) {
		return text.length() <= width ? text : text.substring(0, width);
	}

	/** Server-local time truncated to seconds; null (no time) is MT4's zero time, 1970-01-01. */
	LocalDateTime local(@Nullable Instant instant) {
		return instant == null ? ZERO : LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.SECONDS);
	}

	/** MT4 stamps are {@code __time32_t} in server time: the local wall clock read as if it were UTC. */
	int stamp(Instant instant) {
		return (int) local(instant).toEpochSecond(ZoneOffset.UTC);
	}

	/** Equity / margin × 100, 0 without margin; the replicator computes it as MT4's report server does. */
	static double marginLevel(AccountState account) {
		return account.margin() > 0 ? account.equity() / account.margin() * 100 : 0;
	}

	@Override
	public void close() {
		try {
			connection.close();
		}
		catch (SQLException ignored) {
			// The connection is being dropped after a failure or at stop; nothing is left to save.
		}
	}
}
