package io.tradeport.tradeserver.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.EngineState;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeEngine;

class SnapshotStoreUnitTests {

	@TempDir
	Path directory;

	/** Sub-millisecond times on purpose: a plain system clock stamps microseconds. */
	private static EngineState state() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00.123456789Z"), ZoneOffset.UTC);
		TradeEngine engine = new TradeEngine(clock, EngineSettings.defaults(), EngineListener.NONE);
		engine.putGroup(GroupConfig.builder("demo", "USD").build());
		engine.putSymbol(SymbolConfig.forex("EURUSD", 5).build());
		engine.tick("EURUSD", 1.1, 1.1002);
		engine.putAccount(AccountConfig.of(7, "demo").withLeverage(50));
		engine.balance(Login.of(7), 5000, "deposit");
		engine.open(OpenOrder.market(7, "EURUSD", TradeCommand.SELL, 30).withStops(1.2, 1.0));
		engine.open(OpenOrder.pending(7, "EURUSD", TradeCommand.BUY_LIMIT, 10, 1.05)
			.withExpiration(Instant.parse("2026-11-30T00:00:00.5Z")));
		return engine.exportState();
	}

	@Test
	void aSnapshotReadsBackEqualToTheStateWritten() throws IOException {
		SnapshotStore store = new SnapshotStore(directory);
		EngineState state = state();
		store.write(42, state);

		SnapshotStore.Snapshot read = store.latest().orElseThrow();

		assertThat(read.seq()).isEqualTo(42);
		assertThat(read.state()).isEqualTo(state);
		assertThat(read.state().accounts().getFirst().history().getFirst().openTime().getNano()).isEqualTo(123456789);
	}

	@Test
	void theNewestSnapshotWinsAndPruningRemovesWhatItCovers() throws IOException {
		SnapshotStore store = new SnapshotStore(directory);
		store.write(10, state());
		store.write(20, state());
		for (long first : new long[] { 1, 11, 21 }) {
			Files.createFile(JournalWriter.segmentPath(directory, first));
		}

		store.prune(20);

		assertThat(store.latest().orElseThrow().seq()).isEqualTo(20);
		assertThat(store.segments()).containsExactly(21L);
		try (Stream<Path> files = Files.list(directory)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
					"snapshot-0000000000000000020.bin", "journal-0000000000000000021.log");
		}
	}

	@Test
	void aSnapshotOfTheFirstVersionReadsWithTheValuesItImplies() throws IOException {
		SnapshotStore store = new SnapshotStore(directory);
		EngineState state = state();
		store.write(7, state, 1);

		// Version 1 had no execution modes: its symbols were instant, as the state's are.
		assertThat(store.latest().orElseThrow().state()).isEqualTo(state);
	}

	@Test
	void aSnapshotOfANewerVersionIsRefusedRatherThanMisread() throws IOException {
		SnapshotStore store = new SnapshotStore(directory);
		store.write(3, state());
		Path file = directory.resolve("snapshot-0000000000000000003.bin");
		byte[] data = Files.readAllBytes(file);
		java.nio.ByteBuffer.wrap(data).putInt(4, RecordCodec.FORMAT + 1);
		Files.write(file, data);

		assertThatThrownBy(store::latest).isInstanceOf(IOException.class).hasMessageContaining("version");
	}

	@Test
	void aDamagedSnapshotIsRefusedRatherThanLoaded() throws IOException {
		SnapshotStore store = new SnapshotStore(directory);
		store.write(5, state());
		Path file = directory.resolve("snapshot-0000000000000000005.bin");
		byte[] data = Files.readAllBytes(file);
		data[data.length - 10] ^= 0x04;
		Files.write(file, data);

		assertThatThrownBy(store::latest).isInstanceOf(IOException.class).hasMessageContaining("checksum");
	}
}
