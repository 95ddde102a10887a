package io.tradeport.tradeserver.gateway;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.tradeport.tradeserver.engine.Quote;

/**
 * History kept from the engine's own ticks: the latest {@code ticksPerSymbol} ticks and M1 bars of
 * the last {@code barDays} days per symbol; longer periods are aggregated from M1 on request.
 * Bars are aligned to server time (D1 at midnight, W1 on Monday, MN1 on the 1st), as MT4 does.
 * Nothing survives a restart; a realistic store implements {@link MarketHistory} instead.
 */
public final class InMemoryMarketHistory implements MarketHistory {

	private final ZoneId serverZone;
	private final int ticksPerSymbol;
	private final int barMinutes;
	private final Map<String, SymbolHistory> symbols = new ConcurrentHashMap<>();

	public InMemoryMarketHistory(ZoneId serverZone, int ticksPerSymbol, int barDays) {
		this.serverZone = serverZone;
		this.ticksPerSymbol = ticksPerSymbol;
		this.barMinutes = barDays * 1440;
	}

	private static final class SymbolHistory {
		final ArrayDeque<Quote> ticks = new ArrayDeque<>();
		/** M1 bars by open time in epoch minutes. */
		final TreeMap<Long, double[]> minutes = new TreeMap<>();
	}

	@Override
	public void onTick(Quote quote) {
		SymbolHistory history = symbols.computeIfAbsent(quote.symbol(), s -> new SymbolHistory());
		synchronized (history) {
			history.ticks.addLast(quote);
			if (history.ticks.size() > ticksPerSymbol) {
				history.ticks.removeFirst();
			}
			long minute = quote.time().getEpochSecond() / 60;
			double[] bar = history.minutes.get(minute);
			double bid = quote.bid();
			if (bar == null) {
				history.minutes.put(minute, new double[] { bid, bid, bid, bid, 1 });
				while (history.minutes.size() > barMinutes) {
					history.minutes.pollFirstEntry();
				}
			}
			else {
				bar[1] = Math.max(bar[1], bid);
				bar[2] = Math.min(bar[2], bid);
				bar[3] = bid;
				bar[4]++;
			}
		}
	}

	@Override
	public List<Quote> ticks(String symbol, Instant from, Instant to) {
		SymbolHistory history = symbols.get(symbol);
		if (history == null) {
			return List.of();
		}
		synchronized (history) {
			return history.ticks.stream().filter(q -> !q.time().isBefore(from) && !q.time().isAfter(to)).toList();
		}
	}

	@Override
	public List<Quote> lastTicks(String symbol, int limit) {
		SymbolHistory history = symbols.get(symbol);
		if (history == null || limit <= 0) {
			return List.of();
		}
		synchronized (history) {
			List<Quote> result = new ArrayList<>(Math.min(limit, history.ticks.size()));
			Iterator<Quote> newest = history.ticks.descendingIterator();
			while (newest.hasNext() && result.size() < limit) {
				result.add(newest.next());
			}
			return result.reversed();
		}
	}

	@Override
	public List<PriceBar> bars(String symbol, BarPeriod period, Instant from, Instant to) {
		SymbolHistory history = symbols.get(symbol);
		if (history == null) {
			return List.of();
		}
		TreeMap<Instant, double[]> buckets = new TreeMap<>();
		synchronized (history) {
			// Bars that open before 'from' can't be in range, but a bucket may start before its first minute.
			long first = bucketStart(from, period).getEpochSecond() / 60;
			for (var entry : history.minutes.tailMap(first, true).entrySet()) {
				Instant minute = Instant.ofEpochSecond(entry.getKey() * 60);
				Instant start = bucketStart(minute, period);
				if (start.isAfter(to)) {
					break;
				}
				double[] m = entry.getValue();
				double[] bar = buckets.get(start);
				if (bar == null) {
					buckets.put(start, m.clone());
				}
				else {
					bar[1] = Math.max(bar[1], m[1]);
					bar[2] = Math.min(bar[2], m[2]);
					bar[3] = m[3];
					bar[4] += m[4];
				}
			}
		}
		List<PriceBar> bars = new ArrayList<>();
		buckets.forEach((time, b) -> {
			if (!time.isBefore(from)) {
				bars.add(new PriceBar(time, b[0], b[1], b[2], b[3], (long) b[4]));
			}
		});
		return bars;
	}

	private Instant bucketStart(Instant time, BarPeriod period) {
		LocalDateTime local = LocalDateTime.ofInstant(time, serverZone);
		LocalDateTime start = switch (period) {
			case D1 -> local.truncatedTo(ChronoUnit.DAYS);
			case W1 -> local.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MN1 -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
			default -> {
				LocalDateTime day = local.truncatedTo(ChronoUnit.DAYS);
				long minuteOfDay = ChronoUnit.MINUTES.between(day, local);
				yield day.plusMinutes(minuteOfDay - minuteOfDay % period.minutes());
			}
		};
		return start.atZone(serverZone).toInstant();
	}
}
