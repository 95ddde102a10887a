package io.tradeport.tradeserver.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded in-memory tick history and M1..MN1 bars per symbol, aggregated from bid prices as
 * ticks arrive. Fed by the feed thread, read by any thread (each symbol has its own lock, so a
 * chart query never blocks another symbol's ticks).
 */
public final class MarketHistory {

	private static final Timeframe[] TIMEFRAMES = Timeframe.values();

	private final ZoneId serverZone;
	private final int tickCapacity;
	private final int barCapacity;
	private final ConcurrentHashMap<String, SymbolHistory> symbols = new ConcurrentHashMap<>();

	/**
	 * @param tickCapacity ticks kept per symbol
	 * @param barCapacity bars kept per symbol and timeframe
	 */
	public MarketHistory(ZoneId serverZone, int tickCapacity, int barCapacity) {
		if (tickCapacity <= 0 || barCapacity <= 0) {
			throw new IllegalArgumentException("capacities must be positive");
		}
		this.serverZone = serverZone;
		this.tickCapacity = tickCapacity;
		this.barCapacity = barCapacity;
	}

	public void onTick(Tick tick) {
		SymbolHistory history = symbols.computeIfAbsent(tick.symbol(), SymbolHistory::new);
		long time = tick.time().toEpochMilli();
		synchronized (history) {
			history.ticks.add(time, tick.bid(), tick.ask());
			for (BarRing bars : history.bars) {
				bars.add(time, tick.bid());
			}
		}
	}

	/** Ticks with {@code from <= time < to}, oldest first; only what is still in the bounded history. */
	public List<Tick> ticks(String symbol, Instant from, Instant to) {
		SymbolHistory history = symbols.get(symbol);
		if (history == null) {
			return List.of();
		}
		synchronized (history) {
			return history.ticks.range(from.toEpochMilli(), to.toEpochMilli());
		}
	}

	/** The latest {@code limit} ticks still in the history, oldest first. */
	public List<Tick> lastTicks(String symbol, int limit) {
		SymbolHistory history = symbols.get(symbol);
		if (history == null) {
			return List.of();
		}
		synchronized (history) {
			return history.ticks.last(limit);
		}
	}

	/** Bars whose open time is in {@code [from, to)}, oldest first. */
	public List<Bar> bars(String symbol, Timeframe timeframe, Instant from, Instant to) {
		SymbolHistory history = symbols.get(symbol);
		if (history == null) {
			return List.of();
		}
		synchronized (history) {
			return history.bars[timeframe.ordinal()].range(from.toEpochMilli(), to.toEpochMilli());
		}
	}

	/** The current (possibly still forming) bar. */
	public Optional<Bar> lastBar(String symbol, Timeframe timeframe) {
		SymbolHistory history = symbols.get(symbol);
		if (history == null) {
			return Optional.empty();
		}
		synchronized (history) {
			return Optional.ofNullable(history.bars[timeframe.ordinal()].last());
		}
	}

	/**
	 * Chart editing: writes bars of one timeframe by open time (MT4's ChartAdd; ChartUpdate with
	 * {@code onlyExisting}, which ignores bars at times not kept). Edits change only that
	 * timeframe, as in MT4, where each period's history is its own file.
	 *
	 * @return the bars written
	 * @throws IllegalArgumentException when a bar's time is not a bar boundary of the timeframe
	 */
	public int putBars(String symbol, Timeframe timeframe, List<Bar> bars, boolean onlyExisting) {
		SymbolHistory history = onlyExisting ? symbols.get(symbol) : symbols.computeIfAbsent(symbol, SymbolHistory::new);
		if (history == null) {
			return 0;
		}
		synchronized (history) {
			BarRing ring = history.bars[timeframe.ordinal()];
			for (Bar bar : bars) {
				if (!ring.isBarOpen(bar.openTime())) {
					throw new IllegalArgumentException(bar.openTime() + " is not the open time of a " + timeframe + " bar");
				}
			}
			int written = 0;
			for (Bar bar : bars) {
				written += ring.put(bar, onlyExisting) ? 1 : 0;
			}
			return written;
		}
	}

	/** Chart editing (MT4's ChartDelete): removes the bars of one timeframe opening at the given times. */
	public int deleteBars(String symbol, Timeframe timeframe, List<Instant> times) {
		SymbolHistory history = symbols.get(symbol);
		if (history == null) {
			return 0;
		}
		synchronized (history) {
			int removed = 0;
			for (Instant time : times) {
				removed += history.bars[timeframe.ordinal()].delete(time) ? 1 : 0;
			}
			return removed;
		}
	}

	/** MT4's HistoryCorrect: repairs the bars of every timeframe of the symbol; answers how many. */
	public int correct(String symbol) {
		SymbolHistory history = symbols.get(symbol);
		if (history == null) {
			return 0;
		}
		synchronized (history) {
			int corrected = 0;
			for (BarRing ring : history.bars) {
				corrected += ring.correct();
			}
			return corrected;
		}
	}

	private final class SymbolHistory {

		final TickRing ticks;
		final BarRing[] bars = new BarRing[TIMEFRAMES.length];

		SymbolHistory(String symbol) {
			ticks = new TickRing(symbol, tickCapacity);
			for (Timeframe timeframe : TIMEFRAMES) {
				bars[timeframe.ordinal()] = new BarRing(timeframe, serverZone, barCapacity);
			}
		}
	}
}
