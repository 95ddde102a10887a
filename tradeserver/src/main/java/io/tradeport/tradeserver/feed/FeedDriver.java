package io.tradeport.tradeserver.feed;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.tradeport.tradeserver.engine.EngineThread;

/**
 * Runs a {@link PriceFeed} in real time: every {@code period} it produces the ticks up to the
 * clock's now and hands them to the sink, for example the engine and the history.
 */
public final class FeedDriver implements AutoCloseable {

	private final ScheduledExecutorService executor;

	private FeedDriver(ScheduledExecutorService executor) {
		this.executor = executor;
	}

	public static FeedDriver start(PriceFeed feed, Clock clock, Duration period, Consumer<Tick> sink) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "price-feed");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleAtFixedRate(() -> {
			try {
				feed.advanceTo(clock.instant(), sink);
			}
			catch (RuntimeException ex) {
				// One failing sink call must not cancel the schedule and silently freeze all prices.
				Thread current = Thread.currentThread();
				current.getUncaughtExceptionHandler().uncaughtException(current, ex);
			}
		}, 0, period.toNanos(), TimeUnit.NANOSECONDS);
		return new FeedDriver(executor);
	}

	/** A sink that queues each tick to the engine's single writer. */
	public static Consumer<Tick> toEngine(EngineThread engine) {
		return tick -> engine.execute(e -> e.tick(tick.symbol(), tick.bid(), tick.ask()));
	}

	@Override
	public void close() throws InterruptedException {
		executor.shutdown();
		executor.awaitTermination(5, TimeUnit.SECONDS);
	}
}
