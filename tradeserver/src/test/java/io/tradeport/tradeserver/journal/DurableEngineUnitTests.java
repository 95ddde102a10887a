package io.tradeport.tradeserver.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeport.tradeserver.MutableClock;
import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.EngineState;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.MarketHoliday;
import io.tradeport.tradeserver.engine.ModifyOrder;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.ReturnCode;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeResult;

class DurableEngineUnitTests {

	@TempDir
	Path directory;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

	private DurableEngine open(long snapshotEvery) throws IOException {
		return DurableEngine.open(directory, clock, EngineSettings.defaults(), EngineListener.NONE,
				new DurableEngine.Options(snapshotEvery));
	}

	private DurableEngine open() throws IOException {
		return open(1_000_000);
	}

	private void setUp(DurableEngine engine) {
		engine.putGroup(GroupConfig.builder("demo", "USD").build()).join();
		engine.putSymbol(SymbolConfig.forex("EURUSD", 5).swapEnabled(true)
			.swap(SymbolConfig.SwapType.POINTS, -4, 1).build()).join();
		engine.putSymbol(SymbolConfig.forex("USDJPY", 3).build()).join();
		engine.tick("EURUSD", 1.10000, 1.10010).join();
		engine.tick("USDJPY", 150.000, 150.010).join();
		for (int login = 1; login <= 3; login++) {
			engine.putAccount(AccountConfig.of(login, "demo")).join();
			assertThat(engine.balance(Login.of(login), 10_000, "deposit").join().isOk()).isTrue();
		}
	}

	/** A day of trading: positions, partial close, pending orders, SL/TP, a rollover, refusals. */
	private void trade(DurableEngine engine) {
		engine.tick("EURUSD", 1.10000, 1.10010).join();
		Ticket buy = ok(engine.open(OpenOrder.market(1, "EURUSD", TradeCommand.BUY, 100).withStops(1.09, 1.12)));
		Ticket sell = ok(engine.open(OpenOrder.market(2, "USDJPY", TradeCommand.SELL, 50)));
		ok(engine.open(OpenOrder.pending(3, "EURUSD", TradeCommand.BUY_LIMIT, 10, 1.09500)));
		Ticket stop = ok(engine.open(OpenOrder.pending(3, "EURUSD", TradeCommand.SELL_STOP, 10, 1.09000)));
		clock.advance(Duration.ofMinutes(5));
		engine.tick("EURUSD", 1.09490, 1.09500).join(); // fills the buy limit
		ok(engine.modify(ModifyOrder.stops(buy.value(), 1.08, 1.13)));
		ok(engine.close(sell, 20));
		ok(engine.delete(stop));
		assertThat(engine.balance(Login.of(2), -1_000_000, "too much").join().isOk()).isFalse();
		clock.advance(Duration.ofDays(1));
		engine.processTimers().join(); // rollover: swaps on the open EURUSD positions
		engine.tick("EURUSD", 1.13010, 1.13020).join(); // take profit of the buy
		ok(engine.balance(Login.of(1), -500, "withdrawal"));
		ok(engine.credit(Login.of(3), 100, "bonus"));
	}

	private static Ticket ok(CompletableFuture<TradeResult> future) {
		TradeResult result = future.join();
		assertThat(result.isOk()).as("%s", result).isTrue();
		return result.ticket();
	}

	@Test
	void holidaysAreReplayedInOrderSoWhatTheyRefusedStaysRefused() throws Exception {
		EngineState before;
		try (DurableEngine engine = open()) {
			setUp(engine);
			engine.transact(tx -> {
				tx.putHolidays(List.of(MarketHoliday.allDay(2026, 11, 24)));
				return null;
			}).join();
			assertThat(engine.open(OpenOrder.market(1, "EURUSD", TradeCommand.BUY, 100)).join().code())
				.isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
			engine.transact(tx -> {
				tx.putHolidays(List.of(MarketHoliday.allDay(2026, 12, 25)));
				return null;
			}).join();
			ok(engine.open(OpenOrder.market(1, "EURUSD", TradeCommand.BUY, 100)));
			before = engine.exportState().join();
		}

		try (DurableEngine engine = open()) {
			assertThat(engine.exportState().join()).isEqualTo(before);
			assertThat(engine.read(e -> e.holidays().list()).join()).containsExactly(MarketHoliday.allDay(2026, 12, 25));
			assertThat(engine.openTrades(Login.of(1)).join()).hasSize(1);
		}
	}

	@Test
	void aTransactionsChecksAndChangesFormOneUnitAndItsChangesAreJournaledEvenWhenItFailsAfterwards() throws Exception {
		EngineState before;
		try (DurableEngine engine = open()) {
			setUp(engine);
			ok(engine.open(OpenOrder.pending(3, "EURUSD", TradeCommand.BUY_LIMIT, 10, 1.09500)));
			// Checks read the engine, changes go through the journal; activation and removal are journaled commands.
			TradeResult activated = engine.transact(tx -> {
				TradeRecord pending = tx.engine().openTrades(Login.of(3)).getFirst();
				return tx.activate(pending.ticket());
			}).join();
			assertThat(activated.isOk()).isTrue();
			assertThatThrownBy(() -> engine.transact(tx -> {
				tx.balance(Login.of(1), 250, "bonus before the failure");
				throw new IllegalStateException("refused after a change");
			}).join()).hasCauseInstanceOf(IllegalStateException.class);
			engine.putAccount(AccountConfig.of(9, "demo")).join();
			assertThat(engine.transact(tx -> tx.removeAccount(Login.of(9))).join().code()).isZero();
			before = engine.exportState().join();
		}

		try (DurableEngine engine = open()) {
			assertThat(engine.exportState().join()).isEqualTo(before);
			assertThat(engine.account(Login.of(1)).join().orElseThrow().balance()).isEqualTo(10_250);
			assertThat(engine.account(Login.of(9)).join()).isEmpty();
			assertThat(engine.openTrades(Login.of(3)).join()).singleElement()
				.satisfies(t -> assertThat(t.cmd()).isEqualTo(TradeCommand.BUY));
		}
	}

	@Test
	void administratorEditsBalanceFixesCloseByAndDealerPricesAreReplayedOnReopen() throws Exception {
		EngineState before;
		try (DurableEngine engine = open()) {
			setUp(engine);
			trade(engine);
			TradeRecord closed = engine.history(Login.of(2)).join().getLast();
			TradeResult edited = engine.transact(tx -> tx.modifyRecord(new io.tradeport.tradeserver.engine.TradeRecordUpdate(
					closed.ticket(), null, null, null, null, "corrected", null, -2.0, null, closed.profit() + 10))).join();
			assertThat(edited.isOk()).isTrue();
			assertThat(engine.transact(tx -> tx.fixBalance(Login.of(2))).join().isOk()).isTrue();
			Ticket buy = engine.transact(tx -> tx.openAt(OpenOrder.market(2, "EURUSD", TradeCommand.BUY, 20), 1.12)).join().ticket();
			Ticket sell = engine.transact(tx -> tx.openAt(OpenOrder.market(2, "EURUSD", TradeCommand.SELL, 10), 1.125)).join().ticket();
			assertThat(engine.transact(tx -> tx.closeBy(buy, sell)).join().isOk()).isTrue();
			engine.transact(tx -> tx.openAt(OpenOrder.market(2, "EURUSD", TradeCommand.SELL, 10), 1.13)).join();
			assertThat(engine.transact(tx -> tx.closeAll(Login.of(2), "EURUSD")).join().isOk()).isTrue();
			assertThat(engine.transact(tx -> tx.removeSymbol("USDJPY")).join().code()).isEqualTo(3);
			before = engine.exportState().join();
		}

		try (DurableEngine engine = open()) {
			assertThat(engine.exportState().join()).isEqualTo(before);
			assertThat(engine.history(Login.of(2)).join()).anySatisfy(t -> assertThat(t.comment()).isEqualTo("corrected"));
			assertThat(engine.history(Login.of(2)).join()).anySatisfy(t -> assertThat(t.comment()).startsWith("close hedge by #"));
		}
	}

	@Test
	void aReopenedEngineHasExactlyTheStateItWasClosedWith() throws Exception {
		EngineState before;
		try (DurableEngine engine = open()) {
			setUp(engine);
			trade(engine);
			before = engine.exportState().join();
		}

		try (DurableEngine engine = open()) {
			assertThat(engine.exportState().join()).isEqualTo(before);
			assertThat(before.accounts().getFirst().history()).anySatisfy(t -> assertThat(t.comment()).endsWith("[tp]"));
			assertThat(before.accounts().get(2).openTrades()).anySatisfy(t -> assertThat(t.storage()).isNegative());
			// Tickets continue where they stopped.
			Ticket next = ok(engine.balance(Login.of(1), 1, "next"));
			assertThat(next.value()).isEqualTo(before.nextTicket());
		}
	}

	@Test
	void snapshotsTruncateTheJournalAndRecoveryUsesSnapshotPlusTheRecordsAfterIt() throws Exception {
		EngineState before;
		try (DurableEngine engine = open()) {
			setUp(engine);
			engine.snapshot().join();
			trade(engine);
			before = engine.exportState().join();
		}
		assertThat(files("snapshot-")).singleElement()
			.satisfies(p -> assertThat(p.getFileName().toString()).isNotEqualTo("snapshot-0000000000000000000.bin"));
		assertThat(files("journal-")).hasSize(1);

		try (DurableEngine engine = open()) {
			assertThat(engine.exportState().join()).isEqualTo(before);
		}
	}

	@Test
	void automaticSnapshotsDuringLoadKeepTheStateRecoverable() throws Exception {
		EngineState before;
		try (DurableEngine engine = open(7)) {
			setUp(engine);
			for (int i = 0; i < 5; i++) {
				trade(engine);
			}
			before = engine.exportState().join();
		}

		try (DurableEngine engine = open(7)) {
			assertThat(engine.exportState().join()).isEqualTo(before);
		}
		assertThat(files("snapshot-")).hasSize(1);
		assertThat(files("journal-").size()).isLessThanOrEqualTo(2);
	}

	@Test
	void aTornLastRecordIsCutOffAndTheJournalContinuesAfterIt() throws Exception {
		EngineState before;
		try (DurableEngine engine = open()) {
			setUp(engine);
			before = engine.exportState().join();
		}
		Path segment = files("journal-").getLast();
		byte[] record = JournalFormat.encode(999, 0, new Command.Balance(Login.of(1), 5, "never acknowledged"));
		Files.write(segment, Arrays.copyOf(record, record.length - 3), StandardOpenOption.APPEND);

		EngineState after;
		try (DurableEngine engine = open()) {
			assertThat(engine.exportState().join()).isEqualTo(before);
			ok(engine.balance(Login.of(1), 7, "after the crash"));
			after = engine.exportState().join();
		}
		try (DurableEngine engine = open()) {
			assertThat(engine.exportState().join()).isEqualTo(after);
		}
	}

	@Test
	void damageBeforeTheLastSegmentStopsRecoveryInsteadOfLosingAcknowledgedCommands() throws Exception {
		try (DurableEngine engine = open()) {
			setUp(engine);
		}
		try (DurableEngine engine = open()) {
			ok(engine.balance(Login.of(1), 5, "second run"));
		}
		Path first = files("journal-").getFirst();
		byte[] data = Files.readAllBytes(first);
		data[data.length / 2] ^= 0x01;
		Files.write(first, data);

		assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("damaged");
	}

	@Test
	void concurrentCommandsShareFsyncs() throws Exception {
		try (DurableEngine engine = open()) {
			setUp(engine);
			long syncsBefore = engine.journalSyncs();
			List<CompletableFuture<TradeResult>> acks = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				acks.add(engine.balance(Login.of(1 + i % 3), 1, "batch"));
			}
			acks.forEach(CompletableFuture::join);

			assertThat(engine.journalSyncs() - syncsBefore).isLessThan(500);
		}
	}

	@Test
	void aCommandThatThrowsFailsItsFutureAndRecoveryStillMatches() throws Exception {
		EngineState before;
		try (DurableEngine engine = open()) {
			setUp(engine);
			assertThat(engine.putAccount(AccountConfig.of(9, "no such group")))
				.failsWithin(Duration.ofSeconds(10)).withThrowableThat().withCauseInstanceOf(IllegalArgumentException.class);
			ok(engine.balance(Login.of(1), 5, "afterwards"));
			before = engine.exportState().join();
		}
		try (DurableEngine engine = open()) {
			assertThat(engine.exportState().join()).isEqualTo(before);
		}
	}

	@Test
	void aThrowingListenerCannotAbortCommandsHalfway() throws Exception {
		EngineListener throwing = new EngineListener() {
			@Override
			public void tradeOpened(TradeRecord trade) {
				throw new IllegalStateException("listener bug");
			}
		};
		List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
		EngineState before;
		try (DurableEngine engine = DurableEngine.open(directory, clock, EngineSettings.defaults(), throwing)) {
			setUp(engine);
			// The engine thread reports through its handler; the default one would print the trace.
			engine.read(e -> {
				Thread.currentThread().setUncaughtExceptionHandler((t, ex) -> reported.add(ex));
				return null;
			}).join();
			Ticket ticket = ok(engine.open(OpenOrder.market(1, "EURUSD", TradeCommand.BUY, 10)));
			assertThat(engine.openTrades(Login.of(1)).join()).extracting(t -> t.ticket()).containsExactly(ticket);
			before = engine.exportState().join();
		}
		assertThat(reported).singleElement().satisfies(ex -> assertThat(ex).hasMessage("listener bug"));
		try (DurableEngine engine = open()) {
			assertThat(engine.exportState().join()).isEqualTo(before);
		}
	}

	@Test
	void aDirectoryIsOpenedByOneEngineAtATime() throws Exception {
		try (DurableEngine engine = open()) {
			assertThatThrownBy(this::open).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
		}
	}

	private List<Path> files(String prefix) throws IOException {
		try (Stream<Path> list = Files.list(directory)) {
			return list.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
		}
	}
}
