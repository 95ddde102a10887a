package io.tradeport.tradeserver.reports;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineThread;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.journal.DurableEngine;

/**
 * Replicates a {@link io.tradeport.tradeserver.engine.TradeEngine} into MT4 Report Server tables
 * (MT4_USERS, MT4_TRADES, MT4_PRICES, MT4_DAILY, MT4_CONFIG), like MetaQuotes' report server does for
 * a real MT4 server.
 *
 * <p>Wiring: pass {@link #listener()} to the engine (compose it with other listeners if needed),
 * then {@link #start(EngineThread)}. On every start the replicator reconciles the tables with a
 * snapshot of the engine and then follows the engine's events.
 *
 * <p>The engine thread only ever offers events to a bounded queue. When the queue is full the
 * event is dropped and the writer runs a new reconciliation, which covers whatever was dropped.
 * Snapshots are taken by a task queued on the engine thread, never by locking the engine. Daily
 * reports are not part of the engine's snapshot, so they have their own buffer that keeps them
 * while the database is unreachable or the replicator is stopped.
 *
 * <p>Every write is an upsert by primary key, so writing a row twice (after a crash, a retry or a
 * reconciliation) is harmless.
 */
public final class ReportReplicator implements AutoCloseable {

	private static final Logger LOG = Logger.getLogger(ReportReplicator.class.getName());
	private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private final ReplicationSettings settings;
	private final ConnectionFactory database;
	private final Clock clock;

	private final ArrayBlockingQueue<Change> queue;
	private final ConcurrentLinkedQueue<DailyReport> dailyBuffer = new ConcurrentLinkedQueue<>();
	private final AtomicInteger dailyCount = new AtomicInteger();
	private final ConcurrentLinkedQueue<Snapshot> snapshots = new ConcurrentLinkedQueue<>();
	private final AtomicInteger snapshotsInFlight = new AtomicInteger();

	/** Engine thread only: the sequence number of the last event offered. */
	private long sequence;
	private volatile boolean accepting;
	private volatile boolean overflowed;

	private volatile boolean running;
	private volatile boolean connected;
	private volatile @Nullable String lastError;
	private final AtomicLong reconciliations = new AtomicLong();
	private final AtomicLong rowsWritten = new AtomicLong();
	private final AtomicLong droppedEvents = new AtomicLong();

	private @Nullable Thread writer;
	/** Queues a read-only task on the engine thread; throws RejectedExecutionException when stopped. */
	private @Nullable Consumer<Consumer<TradeEngine>> engine;

	private ReportReplicator(ReplicationSettings settings, ConnectionFactory database, Clock clock) {
		this.settings = settings;
		this.database = database;
		this.clock = clock;
		this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
	}

	/**
	 * @param clock the engine's clock, so that TIMESTAMP and MODIFY_TIME follow the same time as the trades
	 */
	public static ReportReplicator create(ReplicationSettings settings, ConnectionFactory database, Clock clock) {
		return new ReportReplicator(settings, database, clock);
	}

	/** The listener to give the engine. Its methods only enqueue; they never block or touch the database. */
	public EngineListener listener() {
		return new Listener();
	}

	/**
	 * Starts the writer thread: a full reconciliation from the engine's snapshot, then the events.
	 * Returns at once; the database need not be reachable yet.
	 */
	public synchronized void start(EngineThread engineThread) {
		start(task -> engineThread.execute(task));
	}

	/** Like {@link #start(EngineThread)}, for an engine behind the journal; the snapshots are reads. */
	public synchronized void start(DurableEngine durableEngine) {
		start(task -> durableEngine.read(e -> {
			task.accept(e);
			return null;
		}));
	}

	private void start(Consumer<Consumer<TradeEngine>> onEngineThread) {
		if (running) {
			throw new IllegalStateException("already running");
		}
		engine = onEngineThread;
		running = true;
		// Queued now rather than by the writer thread, so that the engine stops dropping events soon.
		requestSnapshot(true);
		Thread thread = new Thread(this::run, "report-replicator");
		thread.setDaemon(true);
		writer = thread;
		thread.start();
	}

	/**
	 * Stops following the engine: writes what is queued if the database is reachable, then closes
	 * the connection. Events until the next {@link #start} are not kept (that start reconciles),
	 * except daily reports.
	 */
	public synchronized void stop() throws InterruptedException {
		Thread thread = writer;
		if (thread == null) {
			return;
		}
		accepting = false;
		running = false;
		LockSupport.unpark(thread);
		thread.join();
		writer = null;
		queue.clear();
		snapshots.clear();
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	public ReplicationStatus status() {
		return new ReplicationStatus(running, connected, reconciliations.get(), rowsWritten.get(), droppedEvents.get(),
				lastError);
	}

	// ---------------------------------------------------------------- engine thread

	private final class Listener implements EngineListener {

		@Override
		public void tradeOpened(TradeRecord trade) {
			trade(trade);
		}

		@Override
		public void tradeModified(TradeRecord trade) {
			trade(trade);
		}

		@Override
		public void tradeClosed(TradeRecord trade) {
			trade(trade);
		}

		private void trade(TradeRecord trade) {
			if (accepting) {
				offer(new Change.TradeChange(++sequence, trade, clock.instant()));
			}
		}

		@Override
		public void tradeDeleted(TradeRecord trade) {
			if (accepting) {
				offer(new Change.TradeDeleted(++sequence, trade.ticket().value()));
			}
		}

		@Override
		public void accountChanged(AccountState account) {
			if (accepting) {
				offer(new Change.AccountChange(++sequence, account, clock.instant()));
			}
		}

		@Override
		public void tickApplied(Quote quote) {
			if (accepting) {
				offer(new Change.QuoteChange(++sequence, quote));
			}
		}

		@Override
		public void dailyReport(DailyReport report) {
			if (dailyCount.incrementAndGet() > settings.dailyBufferCapacity()) {
				dailyCount.decrementAndGet();
				droppedEvents.incrementAndGet();
				LOG.warning(() -> "daily report buffer full, dropped " + report.login() + " " + report.tradingDay());
				return;
			}
			dailyBuffer.add(report);
		}

		private void offer(Change change) {
			if (!queue.offer(change)) {
				// Stop accepting until a reconciliation has covered the gap; offering more would
				// only make the writer apply events that are already out of date.
				accepting = false;
				overflowed = true;
				droppedEvents.incrementAndGet();
			}
		}
	}

	/** Queues a snapshot task on the engine thread; the writer picks the result up in event order. */
	private void requestSnapshot(boolean full) {
		Consumer<Consumer<TradeEngine>> engineThread = engine;
		if (engineThread == null) {
			return;
		}
		snapshotsInFlight.incrementAndGet();
		try {
			engineThread.accept(e -> {
				try {
					Snapshot snapshot = Snapshot.take(e, sequence, clock.instant(), full);
					snapshots.add(snapshot);
					if (full && running) {
						accepting = true;
					}
				}
				finally {
					snapshotsInFlight.decrementAndGet();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			snapshotsInFlight.decrementAndGet();
			lastError = "engine thread is not accepting work";
		}
	}

	// ---------------------------------------------------------------- writer thread

	private void run() {
		WriteUnit unit = new WriteUnit();
		WriteUnit.PriceTracker tracker = new WriteUnit.PriceTracker(settings.serverZone());
		Map<String, Integer> digits = new HashMap<>();
		ReportWriter db = null;
		long backoff = 0;
		long nextRefresh = System.nanoTime() + settings.refreshInterval().toNanos();
		List<Change> drained = new ArrayList<>();
		boolean retry = false;
		while (running) {
			try {
				if (db == null) {
					db = new ReportWriter(database.open(), settings.serverZone(), settings.batchSize());
					db.writeConfig(settings.serverAddress());
					connected = true;
				}
				if (overflowed) {
					overflowed = false;
					requestSnapshot(true);
				}
				if (System.nanoTime() - nextRefresh >= 0) {
					nextRefresh = System.nanoTime() + settings.refreshInterval().toNanos();
					if (snapshotsInFlight.get() == 0) {
						requestSnapshot(false);
					}
				}
				if (!retry) {
					collect(unit, drained, tracker, digits, db);
				}
				retry = true;
				if (!unit.isEmpty()) {
					rowsWritten.addAndGet(db.write(unit, clock.instant(), digits));
				}
				retry = false;
				lastError = null;
				backoff = 0;
			}
			catch (SQLException | RuntimeException ex) {
				// The unit is kept and retried; events stay queued meanwhile, and if the queue fills
				// up the reconciliation after reconnecting covers the rest.
				LOG.log(Level.FINE, "report database write failed", ex);
				lastError = ex.toString();
				connected = false;
				if (db != null) {
					db.close();
					db = null;
				}
				backoff = Math.min(Math.max(MIN_BACKOFF_NANOS, backoff * 2), settings.maxBackoff().toNanos());
				LockSupport.parkNanos(backoff);
			}
		}
		if (db != null) {
			try {
				collect(unit, drained, tracker, digits, db);
				db.write(unit, clock.instant(), digits);
			}
			catch (SQLException | RuntimeException ex) {
				LOG.log(Level.FINE, "final report write failed; the next start reconciles", ex);
			}
			db.close();
		}
		connected = false;
	}

	/**
	 * Moves queued events, snapshots and daily reports into {@code unit}, merging events and
	 * snapshots in sequence order so that a snapshot never overwrites a newer event nor an older
	 * event a snapshot.
	 */
	private void collect(WriteUnit unit, List<Change> drained, WriteUnit.PriceTracker tracker,
			Map<String, Integer> digits, ReportWriter db) throws SQLException {
		// The only queries that can fail run before anything is taken from the queues.
		BitSet closed = null;
		BitSet open = null;
		for (Snapshot s : snapshots) {
			if (s.full()) {
				closed = db.closedTickets();
				open = db.openTickets();
				break;
			}
		}
		drained.clear();
		Change first = null;
		if (snapshots.isEmpty() && dailyBuffer.isEmpty()) {
			try {
				first = queue.poll(50, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (first != null) {
			drained.add(first);
		}
		queue.drainTo(drained, settings.batchSize() * 10);
		// Read after draining: a snapshot is published before any later event is queued, so every
		// snapshot older than the last drained event is visible now.
		List<Snapshot> taken = new ArrayList<>();
		for (Snapshot s; (s = snapshots.poll()) != null;) {
			taken.add(s);
		}
		int next = 0;
		for (Snapshot snapshot : taken) {
			while (next < drained.size() && drained.get(next).seq() <= snapshot.seq()) {
				unit.add(drained.get(next++), tracker);
			}
			digits.putAll(snapshot.digits());
			boolean reconcile = snapshot.full() && closed != null && open != null;
			unit.add(snapshot, tracker, reconcile ? closed : new BitSet(), reconcile ? open : new BitSet());
			if (snapshot.full()) {
				reconciliations.incrementAndGet();
			}
		}
		while (next < drained.size()) {
			unit.add(drained.get(next++), tracker);
		}
		for (DailyReport report; unit.daily.size() < settings.batchSize() * 10 && (report = dailyBuffer.poll()) != null;) {
			dailyCount.decrementAndGet();
			unit.daily.add(report);
		}
		if (!unit.prices.isEmpty() && !digits.keySet().containsAll(unit.prices.keySet()) && snapshotsInFlight.get() == 0) {
			// A symbol added after the last snapshot: its digits come with the next one.
			requestSnapshot(false);
		}
	}
}
