package io.tradeport.tradeserver.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tables are MT4 Report Server's (mt4-domain.md §1.2–1.6), and the embedded database keeps its promises. */
class ReportSchemaTests {

	/** Column name → "type nullable default" as information_schema reports them, from the reference dumps. */
	private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

	static {
		EXPECTED.put("MT4_USERS", List.of("LOGIN int(11) NO", "GROUP char(16) NO", "ENABLE int(11) NO",
				"ENABLE_CHANGE_PASS int(11) NO", "ENABLE_READONLY int(11) NO", "ENABLE_OTP int(11) NO 0",
				"PASSWORD_PHONE char(32) NO", "NAME char(128) NO", "COUNTRY char(32) NO", "CITY char(32) NO",
				"STATE char(32) NO", "ZIPCODE char(16) NO", "ADDRESS char(128) NO", "LEAD_SOURCE char(32) NO ''",
				"PHONE char(32) NO", "EMAIL char(48) NO", "COMMENT char(64) NO", "ID char(32) NO", "STATUS char(16) NO",
				"REGDATE datetime NO", "LASTDATE datetime NO", "LEVERAGE int(11) NO", "AGENT_ACCOUNT int(11) NO",
				"TIMESTAMP int(11) NO", "BALANCE double NO", "PREVMONTHBALANCE double NO", "PREVBALANCE double NO",
				"CREDIT double NO", "INTERESTRATE double NO", "TAXES double NO", "SEND_REPORTS int(11) NO",
				"MQID int(10) unsigned NO 0", "USER_COLOR int(11) NO", "EQUITY double NO 0", "MARGIN double NO 0",
				"MARGIN_LEVEL double NO 0", "MARGIN_FREE double NO 0", "CURRENCY char(16) NO ''",
				"API_DATA blob YES NULL", "MODIFY_TIME datetime NO"));
		EXPECTED.put("MT4_TRADES", List.of("TICKET int(11) NO", "LOGIN int(11) NO", "SYMBOL char(16) NO",
				"DIGITS int(11) NO", "CMD int(11) NO", "VOLUME int(11) NO", "OPEN_TIME datetime NO",
				"OPEN_PRICE double NO", "SL double NO", "TP double NO", "CLOSE_TIME datetime NO",
				"EXPIRATION datetime NO", "REASON int(11) NO 0", "CONV_RATE1 double NO", "CONV_RATE2 double NO",
				"COMMISSION double NO", "COMMISSION_AGENT double NO", "SWAPS double NO", "CLOSE_PRICE double NO",
				"PROFIT double NO", "TAXES double NO", "COMMENT char(32) NO", "INTERNAL_ID int(11) NO",
				"MARGIN_RATE double NO", "TIMESTAMP int(11) NO", "MAGIC int(11) NO 0", "GW_VOLUME int(11) NO 0",
				"GW_OPEN_PRICE int(11) NO 0", "GW_CLOSE_PRICE int(11) NO 0", "MODIFY_TIME datetime NO"));
		EXPECTED.put("MT4_PRICES", List.of("SYMBOL char(16) NO", "TIME datetime NO", "BID double NO", "ASK double NO",
				"LOW double NO", "HIGH double NO", "DIRECTION int(11) NO", "DIGITS int(11) NO", "SPREAD int(11) NO",
				"MODIFY_TIME datetime NO"));
		EXPECTED.put("MT4_DAILY", List.of("LOGIN int(11) NO", "TIME datetime NO", "GROUP char(16) NO",
				"BANK char(64) NO", "BALANCE_PREV double NO", "BALANCE double NO", "DEPOSIT double NO",
				"CREDIT double NO", "PROFIT_CLOSED double NO", "PROFIT double NO", "EQUITY double NO",
				"MARGIN double NO", "MARGIN_FREE double NO", "MODIFY_TIME datetime NO"));
		EXPECTED.put("MT4_CONFIG", List.of("CONFIG int(11) NO", "VALUE_INT int(11) YES NULL",
				"VALUE_STR char(255) YES NULL"));
	}

	@BeforeEach
	void emptyDatabase() throws SQLException {
		TestDatabase.dropTables();
	}

	@Test
	void tablesHaveMt4ReportServerColumnsInOrderWithTypesNullabilityAndDefaults() throws SQLException {
		try (Connection connection = TestDatabase.writer().open()) {
			Mt4Schema.create(connection);
			for (var table : EXPECTED.entrySet()) {
				assertThat(columns(connection, table.getKey())).as(table.getKey()).containsExactlyElementsOf(table.getValue());
			}
		}
	}

	@Test
	void tablesHaveMt4ReportServerKeys() throws SQLException {
		try (Connection connection = TestDatabase.writer().open()) {
			Mt4Schema.create(connection);
			assertThat(keys(connection, "MT4_USERS")).containsExactlyInAnyOrder("PRIMARY(LOGIN)", "INDEX_STAMP(TIMESTAMP)");
			assertThat(keys(connection, "MT4_TRADES")).containsExactlyInAnyOrder("PRIMARY(TICKET)", "INDEX_LOGIN(LOGIN)",
					"INDEX_CMD(CMD)", "INDEX_OPENTIME(OPEN_TIME)", "INDEX_CLOSETIME(CLOSE_TIME)", "INDEX_STAMP(TIMESTAMP)");
			assertThat(keys(connection, "MT4_PRICES")).containsExactly("PRIMARY(SYMBOL)");
			assertThat(keys(connection, "MT4_DAILY")).containsExactlyInAnyOrder("PRIMARY(LOGIN,TIME)", "INDEX_LOGIN(LOGIN)",
					"INDEX_TIME(TIME)");
			assertThat(keys(connection, "MT4_CONFIG")).containsExactly("PRIMARY(CONFIG)");
		}
	}

	@Test
	void creatingTheSchemaAgainKeepsExistingRows() throws SQLException {
		try (Connection connection = TestDatabase.writer().open(); Statement sql = connection.createStatement()) {
			Mt4Schema.create(connection);
			sql.execute("INSERT INTO MT4_CONFIG (CONFIG, VALUE_INT) VALUES (7, 42)");
			Mt4Schema.create(connection);
			try (ResultSet rows = sql.executeQuery("SELECT VALUE_INT FROM MT4_CONFIG WHERE CONFIG = 7")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(42);
			}
		}
	}

	@Test
	void reportUserReadsTablesUnderEitherSpellingButCannotWrite() throws SQLException {
		try (Connection connection = TestDatabase.writer().open()) {
			Mt4Schema.create(connection);
		}
		ReportDatabaseAccess access = TestDatabase.get().reportAccess();
		String url = "jdbc:mariadb://127.0.0.1:" + access.port() + "/" + access.database();
		try (Connection report = DriverManager.getConnection(url, access.login(), access.password());
				Statement sql = report.createStatement()) {
			sql.executeQuery("SELECT COUNT(*) FROM MT4_TRADES").close();
			sql.executeQuery("SELECT COUNT(*) FROM mt4_trades").close();
			assertThatThrownBy(() -> sql.execute("DELETE FROM MT4_TRADES")).isInstanceOf(SQLException.class)
					.hasMessageContaining("denied");
			assertThatThrownBy(() -> sql.execute("DROP TABLE MT4_CONFIG")).isInstanceOf(SQLException.class)
					.hasMessageContaining("denied");
		}
		assertThat(access.database()).isEqualTo("mt4");
		assertThat(access.login()).isEqualTo("mt4_report");
		assertThat(access.password()).hasSize(24).matches("[A-Za-z0-9]+");
		assertThat(access.toString()).doesNotContain(access.password());
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (var statement = connection.prepareStatement("""
				SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS
				WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) = ? ORDER BY ORDINAL_POSITION""")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String column = rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3);
					String defaultValue = rows.getString(4);
					columns.add(defaultValue == null ? column : column + " " + defaultValue);
				}
			}
		}
		return columns;
	}

	private static List<String> keys(Connection connection, String table) throws SQLException {
		Map<String, List<String>> keys = new LinkedHashMap<>();
		try (var statement = connection.prepareStatement("""
				SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS
				WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX""")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					keys.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
				}
			}
		}
		return keys.entrySet().stream().map(e -> e.getKey() + "(" + String.join(",", e.getValue()) + ")").toList();
	}
}
