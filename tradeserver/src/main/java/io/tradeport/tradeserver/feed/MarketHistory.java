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
