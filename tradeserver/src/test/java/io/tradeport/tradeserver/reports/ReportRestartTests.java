package io.tradeport.tradeserver.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.ModifyOrder;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeCommand;

/**
 * Restart safety: whatever happens between two runs of the replicator, or to its connection, the
 * tables end up equal to the engine's state.
 */
class ReportRestartTests {

	private static final Instant END_OF_TUESDAY = Instant.parse("2026-11-24T22:00:00Z");
	private static final Duration CONVERGENCE = Duration.ofSeconds(30);

	private final ConnectionFactory database = TestDatabase.writer();

	@BeforeEach
	void emptyTables() throws SQLException {
		TestDatabase.dropTables();
	}

	@Test
	void stoppingMidwayAndChangingTheEngineMeanwhileConvergesOnTheNextStart() throws Exception {
		try (ReplicationFixture f = new ReplicationFixture();
				ReportReplicator replicator = f.replicator(ReplicationFixture.settings(), database)) {
			replicator.start(f.engine);
			f.account(1001, "demo-usd", 10_000);
			Ticket buy = f.buy(1001, "EURUSD", 100);
			Ticket sell = f.sell(1001, "USDJPY", 30);
			// Stopped while the writer may still be busy with these.
			f.account(1002, "demo-eur", 2_000);
			replicator.stop();

			f.ok(e -> e.close(buy));
			f.ok(e -> e.modify(ModifyOrder.stops(sell.value(), 151.000, 149.000)));
			f.ok(e -> e.balance(Login.of(1002), 300, "Deposit"));
			f.account(1003, "demo-usd", 1_000);
			Ticket pending = f.open(OpenOrder.pending(1003, "EURUSD", TradeCommand.BUY_LIMIT, 10, 1.09000));
			f.run(e -> e.tick("EURUSD", 1.10300, 1.10320));
			f.runUntil(END_OF_TUESDAY);
			assertThat(f.dailyReports).hasSize(3);

			// The first start's reconciliation may have been dropped by the stop, so count only the restart's.
			long beforeRestart = replicator.status().reconciliations();
			replicator.start(f.engine);
			await().atMost(CONVERGENCE).untilAsserted(() -> {
				f.assertTablesMatchEngine(database);
				assertThat(replicator.status().reconciliations()).isEqualTo(beforeRestart + 1);
			});
			assertThat(f.engineTrades()).extracting(t -> t.ticket()).contains(pending, buy, sell);
		}
	}

	@Test
	void aPositionDeletedWithoutClosingLosesItsRowLiveAndWhenMissedAtTheNextStart() throws Exception {
		try (ReplicationFixture f = new ReplicationFixture();
				ReportReplicator replicator = f.replicator(ReplicationFixture.settings(), database)) {
			replicator.start(f.engine);
			f.account(1001, "demo-usd", 10_000);
			Ticket live = f.buy(1001, "EURUSD", 100);
			Ticket missed = f.sell(1001, "USDJPY", 30);
			Ticket kept = f.buy(1001, "EURUSD", 10);
			await().atMost(CONVERGENCE).untilAsserted(() -> f.assertTablesMatchEngine(database));

			f.ok(e -> e.deletePosition(live));
			await().atMost(CONVERGENCE).untilAsserted(() -> {
				f.assertTablesMatchEngine(database);
				assertThat(tickets()).doesNotContain(live.value());
			});

			replicator.stop();
			f.ok(e -> e.deletePosition(missed));
			long beforeRestart = replicator.status().reconciliations();
			replicator.start(f.engine);
			await().atMost(CONVERGENCE).untilAsserted(() -> {
				f.assertTablesMatchEngine(database);
				assertThat(replicator.status().reconciliations()).isEqualTo(beforeRestart + 1);
			});
			assertThat(tickets()).doesNotContain(missed.value()).contains(kept.value());
		}
	}

	private List<Integer> tickets() throws SQLException {
		List<Integer> tickets = new ArrayList<>();
		try (Connection connection = database.open(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT TICKET FROM MT4_TRADES")) {
			while (rows.next()) {
				tickets.add(rows.getInt(1));
			}
		}
		return tickets;
	}

	@Test
	void aNewReplicatorOnTablesLeftByAnotherConvergesWithoutRewritingClosedTrades() throws Exception {
		try (ReplicationFixture f = new ReplicationFixture()) {
			ReportReplicator first = f.replicator(ReplicationFixture.settings(), database);
			first.start(f.engine);
			f.account(1001, "demo-usd", 10_000);
			Ticket closed = f.buy(1001, "EURUSD", 100);
			Ticket open = f.buy(1001, "EURUSD", 50);
			f.ok(e -> e.close(closed));
			await().atMost(CONVERGENCE).untilAsserted(() -> f.assertTablesMatchEngine(database));
			LocalDateTime closedWritten = modifyTime(closed);

			// As if the process had died: a new replicator, with nothing in memory, takes over the
			// engine's events and the tables the first one left.
			ReportReplicator second = f.replicator(ReplicationFixture.settings(), database);
			first.stop();
			f.clock.advance(Duration.ofHours(1));
			f.run(e -> e.tick("EURUSD", 1.10500, 1.10520));
			f.ok(e -> e.balance(Login.of(1001), -500, "Withdrawal"));
			try (second) {
				second.start(f.engine);
				await().atMost(CONVERGENCE).untilAsserted(() -> f.assertTablesMatchEngine(database));
				assertThat(modifyTime(closed)).isEqualTo(closedWritten);
				assertThat(modifyTime(open)).isAfter(closedWritten);
			}
		}
	}

	@Test
	void aLostConnectionIsRetriedWithBackoffWhileTheEngineKeepsWorking() throws Exception {
		SwitchableConnections connections = new SwitchableConnections(database);
		try (ReplicationFixture f = new ReplicationFixture();
				ReportReplicator replicator = f.replicator(ReplicationFixture.settings(), connections)) {
			replicator.start(f.engine);
			f.account(1001, "demo-usd", 10_000);
			await().atMost(CONVERGENCE).untilAsserted(() -> f.assertTablesMatchEngine(database));

			connections.down = true;
			killWriterConnections();
			long started = System.nanoTime();
			Ticket buy = f.buy(1001, "EURUSD", 100);
			f.run(e -> e.tick("EURUSD", 1.10200, 1.10220));
			f.ok(e -> e.close(buy));
			f.account(1002, "demo-eur", 700);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			await().atMost(CONVERGENCE).until(() -> !replicator.status().connected());
			assertThat(replicator.status().lastError()).isNotNull();
			assertThat(replicator.status().running()).isTrue();

			connections.down = false;
			await().atMost(CONVERGENCE).untilAsserted(() -> f.assertTablesMatchEngine(database));
			assertThat(replicator.status().connected()).isTrue();
		}
	}

	@Test
	void aFullQueueDropsEventsWithoutBlockingTheEngineAndAReconciliationCatchesUp() throws Exception {
		try (ReplicationFixture f = new ReplicationFixture();
				ReportReplicator replicator = f.replicator(ReplicationFixture.settings().withQueueCapacity(16), database)) {
			replicator.start(f.engine);
			await().atMost(CONVERGENCE).until(() -> replicator.status().reconciliations() == 1);
			f.run(e -> {
				for (int login = 2001; login <= 2040; login++) {
					e.putAccount(io.tradeport.tradeserver.engine.AccountConfig.of(login, "demo-usd"));
					e.balance(Login.of(login), 1_000 + login, "Deposit");
					e.open(OpenOrder.market(login, "EURUSD", TradeCommand.BUY, 10));
				}
				for (int i = 0; i < 500; i++) {
					e.tick("EURUSD", 1.10000 + (i % 7) * 0.0001, 1.10020 + (i % 7) * 0.0001);
				}
			});
			assertThat(replicator.status().droppedEvents()).isPositive();
			await().atMost(CONVERGENCE).untilAsserted(() -> f.assertTablesMatchEngine(database));
			assertThat(replicator.status().reconciliations()).isGreaterThanOrEqualTo(2);
		}
	}

	private LocalDateTime modifyTime(Ticket ticket) throws SQLException {
		try (Connection connection = database.open()) {
			Map<Object, Map<String, Object>> rows = ReplicationFixture.rows(connection, "MT4_TRADES", "TICKET");
			return (LocalDateTime) rows.get(ticket.value()).get("MODIFY_TIME");
		}
	}

	/** Drops the replicator's connections server-side, as a database restart or a network cut would. */
	private void killWriterConnections() throws SQLException {
		try (Connection connection = database.open(); Statement sql = connection.createStatement()) {
			List<Long> ids = new ArrayList<>();
			try (ResultSet rows = sql.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '"
					+ EmbeddedReportDatabase.WRITER_USER + "' AND ID <> CONNECTION_ID()")) {
				while (rows.next()) {
					ids.add(rows.getLong(1));
				}
			}
			assertThat(ids).isNotEmpty();
			for (long id : ids) {
				sql.execute("KILL CONNECTION " + id);
			}
		}
	}

	/** Refuses new connections while {@code down}. */
	private static final class SwitchableConnections implements ConnectionFactory {

		private final ConnectionFactory real;
		volatile boolean down;

		SwitchableConnections(ConnectionFactory real) {
			this.real = real;
		}

		@Override
		public Connection open() throws SQLException {
			if (down) {
				throw new SQLException("report database unreachable (test)");
			}
			return real.open();
		}
	}
}
