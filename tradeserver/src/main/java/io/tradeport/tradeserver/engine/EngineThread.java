package io.tradeport.tradeserver.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The single writer: one platform thread that owns a {@link TradeEngine}. Commands, ticks and
 * timer calls from any thread are queued to it and run one at a time, in submission order.
 * Listener callbacks run on this thread, so a listener must not wait for a future from here.
 */
public final class EngineThread implements AutoCloseable {

	private final TradeEngine engine;
	private final ScheduledExecutorService executor;
	private @Nullable ScheduledFuture<?> timers;

	public EngineThread(TradeEngine engine, String name) {
		this.engine = engine;
		this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs {@code command} on the engine thread; the future completes with its result. */
	public <T> CompletableFuture<T> submit(Function<TradeEngine, T> command) {
		return CompletableFuture.supplyAsync(() -> command.apply(engine), executor);
	}

	public CompletableFuture<Void> execute(Consumer<TradeEngine> command) {
		return CompletableFuture.runAsync(() -> command.accept(engine), executor);
	}

	/**
	 * Calls {@link TradeEngine#processTimers()} every {@code period} (expirations, end of day),
	 * interleaved with the queued commands.
	 */
	public synchronized void startTimers(Duration period) {
		if (timers != null) {
			throw new IllegalStateException("timers already started");
		}
		timers = executor.scheduleAtFixedRate(() -> {
			try {
				engine.processTimers();
			}
			catch (RuntimeException ex) {
				// A failing run must not cancel the schedule, which would silently stop end of day.
				Thread current = Thread.currentThread();
				current.getUncaughtExceptionHandler().uncaughtException(current, ex);
			}
		}, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Stops the timer runs; a run already queued still happens. Queued commands are not affected,
	 * and {@link #startTimers} may be called again.
	 */
	public synchronized void stopTimers() {
		if (timers != null) {
			timers.cancel(false);
			timers = null;
		}
	}

	/** Stops accepting work and waits for the queued commands to finish. */
	@Override
	public void close() throws InterruptedException {
		executor.shutdown();
		if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
			executor.shutdownNow();
		}
	}
}
