package io.tradeport.tradeserver.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.EngineThread;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
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
import io.tradeport.tradeserver.journal.DurableEngine;
import io.tradeport.tradeserver.reports.ReportReplicator;
import io.tradeport.tradeserver.simulation.Venue;

/**
 * The engine as the server's parts use it. Reads run on the engine thread. Writes run there too,
 * as one unit per call (checks and changes with nothing in between); behind the journal each
 * change is journaled and the call returns only after the fsync that covers it. In memory (no data
 * directory, as in tests) the same calls go straight to the engine.
 */
abstract sealed class EngineAccess implements AutoCloseable {

	/** State changes inside {@link #write}; reads go through {@link #engine()}. */
	interface Writes {

		/** For reads: a change made on it directly would bypass the journal. */
		TradeEngine engine();

		void putGroup(GroupConfig config);

		void putSymbol(SymbolConfig config);

		void putHolidays(List<MarketHoliday> holidays);

		AccountState putAccount(AccountConfig config);

		TradeResult balance(Login login, double amount, String comment);

		TradeResult credit(Login login, double amount, String comment);

		TradeResult open(OpenOrder order);

		TradeResult modify(ModifyOrder request);

		TradeResult close(Ticket ticket, int volume);

		/** A client's close at the price it saw, checked as the symbol's execution mode says. */
		TradeResult close(Ticket ticket, int volume, double price, int deviation);

		TradeResult delete(Ticket ticket);

		TradeResult activate(Ticket ticket);

		TradeResult deletePosition(Ticket ticket);

		TradeResult restoreOrder(TradeRecord backup);

		TradeResult fixBalance(Login login);

		TradeResult openAt(OpenOrder order, double price);

		ReturnCode removeSymbol(String name);

		TradeResult closeAt(Ticket ticket, int volume, double price);

		TradeResult closeBy(Ticket ticket, Ticket by);

		TradeResult closeAll(Login login, String symbol);

		TradeResult modifyRecord(TradeRecordUpdate update);

		ReturnCode removeAccount(Login login);

		ReturnCode removeGroup(String name);

		boolean tick(String symbol, double bid, double ask);
	}

	static EngineAccess inMemory(TradeEngine engine) {
		return new InMemory(new EngineThread(engine, "trade-engine"));
	}

	static EngineAccess journaled(DurableEngine engine) {
		return new Journaled(engine);
	}

	abstract <T> CompletableFuture<T> submitRead(Function<TradeEngine, T> query);

	abstract <T> CompletableFuture<T> submitWrite(Function<Writes, T> command);

	/** A feed quote: applied (and journaled) in order, not awaited. */
	abstract void tick(String symbol, double bid, double ask);

	/** Expirations and end of day every {@code period}. */
	abstract void startTimers(Duration period);

	/** Stops what {@link #startTimers} started; commands already queued are not affected. */
	abstract void stopTimers();

	abstract void startReplication(ReportReplicator replicator);

	/** True when the engine came up empty: no group yet, so a fresh data directory (or memory). */
	final boolean isEmpty() {
		return read(e -> e.groups().isEmpty());
	}

	/** Runs {@code query} on the engine thread and waits; exceptions come back unwrapped. */
	final <T> T read(Function<TradeEngine, T> query) {
		return join(submitRead(query));
	}

	/** Read-only work on the engine thread, not awaited. */
	final void execute(Consumer<TradeEngine> task) {
		submitRead(e -> {
			task.accept(e);
			return null;
		});
	}

	/** Runs {@code command} as one unit on the engine thread; returns once its changes are durable. */
	final <T> T write(Function<Writes, T> command) {
		return join(submitWrite(command));
	}

	/** What the simulated traders trade through: every change acknowledged like a gateway call. */
	final Venue venue() {
		return new Venue() {
			@Override
			public AccountState putAccount(AccountConfig config) {
				return write(w -> w.putAccount(config));
			}

			@Override
			public Optional<AccountState> account(Login login) {
				return read(e -> e.account(login));
			}

			@Override
			public List<TradeRecord> openTrades(Login login) {
				return read(e -> e.openTrades(login));
			}

			@Override
			public Optional<Quote> quote(String symbol) {
				return read(e -> e.quote(symbol));
			}

			@Override
			public Optional<SymbolConfig> symbol(String name) {
				return read(e -> e.symbols().stream().filter(s -> s.name().equals(name)).findFirst());
			}

			@Override
			public TradeResult balance(Login login, double amount, String comment) {
				return write(w -> w.balance(login, amount, comment));
			}

			@Override
			public TradeResult open(OpenOrder order) {
				return write(w -> w.open(order));
			}

			@Override
			public TradeResult modify(ModifyOrder request) {
				return write(w -> w.modify(request));
			}

			@Override
			public TradeResult close(Ticket ticket) {
				return write(w -> w.close(ticket, 0));
			}

			@Override
			public TradeResult delete(Ticket ticket) {
				return write(w -> w.delete(ticket));
			}
		};
	}

	@Override
	public abstract void close();

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	// ---------------------------------------------------------------- in memory

	private static final class InMemory extends EngineAccess {

		private final EngineThread thread;

		InMemory(EngineThread thread) {
			this.thread = thread;
		}

		@Override
		<T> CompletableFuture<T> submitRead(Function<TradeEngine, T> query) {
			return thread.submit(query);
		}

		@Override
		<T> CompletableFuture<T> submitWrite(Function<Writes, T> command) {
			return thread.submit(e -> command.apply(new Direct(e)));
		}

		@Override
		void tick(String symbol, double bid, double ask) {
			thread.execute(e -> e.tick(symbol, bid, ask));
		}

		@Override
		void startTimers(Duration period) {
			thread.startTimers(period);
		}

		@Override
		void stopTimers() {
			thread.stopTimers();
		}

		@Override
		void startReplication(ReportReplicator replicator) {
			replicator.start(thread);
		}

		@Override
		public void close() {
			try {
				thread.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private record Direct(TradeEngine engine) implements Writes {

		@Override
		public void putGroup(GroupConfig config) {
			engine.putGroup(config);
		}

		@Override
		public void putSymbol(SymbolConfig config) {
			engine.putSymbol(config);
		}

		@Override
		public void putHolidays(List<MarketHoliday> holidays) {
			engine.putHolidays(holidays);
		}

		@Override
		public AccountState putAccount(AccountConfig config) {
			return engine.putAccount(config);
		}

		@Override
		public TradeResult balance(Login login, double amount, String comment) {
			return engine.balance(login, amount, comment);
		}

		@Override
		public TradeResult credit(Login login, double amount, String comment) {
			return engine.credit(login, amount, comment);
		}

		@Override
		public TradeResult open(OpenOrder order) {
			return engine.open(order);
		}

		@Override
		public TradeResult modify(ModifyOrder request) {
			return engine.modify(request);
		}

		@Override
		public TradeResult close(Ticket ticket, int volume) {
			return volume == 0 ? engine.close(ticket) : engine.close(ticket, volume);
		}

		@Override
		public TradeResult close(Ticket ticket, int volume, double price, int deviation) {
			return engine.close(ticket, volume, price, deviation);
		}

		@Override
		public TradeResult delete(Ticket ticket) {
			return engine.delete(ticket);
		}

		@Override
		public TradeResult activate(Ticket ticket) {
			return engine.activate(ticket);
		}

		@Override
		public TradeResult deletePosition(Ticket ticket) {
			return engine.deletePosition(ticket);
		}

		@Override
		public TradeResult restoreOrder(TradeRecord backup) {
			return engine.restoreOrder(backup);
		}

		@Override
		public TradeResult fixBalance(Login login) {
			return engine.fixBalance(login);
		}

		@Override
		public TradeResult openAt(OpenOrder order, double price) {
			return engine.openAt(order, price);
		}

		@Override
		public ReturnCode removeSymbol(String name) {
			return engine.removeSymbol(name);
		}

		@Override
		public TradeResult closeAt(Ticket ticket, int volume, double price) {
			return engine.closeAt(ticket, volume, price);
		}

		@Override
		public TradeResult closeBy(Ticket ticket, Ticket by) {
			return engine.closeBy(ticket, by);
		}

		@Override
		public TradeResult closeAll(Login login, String symbol) {
			return engine.closeAll(login, symbol);
		}

		@Override
		public TradeResult modifyRecord(TradeRecordUpdate update) {
			return engine.modifyRecord(update);
		}

		@Override
		public ReturnCode removeAccount(Login login) {
			return engine.removeAccount(login);
		}

		@Override
		public ReturnCode removeGroup(String name) {
			return engine.removeGroup(name);
		}

		@Override
		public boolean tick(String symbol, double bid, double ask) {
			return engine.tick(symbol, bid, ask);
		}
	}

	// ---------------------------------------------------------------- behind the journal

	private static final class Journaled extends EngineAccess {

		private final DurableEngine engine;

		Journaled(DurableEngine engine) {
			this.engine = engine;
		}

		@Override
		<T> CompletableFuture<T> submitRead(Function<TradeEngine, T> query) {
			return engine.read(query);
		}

		@Override
		<T> CompletableFuture<T> submitWrite(Function<Writes, T> command) {
			return engine.transact(tx -> command.apply(new InTransaction(tx)));
		}

		@Override
		void tick(String symbol, double bid, double ask) {
			engine.tick(symbol, bid, ask);
		}

		@Override
		void startTimers(Duration period) {
			engine.startTimers(period);
		}

		@Override
		void stopTimers() {
			engine.stopTimers();
		}

		@Override
		void startReplication(ReportReplicator replicator) {
			replicator.start(engine);
		}

		@Override
		public void close() {
			try {
				engine.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private record InTransaction(DurableEngine.Transaction tx) implements Writes {

		@Override
		public TradeEngine engine() {
			return tx.engine();
		}

		@Override
		public void putGroup(GroupConfig config) {
			tx.putGroup(config);
		}

		@Override
		public void putSymbol(SymbolConfig config) {
			tx.putSymbol(config);
		}

		@Override
		public void putHolidays(List<MarketHoliday> holidays) {
			tx.putHolidays(holidays);
		}

		@Override
		public AccountState putAccount(AccountConfig config) {
			return tx.putAccount(config);
		}

		@Override
		public TradeResult balance(Login login, double amount, String comment) {
			return tx.balance(login, amount, comment);
		}

		@Override
		public TradeResult credit(Login login, double amount, String comment) {
			return tx.credit(login, amount, comment);
		}

		@Override
		public TradeResult open(OpenOrder order) {
			return tx.open(order);
		}

		@Override
		public TradeResult modify(ModifyOrder request) {
			return tx.modify(request);
		}

		@Override
		public TradeResult close(Ticket ticket, int volume) {
			return tx.close(ticket, volume);
		}

		@Override
		public TradeResult close(Ticket ticket, int volume, double price, int deviation) {
			return tx.close(ticket, volume, price, deviation);
		}

		@Override
		public TradeResult delete(Ticket ticket) {
			return tx.delete(ticket);
		}

		@Override
		public TradeResult activate(Ticket ticket) {
			return tx.activate(ticket);
		}

		@Override
		public TradeResult deletePosition(Ticket ticket) {
			return tx.deletePosition(ticket);
		}

		@Override
		public TradeResult restoreOrder(TradeRecord backup) {
			return tx.restoreOrder(backup);
		}

		@Override
		public TradeResult fixBalance(Login login) {
			return tx.fixBalance(login);
		}

		@Override
		public TradeResult openAt(OpenOrder order, double price) {
			return tx.openAt(order, price);
		}

		@Override
		public ReturnCode removeSymbol(String name) {
			return tx.removeSymbol(name);
		}

		@Override
		public TradeResult closeAt(Ticket ticket, int volume, double price) {
			return tx.closeAt(ticket, volume, price);
		}

		@Override
		public TradeResult closeBy(Ticket ticket, Ticket by) {
			return tx.closeBy(ticket, by);
		}

		@Override
		public TradeResult closeAll(Login login, String symbol) {
			return tx.closeAll(login, symbol);
		}

		@Override
		public TradeResult modifyRecord(TradeRecordUpdate update) {
			return tx.modifyRecord(update);
		}

		@Override
		public ReturnCode removeAccount(Login login) {
			return tx.removeAccount(login);
		}

		@Override
		public ReturnCode removeGroup(String name) {
			return tx.removeGroup(name);
		}

		@Override
		public boolean tick(String symbol, double bid, double ask) {
			return tx.tick(symbol, bid, ask);
		}
	}
}
