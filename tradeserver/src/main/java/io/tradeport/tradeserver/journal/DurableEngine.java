package io.tradeport.tradeserver.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.EngineState;
import io.tradeport.tradeserver.engine.EngineThread;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.MarginLevel;
import io.tradeport.tradeserver.engine.MarketHoliday;
import io.tradeport.tradeserver.engine.ModifyOrder;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.ReturnCode;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeRecordUpdate;
import io.tradeport.tradeserver.engine.TradeResult;

/**
 * The trade engine with durability, the API the gateway calls. Each state-changing command runs
 * on the engine's single writer thread, is appended to the write-ahead journal in execution
 * order, and its future completes only after an fsync covering its record (group commit).
 * Recovery on {@link #open} loads the newest snapshot and replays the journal after it, so every
 * acknowledged command survives a crash, with the same tickets, times and prices.
 *
 * <p>Ticks and timer runs are journaled too, because they change state (fills, SL/TP, stop-outs,
 * swaps), but nobody waits for them: the fsync of the next acknowledged command covers them.
 * Refused commands are journaled like the others; replaying them refuses them again.
 *
 * <p>Listener events are delivered when a command is applied, which is before it is durable. After
 * a crash a pumping client may therefore have seen the effect of a command that was never
 * acknowledged and is not recovered; it must resynchronise from snapshots on reconnect anyway.
 *
 * <p>Futures complete on the journal's flusher thread; use the {@code ...Async} stages for heavy
 * follow-up work.
 */
public final class DurableEngine implements AutoCloseable {

	/**
	 * @param snapshotEveryRecords take a snapshot and truncate the journal after this many records
	 */
	public record Options(long snapshotEveryRecords) {

		public static Options defaults() {
			return new Options(1_000_000);
		}
	}

	private final Path directory;
	private final FileChannel lockChannel;
	private final FileLock lock;
	private final CommandClock clock;
	private final SwitchableListener listener;
	private final EngineThread thread;
	private final JournalWriter writer;
	private final SnapshotStore store;
	private final Options options;
	private final ExecutorService snapshotExecutor;
	private @Nullable ScheduledExecutorService timers;

	// Engine thread only.
	private long lastSeq;
	private long recordsSinceSnapshot;
	private @Nullable CompletableFuture<Void> runningSnapshot;

	private DurableEngine(Path directory, FileChannel lockChannel, FileLock lock, CommandClock clock,
			SwitchableListener listener, TradeEngine engine, JournalWriter writer, SnapshotStore store, long lastSeq,
			Options options) {
		this.directory = directory;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.clock = clock;
		this.listener = listener;
		this.writer = writer;
		this.store = store;
		this.lastSeq = lastSeq;
		this.options = options;
		this.thread = new EngineThread(engine, "trade-engine");
		this.snapshotExecutor = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("journal-snapshot")
			.daemon().unstarted(r));
	}

	/**
	 * Opens the data directory, creating it if needed, and recovers the state: newest snapshot plus
	 * the journal records after it. A torn last record (a write cut by the crash, never
	 * acknowledged) is cut off; any other damage stops the start with an exception rather than
	 * silently dropping acknowledged commands.
	 *
	 * @param wallClock the time source for commands; the engine sees it frozen per command
	 * @param listener receives events for commands after recovery, not for the replay itself
	 * @throws IllegalStateException when another process has the directory open
	 */
	public static DurableEngine open(Path directory, Clock wallClock, EngineSettings settings, EngineListener listener,
			Options options) throws IOException {
		Files.createDirectories(directory);
		FileChannel lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = lockChannel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null; // held by this JVM
		}
		if (lock == null) {
			lockChannel.close();
			throw new IllegalStateException("data directory in use by another process: " + directory);
		}
		try {
			SnapshotStore store = new SnapshotStore(directory);
			CommandClock clock = new CommandClock(wallClock);
			SwitchableListener switchable = new SwitchableListener();
			Optional<SnapshotStore.Snapshot> snapshot = store.latest();
			TradeEngine engine;
			long seq;
			if (snapshot.isPresent()) {
				engine = TradeEngine.restore(snapshot.get().state(), clock, settings, switchable);
				seq = snapshot.get().seq();
			}
			else {
				if (!store.segments().isEmpty()) {
					throw new IOException("journal segments without a snapshot in " + directory);
				}
				engine = new TradeEngine(clock, settings, switchable);
				// The empty state has a time in it (the first end of day), so it is the first snapshot.
				store.write(0, engine.exportState());
				seq = 0;
			}
			seq = replay(directory, store, engine, clock, seq);
			JournalWriter writer = new JournalWriter(directory, seq + 1);
			switchable.delegate = listener;
			return new DurableEngine(directory, lockChannel, lock, clock, switchable, engine, writer, store, seq,
					options);
		}
		catch (IOException | RuntimeException ex) {
			lock.release();
			lockChannel.close();
			throw ex;
		}
	}

	public static DurableEngine open(Path directory, Clock wallClock, EngineSettings settings, EngineListener listener)
			throws IOException {
		return open(directory, wallClock, settings, listener, Options.defaults());
	}

	private static long replay(Path directory, SnapshotStore store, TradeEngine engine, CommandClock clock, long seq)
			throws IOException {
		List<Long> segments = store.segments();
		long expected = seq + 1;
		for (int i = 0; i < segments.size(); i++) {
			Path path = JournalWriter.segmentPath(directory, segments.get(i));
			JournalFormat.Scan scan = JournalFormat.scan(path);
			for (JournalEntry entry : scan.entries()) {
				if (entry.seq() < expected) {
					continue; // already in the snapshot
				}
				if (entry.seq() != expected) {
					throw new IOException("journal gap: expected record " + expected + ", found " + entry.seq() + " in " + path);
				}
				clock.set(entry.timeMillis());
				try {
					entry.command().apply(engine);
				}
				catch (RuntimeException ex) {
					// It failed the same way live; whatever it changed before failing is now changed again.
				}
				expected++;
			}
			if (scan.torn()) {
				if (i != segments.size() - 1) {
					throw new IOException("damaged journal segment before the last one: " + path);
				}
				// Only the unsynced tail of the last segment can be torn, and nothing in it was acknowledged.
				try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
					channel.truncate(scan.validLength());
					channel.force(true);
				}
			}
		}
		return expected - 1;
	}

	// ---------------------------------------------------------------- commands (acknowledged after fsync)

	public CompletableFuture<Void> putGroup(GroupConfig config) {
		return durable(new Command.PutGroup(config)).thenApply(ok -> null);
	}

	public CompletableFuture<Void> putSymbol(SymbolConfig config) {
		return durable(new Command.PutSymbol(config)).thenApply(ok -> null);
	}

	/** Completes exceptionally with IllegalArgumentException for an unknown group. */
	public CompletableFuture<AccountState> putAccount(AccountConfig config) {
		return durable(new Command.PutAccount(config));
	}

	public CompletableFuture<TradeResult> balance(Login login, double amount, String comment) {
		return durable(new Command.Balance(login, amount, comment));
	}

	public CompletableFuture<TradeResult> credit(Login login, double amount, String comment) {
		return durable(new Command.Credit(login, amount, comment));
	}

	public CompletableFuture<TradeResult> open(OpenOrder order) {
		return durable(new Command.Open(order));
	}

	public CompletableFuture<TradeResult> modify(ModifyOrder request) {
		return durable(new Command.Modify(request));
	}

	public CompletableFuture<TradeResult> close(Ticket ticket) {
		return durable(new Command.Close(ticket, 0));
	}

	public CompletableFuture<TradeResult> close(Ticket ticket, int volume) {
		if (volume <= 0) {
			return CompletableFuture.completedFuture(new TradeResult(ReturnCode.TRADE_BAD_VOLUME, null));
		}
		return durable(new Command.Close(ticket, volume));
	}

	public CompletableFuture<TradeResult> delete(Ticket ticket) {
		return durable(new Command.Delete(ticket));
	}

	/** A manager's delete; refused with a return code while the account has orders. */
	public CompletableFuture<ReturnCode> removeAccount(Login login) {
		return durable(new Command.RemoveAccount(login));
	}

	public CompletableFuture<ReturnCode> removeGroup(String name) {
		return durable(new Command.RemoveGroup(name));
	}

	/** TT_BR_ORDER_ACTIVATE: fills a pending order at the market. */
	public CompletableFuture<TradeResult> activate(Ticket ticket) {
		return durable(new Command.Activate(ticket));
	}

	/**
	 * Runs {@code body} on the engine thread as one unit: nothing else runs in between, so checks
	 * it makes on the engine's state still hold for the changes it then makes. Each change goes
	 * through the {@link Transaction} and is journaled as its own command in order, so replay
	 * repeats exactly the changes that were made; the checks themselves need no journal because
	 * they read deterministic state. Completes after the fsync covering the last change, also when
	 * {@code body} throws after changing something.
	 */
	public <T> CompletableFuture<T> transact(Function<Transaction, T> body) {
		return thread.submit(engine -> {
			Transaction transaction = new Transaction(engine);
			try {
				return new Applied<>(body.apply(transaction), lastSeq, null);
			}
			catch (RuntimeException ex) {
				return new Applied<T>(null, lastSeq, ex);
			}
			finally {
				transaction.open = false;
			}
		}).thenCompose(applied -> writer.whenDurable(applied.seq).thenApply(v -> applied.get()));
	}

	/**
	 * The engine inside {@link #transact}: reads through {@link #engine()}, changes through the
	 * journaled methods. Valid only during the body.
	 */
	public final class Transaction {

		private final TradeEngine engine;
		private boolean open = true;

		private Transaction(TradeEngine engine) {
			this.engine = engine;
		}

		/** For reads only: a change made here directly would bypass the journal and be lost in a crash. */
		public TradeEngine engine() {
			requireOpen();
			return engine;
		}

		public void putGroup(GroupConfig config) {
			apply(new Command.PutGroup(config));
		}

		public void putSymbol(SymbolConfig config) {
			apply(new Command.PutSymbol(config));
		}

		public void putHolidays(List<MarketHoliday> holidays) {
			apply(new Command.PutHolidays(holidays));
		}

		public AccountState putAccount(AccountConfig config) {
			return apply(new Command.PutAccount(config));
		}

		public TradeResult balance(Login login, double amount, String comment) {
			return apply(new Command.Balance(login, amount, comment));
		}

		public TradeResult credit(Login login, double amount, String comment) {
			return apply(new Command.Credit(login, amount, comment));
		}

		public TradeResult open(OpenOrder order) {
			return apply(new Command.Open(order));
		}

		public TradeResult modify(ModifyOrder request) {
			return apply(new Command.Modify(request));
		}

		/** {@code volume} 0 closes the whole position. */
		public TradeResult close(Ticket ticket, int volume) {
			if (volume < 0) {
				return new TradeResult(ReturnCode.TRADE_BAD_VOLUME, null);
			}
			return apply(new Command.Close(ticket, volume));
		}

		/** A client's close at the price it saw ({@link TradeEngine#close(Ticket, int, double, int)}). */
		public TradeResult close(Ticket ticket, int volume, double price, int deviation) {
			return apply(new Command.CloseRequested(ticket, volume, price, deviation));
		}

		public TradeResult delete(Ticket ticket) {
			return apply(new Command.Delete(ticket));
		}

		public TradeResult activate(Ticket ticket) {
			return apply(new Command.Activate(ticket));
		}

		public TradeResult deletePosition(Ticket ticket) {
			return apply(new Command.DeletePosition(ticket));
		}

		public TradeResult restoreOrder(TradeRecord backup) {
			return apply(new Command.RestoreOrder(backup));
		}

		public ReturnCode removeSymbol(String name) {
			return apply(new Command.RemoveSymbol(name));
		}

		public TradeResult openAt(OpenOrder order, double price) {
			return apply(new Command.OpenAt(order, price));
		}

		public TradeResult closeAt(Ticket ticket, int volume, double price) {
			return apply(new Command.CloseAt(ticket, volume, price));
		}

		public TradeResult closeBy(Ticket ticket, Ticket by) {
			return apply(new Command.CloseBy(ticket, by));
		}

		public TradeResult closeAll(Login login, String symbol) {
			return apply(new Command.CloseAll(login, symbol));
		}

		public TradeResult fixBalance(Login login) {
			return apply(new Command.FixBalance(login));
		}

		public TradeResult modifyRecord(TradeRecordUpdate update) {
			return apply(new Command.ModifyRecord(update));
		}

		public ReturnCode removeAccount(Login login) {
			return apply(new Command.RemoveAccount(login));
		}

		public ReturnCode removeGroup(String name) {
			return apply(new Command.RemoveGroup(name));
		}

		public boolean tick(String symbol, double bid, double ask) {
			return apply(new Command.Tick(symbol, bid, ask));
		}

		private <T> T apply(Command<T> command) {
			requireOpen();
			return run(engine, command).get();
		}

		private void requireOpen() {
			if (!open) {
				throw new IllegalStateException("the transaction has ended");
			}
		}
	}

	// ---------------------------------------------------------------- feed and time (journaled, not awaited)

	/** Applies a feed quote; completes when applied (false for an unknown symbol or a bad price). */
	public CompletableFuture<Boolean> tick(String symbol, double bid, double ask) {
		return applied(new Command.Tick(symbol, bid, ask));
	}

	/** Expirations and end of day as of now. */
	public CompletableFuture<Boolean> processTimers() {
		return applied(new Command.Timers());
	}

	/**
	 * Stops the timer runs; a run already submitted still happens and is journaled. Commands are not
	 * affected, and {@link #startTimers} may be called again.
	 */
	public synchronized void stopTimers() {
		if (timers != null) {
			timers.shutdownNow();
			timers = null;
		}
	}

	/** Runs {@link #processTimers} every {@code period}, for example every second. */
	public synchronized void startTimers(Duration period) {
		if (timers != null) {
			throw new IllegalStateException("timers already started");
		}
		timers = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("engine-timers")
			.daemon().unstarted(r));
		timers.scheduleAtFixedRate(this::processTimers, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
	}

	// ---------------------------------------------------------------- queries

	/**
	 * Runs a read-only query on the engine thread. Calling a state-changing engine method here
	 * would bypass the journal and be lost in a crash.
	 */
	public <T> CompletableFuture<T> read(Function<TradeEngine, T> query) {
		return thread.submit(query);
	}

	public CompletableFuture<Optional<AccountState>> account(Login login) {
		return read(engine -> engine.account(login));
	}

	public CompletableFuture<Optional<MarginLevel>> marginLevel(Login login) {
		return read(engine -> engine.marginLevel(login));
	}

	public CompletableFuture<List<TradeRecord>> openTrades(Login login) {
		return read(engine -> engine.openTrades(login));
	}

	public CompletableFuture<List<TradeRecord>> history(Login login) {
		return read(engine -> engine.history(login));
	}

	public CompletableFuture<Optional<Quote>> quote(String symbol) {
		return read(engine -> engine.quote(symbol));
	}

	public CompletableFuture<EngineState> exportState() {
		return read(TradeEngine::exportState);
	}

	// ---------------------------------------------------------------- snapshots

	/**
	 * Writes a snapshot of the current state and deletes the journal it makes redundant, or joins
	 * the snapshot already in progress. Completes when the snapshot is durable. Also taken
	 * automatically every {@link Options#snapshotEveryRecords} records.
	 */
	public CompletableFuture<Void> snapshot() {
		return thread.submit(this::startSnapshot).thenCompose(f -> f);
	}

	/** Number of fsyncs of the journal so far; with the record count it shows how well commits group. */
	public long journalSyncs() {
		return writer.syncs();
	}

	public Path directory() {
		return directory;
	}

	// ---------------------------------------------------------------- internals

	private record Applied<T>(@Nullable T result, long seq, @Nullable RuntimeException failure) {

		T get() {
			if (failure != null) {
				throw failure;
			}
			return result;
		}
	}

	private <T> CompletableFuture<T> durable(Command<T> command) {
		return thread.submit(engine -> run(engine, command))
			.thenCompose(applied -> writer.whenDurable(applied.seq).thenApply(v -> applied.get()));
	}

	private <T> CompletableFuture<T> applied(Command<T> command) {
		return thread.submit(engine -> run(engine, command).get());
	}

	/**
	 * On the engine thread: apply, then queue the record. A command that throws is journaled all
	 * the same: it may have changed some state before failing, and replay, being deterministic,
	 * repeats exactly that. Dropping it would let memory and journal drift apart (tickets included).
	 */
	private <T> Applied<T> run(TradeEngine engine, Command<T> command) {
		long time = clock.advance();
		long seq = lastSeq + 1;
		// Encoded before applying: if encoding failed after the change, memory would be ahead of the journal.
		byte[] record = JournalFormat.encode(seq, time, command);
		T result = null;
		RuntimeException failure = null;
		try {
			result = command.apply(engine);
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		if (failure == null && command instanceof Command.Tick && !Boolean.TRUE.equals(result)) {
			return new Applied<>(result, lastSeq, null); // an ignored quote changed nothing
		}
		writer.append(seq, record);
		lastSeq = seq;
		if (++recordsSinceSnapshot >= options.snapshotEveryRecords() && runningSnapshot == null) {
			startSnapshot(engine);
		}
		return new Applied<>(result, seq, failure);
	}

	/**
	 * On the engine thread: the state is exported here, between two commands, so it is exactly
	 * the state after record {@code lastSeq}; serialising and writing it happen off this thread.
	 */
	private CompletableFuture<Void> startSnapshot(TradeEngine engine) {
		if (runningSnapshot != null) {
			return runningSnapshot;
		}
		EngineState state = engine.exportState();
		long seq = lastSeq;
		recordsSinceSnapshot = 0;
		// After the rotation completes, every record up to seq is durable in the old segments.
		CompletableFuture<Void> snapshot = writer.rotate(seq + 1).thenRunAsync(() -> {
			try {
				store.write(seq, state);
				store.prune(seq);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, snapshotExecutor);
		runningSnapshot = snapshot;
		snapshot.whenComplete((v, ex) -> thread.execute(e -> runningSnapshot = null));
		return snapshot;
	}

	/**
	 * Stops the timers, finishes the queued commands, makes the journal durable and releases the
	 * directory. No snapshot is written: recovery replays the journal. Stop the feed and other
	 * producers first; commands submitted after this are rejected.
	 */
	@Override
	public void close() throws IOException, InterruptedException {
		synchronized (this) {
			if (timers != null) {
				timers.shutdownNow();
			}
		}
		thread.close();
		snapshotExecutor.shutdown();
		snapshotExecutor.awaitTermination(30, TimeUnit.SECONDS);
		writer.close();
		lock.release();
		lockChannel.close();
	}

	/**
	 * Silent while the journal is replayed, then forwards to the caller's listener. A listener's
	 * exception is reported and swallowed: thrown into the engine it would abort a command halfway,
	 * for a reason replay cannot reproduce.
	 */
	private static final class SwitchableListener implements EngineListener {

		volatile EngineListener delegate = EngineListener.NONE;

		private static void guard(Runnable call) {
			try {
				call.run();
			}
			catch (RuntimeException ex) {
				Thread current = Thread.currentThread();
				current.getUncaughtExceptionHandler().uncaughtException(current, ex);
			}
		}

		@Override
		public void tradeOpened(TradeRecord trade) {
			guard(() -> delegate.tradeOpened(trade));
		}

		@Override
		public void tradeModified(TradeRecord trade) {
			guard(() -> delegate.tradeModified(trade));
		}

		@Override
		public void tradeClosed(TradeRecord trade) {
			guard(() -> delegate.tradeClosed(trade));
		}

		@Override
		public void tradeDeleted(TradeRecord trade) {
			guard(() -> delegate.tradeDeleted(trade));
		}

		@Override
		public void accountChanged(AccountState account) {
			guard(() -> delegate.accountChanged(account));
		}

		@Override
		public void marginLevelChanged(MarginLevel level) {
			guard(() -> delegate.marginLevelChanged(level));
		}

		@Override
		public void tickApplied(Quote quote) {
			guard(() -> delegate.tickApplied(quote));
		}

		@Override
		public void dailyReport(DailyReport report) {
			guard(() -> delegate.dailyReport(report));
		}
	}
}
