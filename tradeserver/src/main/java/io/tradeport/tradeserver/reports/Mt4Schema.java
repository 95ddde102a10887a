package io.tradeport.tradeserver.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * DDL of the MT4 Report Server tables (mt4-domain.md §1.2–1.6): MT4's column names, types, NOT NULL
 * defaults and standard indexes. Broker-added composite indexes are left out on purpose; analytics
 * must not rely on them.
 *
 * <p>Tables use utf8mb4 where the dumps show utf8: column types and lengths are the same, and
 * comments or names with characters outside the BMP cannot fail a batch.
 */
final class Mt4Schema {

	static final List<String> TABLES = List.of("MT4_USERS", "MT4_TRADES", "MT4_PRICES", "MT4_DAILY", "MT4_CONFIG");

	/** The datetime MT4 stores for a zero time (open trades' CLOSE_TIME, no expiration). */
	static final String ZERO_TIME = "1970-01-01 00:00:00";

	private static final String OPTIONS = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

	static final List<String> DDL = List.of("""
			CREATE TABLE IF NOT EXISTS MT4_USERS (
			  LOGIN int(11) NOT NULL,
			  `GROUP` char(16) NOT NULL,
			  ENABLE int(11) NOT NULL,
			  ENABLE_CHANGE_PASS int(11) NOT NULL,
			  ENABLE_READONLY int(11) NOT NULL,
			  ENABLE_OTP int(11) NOT NULL DEFAULT '0',
			  PASSWORD_PHONE char(32) NOT NULL,
			  NAME char(128) NOT NULL,
			  COUNTRY char(32) NOT NULL,
			  CITY char(32) NOT NULL,
			  STATE char(32) NOT NULL,
			  ZIPCODE char(16) NOT NULL,
			  ADDRESS char(128) NOT NULL,
			  LEAD_SOURCE char(32) NOT NULL DEFAULT '',
			  PHONE char(32) NOT NULL,
			  EMAIL char(48) NOT NULL,
			  COMMENT char(64) NOT NULL,
			  ID char(32) NOT NULL,
			  STATUS char(16) NOT NULL,
			  REGDATE datetime NOT NULL,
			  LASTDATE datetime NOT NULL,
			  LEVERAGE int(11) NOT NULL,
			  AGENT_ACCOUNT int(11) NOT NULL,
			  TIMESTAMP int(11) NOT NULL,
			  BALANCE double NOT NULL,
			  PREVMONTHBALANCE double NOT NULL,
			  PREVBALANCE double NOT NULL,
			  CREDIT double NOT NULL,
			  INTERESTRATE double NOT NULL,
			  TAXES double NOT NULL,
			  SEND_REPORTS int(11) NOT NULL,
			  MQID int(10) unsigned NOT NULL DEFAULT '0',
			  USER_COLOR int(11) NOT NULL,
			  EQUITY double NOT NULL DEFAULT '0',
			  MARGIN double NOT NULL DEFAULT '0',
			  MARGIN_LEVEL double NOT NULL DEFAULT '0',
			  MARGIN_FREE double NOT NULL DEFAULT '0',
			  CURRENCY char(16) NOT NULL DEFAULT '',
			  API_DATA blob,
			  MODIFY_TIME datetime NOT NULL,
			  PRIMARY KEY (LOGIN),
			  KEY INDEX_STAMP (TIMESTAMP)
			)""" + OPTIONS, """
			CREATE TABLE IF NOT EXISTS MT4_TRADES (
			  TICKET int(11) NOT NULL,
			  LOGIN int(11) NOT NULL,
			  SYMBOL char(16) NOT NULL,
			  DIGITS int(11) NOT NULL,
			  CMD int(11) NOT NULL,
			  VOLUME int(11) NOT NULL,
			  OPEN_TIME datetime NOT NULL,
			  OPEN_PRICE double NOT NULL,
			  SL double NOT NULL,
			  TP double NOT NULL,
			  CLOSE_TIME datetime NOT NULL,
			  EXPIRATION datetime NOT NULL,
			  REASON int(11) NOT NULL DEFAULT '0',
			  CONV_RATE1 double NOT NULL,
			  CONV_RATE2 double NOT NULL,
			  COMMISSION double NOT NULL,
			  COMMISSION_AGENT double NOT NULL,
			  SWAPS double NOT NULL,
			  CLOSE_PRICE double NOT NULL,
			  PROFIT double NOT NULL,
			  TAXES double NOT NULL,
			  COMMENT char(32) NOT NULL,
			  INTERNAL_ID int(11) NOT NULL,
			  MARGIN_RATE double NOT NULL,
			  TIMESTAMP int(11) NOT NULL,
			  MAGIC int(11) NOT NULL DEFAULT '0',
			  GW_VOLUME int(11) NOT NULL DEFAULT '0',
			  GW_OPEN_PRICE int(11) NOT NULL DEFAULT '0',
			  GW_CLOSE_PRICE int(11) NOT NULL DEFAULT '0',
			  MODIFY_TIME datetime NOT NULL,
			  PRIMARY KEY (TICKET),
			  KEY INDEX_LOGIN (LOGIN),
			  KEY INDEX_CMD (CMD),
			  KEY INDEX_OPENTIME (OPEN_TIME),
			  KEY INDEX_CLOSETIME (CLOSE_TIME),
			  KEY INDEX_STAMP (TIMESTAMP)
			)""" + OPTIONS, """
			CREATE TABLE IF NOT EXISTS MT4_PRICES (
			  SYMBOL char(16) NOT NULL,
			  TIME datetime NOT NULL,
			  BID double NOT NULL,
			  ASK double NOT NULL,
			  LOW double NOT NULL,
			  HIGH double NOT NULL,
			  DIRECTION int(11) NOT NULL,
			  DIGITS int(11) NOT NULL,
			  SPREAD int(11) NOT NULL,
			  MODIFY_TIME datetime NOT NULL,
			  PRIMARY KEY (SYMBOL)
			)""" + OPTIONS, """
			CREATE TABLE IF NOT EXISTS MT4_DAILY (
			  LOGIN int(11) NOT NULL,
			  TIME datetime NOT NULL,
			  `GROUP` char(16) NOT NULL,
			  BANK char(64) NOT NULL,
			  BALANCE_PREV double NOT NULL,
			  BALANCE double NOT NULL,
			  DEPOSIT double NOT NULL,
			  CREDIT double NOT NULL,
			  PROFIT_CLOSED double NOT NULL,
			  PROFIT double NOT NULL,
			  EQUITY double NOT NULL,
			  MARGIN double NOT NULL,
			  MARGIN_FREE double NOT NULL,
			  MODIFY_TIME datetime NOT NULL,
			  PRIMARY KEY (LOGIN, TIME),
			  KEY INDEX_LOGIN (LOGIN),
			  KEY INDEX_TIME (TIME)
			)""" + OPTIONS, """
			CREATE TABLE IF NOT EXISTS MT4_CONFIG (
			  CONFIG int(11) NOT NULL,
			  VALUE_INT int(11) DEFAULT NULL,
			  VALUE_STR char(255) DEFAULT NULL,
			  PRIMARY KEY (CONFIG)
			)""" + OPTIONS);

	private Mt4Schema() {
	}

	/** Creates the tables that do not exist; existing tables (and their data) are left as they are. */
	static void create(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String ddl : DDL) {
				statement.execute(ddl);
			}
		}
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}
}
