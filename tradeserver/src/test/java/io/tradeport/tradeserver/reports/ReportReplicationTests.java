package io.tradeport.tradeserver.reports;

import static io.tradeport.tradeserver.reports.ReplicationFixture.server;
import static io.tradeport.tradeserver.reports.ReplicationFixture.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.ModifyOrder;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeCommand;

/** The replicator writes the engine's state into the MT4 tables with MT4's encodings (mt4-domain.md §1.7). */
class ReportReplicationTests {

	/** 00:00 in Athens: the engine's end of day in server time. */
	private static final Instant END_OF_TUESDAY = Instant.parse("2026-11-24T22:00:00Z");

	private final ConnectionFactory database = TestDatabase.writer();

	@BeforeEach
	void emptyTables() throws SQLException {
		TestDatabase.dropTables();
	}

	@Test
	void accountsTradesBalanceOperationsPricesAndDailyReportsAreReplicatedFieldByField() throws Exception {
		try (ReplicationFixture f = new ReplicationFixture();
				ReportReplicator replicator = f.replicator(ReplicationFixture.settings(), database)) {
			replicator.start(f.engine);

			f.account(1001, "demo-usd", 10_000);
			f.account(1002, "demo-eur", 5_000);
			f.ok(e -> e.credit(Login.of(1002), 500, "Bonus"));
			f.clock.advance(Duration.ofMillis(1_500));
			f.ok(e -> e.balance(Login.of(1001), -1_000, "Withdrawal"));

			Ticket buy = f.buy(1001, "EURUSD", 100);
			Ticket sell = f.sell(1001, "USDJPY", 50);
			f.ok(e -> e.modify(ModifyOrder.stops(buy.value(), 1.09000, 1.12000)));
			Instant expiry = Instant.parse("2026-11-27T12:00:00Z");
			Ticket limit = f.open(new OpenOrder(Login.of(1002), "EURUSD", TradeCommand.BUY_LIMIT, 20, 1.09500, 0, 0, 0,
					expiry, "limit", 77));
			Ticket stop = f.open(OpenOrder.pending(1002, "EURUSD", TradeCommand.SELL_STOP, 10, 1.09000));
			f.ok(e -> e.delete(stop));

			Ticket partial = f.buy(1002, "EURUSD", 100);
			f.clock.advance(Duration.ofMillis(90_300));
			f.run(e -> e.tick("EURUSD", 1.10100, 1.10120));
			f.ok(e -> e.close(partial, 40));
			Ticket rest = f.call(e -> e.openTrades(Login.of(1002))).stream()
				.filter(t -> t.cmd() == TradeCommand.BUY).findFirst().orElseThrow().ticket();
			f.run(e -> e.tick("EURUSD", 1.09950, 1.09970));
			f.run(e -> e.tick("EURUSD", 1.10050, 1.10070));
			f.ok(e -> e.close(rest));

			f.runUntil(END_OF_TUESDAY);
			assertThat(f.dailyReports).hasSize(2);

			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> f.assertTablesMatchEngine(database));

			try (Connection connection = database.open()) {
				Map<Object, Map<String, Object>> trades = ReplicationFixture.rows(connection, "MT4_TRADES", "TICKET");
				// Open positions and live pending orders have MT4's zero time as CLOSE_TIME.
				assertThat(tickets(connection, "CMD IN (0,1) AND CLOSE_TIME = '1970-01-01 00:00:00'"))
					.containsExactlyInAnyOrder(buy.value(), sell.value());
				assertThat(tickets(connection, "CMD IN (2,3,4,5) AND CLOSE_TIME = '1970-01-01'"))
					.containsExactly(limit.value());
				assertThat(tickets(connection, "CMD IN (2,3,4,5) AND CLOSE_TIME > '1970-01-01' AND PROFIT = 0"))
					.containsExactly(stop.value());
				assertThat(tickets(connection, "CMD IN (0,1) AND CLOSE_TIME > '1970-01-01'"))
					.containsExactlyInAnyOrder(partial.value(), rest.value());
				assertThat(trades.get(partial.value())).containsEntry("COMMENT", "to #" + rest.value())
					.containsEntry("VOLUME", 40);
				assertThat(trades.get(rest.value())).containsEntry("COMMENT", "from #" + partial.value())
					.containsEntry("VOLUME", 60);
				assertThat(trades.get(limit.value())).containsEntry("EXPIRATION", LocalDateTime.of(2026, 11, 27, 14, 0))
					.containsEntry("MAGIC", 77).containsEntry("CMD", 2);

				// Balance and credit operations: CMD 6/7, no symbol, no volume, the signed amount in PROFIT.
				List<Map<String, Object>> money = trades.values().stream()
					.filter(r -> (int) r.get("CMD") >= 6).toList();
				assertThat(money).extracting(r -> r.get("CMD") + " " + r.get("PROFIT") + " " + r.get("COMMENT"))
					.containsExactlyInAnyOrder("6 10000.0 Deposit", "6 5000.0 Deposit", "7 500.0 Bonus",
							"6 -1000.0 Withdrawal");
				assertThat(money).allSatisfy(r -> assertThat(r).containsEntry("SYMBOL", "").containsEntry("VOLUME", 0)
					.containsEntry("OPEN_TIME", r.get("CLOSE_TIME")));

				// Server time, whole seconds: 10:00:00.750 UTC is 12:00:00 in Athens.
				Map<String, Object> firstDeposit = trades.values().stream()
					.filter(r -> r.get("COMMENT").equals("Deposit") && r.get("LOGIN").equals(1001)).findFirst().orElseThrow();
				assertThat(firstDeposit).containsEntry("OPEN_TIME", LocalDateTime.of(2026, 11, 24, 12, 0, 0))
					.containsEntry("TIMESTAMP", (int) stamp(ReplicationFixture.START));

				// Prices: the day's bid range seen since the snapshot, the last move and the spread in points.
				Map<String, Object> eurusd = ReplicationFixture.rows(connection, "MT4_PRICES", "SYMBOL").get("EURUSD");
				assertThat(eurusd).containsEntry("LOW", 1.09950).containsEntry("HIGH", 1.10100)
					.containsEntry("DIRECTION", 0).containsEntry("DIGITS", 5).containsEntry("SPREAD", 20);

				// End of day: rows at 00:00 server time, and PREVBALANCE follows the last report.
				Map<Object, Map<String, Object>> daily = ReplicationFixture.rows(connection, "MT4_DAILY", "LOGIN");
				assertThat(daily.get(1001)).containsEntry("TIME", server(END_OF_TUESDAY))
					.containsEntry("TIME", LocalDateTime.of(2026, 11, 25, 0, 0)).containsEntry("DEPOSIT", 9_000.0);
				assertThat(daily.get(1002)).containsEntry("CREDIT", 500.0);
				Map<Object, Map<String, Object>> users = ReplicationFixture.rows(connection, "MT4_USERS", "LOGIN");
				assertThat(users.get(1001)).containsEntry("PREVBALANCE", daily.get(1001).get("BALANCE"))
					.containsEntry("REGDATE", LocalDateTime.of(2026, 11, 24, 12, 0, 0));
				assertThat(users.get(1002)).containsEntry("LEVERAGE", 200).containsEntry("CURRENCY", "EUR");

				Map<Object, Map<String, Object>> config = ReplicationFixture.rows(connection, "MT4_CONFIG", "CONFIG");
				assertThat(config.get(4)).containsEntry("VALUE_STR", "demo.tradeport.io:443");
				assertThat((int) config.get(1).get("VALUE_INT")).isGreaterThanOrEqualTo((int) stamp(END_OF_TUESDAY));
			}
			assertThat(replicator.status().reconciliations()).isEqualTo(1);
			assertThat(replicator.status().droppedEvents()).isZero();
		}
	}

	@Test
	void prevBalanceIsTheLastReportsBalanceAndPrevMonthBalanceTheLastOneOfTheMonthBefore() throws Exception {
		try (ReplicationFixture f = new ReplicationFixture();
				ReportReplicator replicator = f.replicator(ReplicationFixture.settings(), database)) {
			replicator.start(f.engine);
			f.account(1001, "demo-usd", 10_000);
			// Reports for Tuesday 24 to Monday 30 November (none for the weekend), the last at 1 December 00:00.
			f.runUntil(Instant.parse("2026-11-30T22:00:00Z"));
			f.ok(e -> e.balance(Login.of(1001), 500, "Deposit"));
			f.runUntil(Instant.parse("2026-12-01T22:00:00Z"));
			assertThat(f.dailyReports).hasSize(6);

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				f.assertTablesMatchEngine(database);
				try (Connection connection = database.open()) {
					Map<String, Object> user = ReplicationFixture.rows(connection, "MT4_USERS", "LOGIN").get(1001);
					assertThat(user).containsEntry("PREVBALANCE", 10_500.0).containsEntry("PREVMONTHBALANCE", 10_000.0);
				}
			});
		}
	}

	@Test
	void overlongNamesAreCutToMt4ColumnWidthsInsteadOfStoppingReplication() throws Exception {
		try (ReplicationFixture f = new ReplicationFixture();
				ReportReplicator replicator = f.replicator(ReplicationFixture.settings(), database)) {
			replicator.start(f.engine);
			f.run(e -> e.putGroup(io.tradeport.tradeserver.engine.GroupConfig.builder("demo-usd-professional", "USD").build()));
			f.account(1001, "demo-usd-professional", 1_000);
			f.account(1002, "demo-usd", 1_000);

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				try (Connection connection = database.open()) {
					Map<Object, Map<String, Object>> users = ReplicationFixture.rows(connection, "MT4_USERS", "LOGIN");
					assertThat(users).hasSize(2);
					assertThat(users.get(1001)).containsEntry("GROUP", "demo-usd-profess");
				}
			});
			assertThat(replicator.status().lastError()).isNull();
		}
	}

	private static List<Integer> tickets(Connection connection, String where) throws SQLException {
		return ReplicationFixture.rows(connection, "(SELECT * FROM MT4_TRADES WHERE " + where + ")", "TICKET").keySet()
			.stream().map(k -> (Integer) k).toList();
	}
}
