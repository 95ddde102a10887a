package io.tradeport.tradeserver.feed;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.tradeport.tradeserver.engine.MarketHolidays;

/**
 * Generates ticks for a set of instruments: a geometric Brownian motion of the mid price per
 * instrument, Poisson tick arrivals, and a spread that widens outside liquid hours. No ticks
 * are produced outside an instrument's sessions or on its holidays; the first tick after a
 * closure carries the whole closure's move, like a weekend gap.
 *
 * <p>The output is a pure function of the seed, the start time and the instruments: each
 * instrument draws from its own random stream, and {@link #advanceTo} produces the same ticks
 * whether it is called once for a day or every 100 ms (with the same holidays). That makes tests and simulations
 * reproducible with an injected clock.
 */
public final class PriceFeed {

	private static final double MILLIS_PER_YEAR = 365.0 * 24 * 3600 * 1000;

	private final ZoneId serverZone;
	private final Supplier<MarketHolidays> holidays;
	private final Walk[] walks;

	public PriceFeed(List<Instrument> instruments, ZoneId serverZone, long seed, Instant start) {
		this(instruments, serverZone, seed, start, () -> MarketHolidays.NONE);
	}

	/**
	 * @param holidays asked whenever a tick is due, so a change applies from the next tick; the
	 *     server passes the engine's, so quotes and trading close on the same holidays
	 */
	public PriceFeed(List<Instrument> instruments, ZoneId serverZone, long seed, Instant start,
			Supplier<MarketHolidays> holidays) {
		this.serverZone = serverZone;
		this.holidays = holidays;
		this.walks = instruments.stream()
			.sorted(Comparator.comparing(Instrument::symbol))
			.map(i -> new Walk(i, seed, start.toEpochMilli()))
			.toArray(Walk[]::new);
		for (Walk walk : walks) {
			walk.next = walk.lastPriceTime + walk.interArrival(isLiquid(walk.instrument, local(walk.lastPriceTime)));
		}
	}

	public List<Instrument> instruments() {
		return Arrays.stream(walks).map(w -> w.instrument).toList();
	}

	/**
	 * Produces, in time order, every tick up to and including {@code now} that was not produced
	 * yet. Times never go backwards, so a clock moving back simply yields nothing.
	 */
	public synchronized void advanceTo(Instant now, Consumer<Tick> sink) {
		long limit = now.toEpochMilli();
		while (true) {
			Walk walk = null;
			for (Walk w : walks) {
				if (walk == null || w.next < walk.next) {
					walk = w;
				}
			}
			if (walk == null || walk.next > limit) {
				return;
			}
			long t = walk.next;
			LocalDateTime local = local(t);
			if (!isOpen(walk.instrument, local)) {
				// Sessions have minute resolution: look again at the next minute.
				walk.next = (Math.floorDiv(t, 60_000L) + 1) * 60_000L;
				continue;
			}
			boolean liquid = isLiquid(walk.instrument, local);
			sink.accept(walk.step(t, liquid));
			walk.next = t + walk.interArrival(liquid);
		}
	}

	/** Whether the instrument is quoted at {@code time}: inside a session and not on a holiday. */
	public boolean isOpen(String symbol, Instant time) {
		for (Walk walk : walks) {
			if (walk.instrument.symbol().equals(symbol)) {
				return isOpen(walk.instrument, local(time.toEpochMilli()));
			}
		}
		throw new IllegalArgumentException("unknown symbol " + symbol);
	}

	private LocalDateTime local(long millis) {
		return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), serverZone);
	}

	private boolean isOpen(Instrument instrument, LocalDateTime local) {
		return instrument.sessions().isOpen(local) && !holidays.get().isClosed(instrument.symbol(), local);
	}

	private static boolean isLiquid(Instrument instrument, LocalDateTime local) {
		int minute = local.getHour() * 60 + local.getMinute();
		return minute >= instrument.liquidHours().fromMinute() && minute < instrument.liquidHours().toMinute();
	}

	/** One instrument's random walk. */
	private static final class Walk {

		final Instrument instrument;
		final SplittableRandom random;
		final double scale;
		double mid;
		long lastPriceTime;
		long next;

		Walk(Instrument instrument, long seed, long start) {
			this.instrument = instrument;
			// String.hashCode is specified, so the per-symbol stream is stable across JVMs.
			this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + instrument.symbol().hashCode());
			this.scale = Math.pow(10, instrument.digits());
			this.mid = instrument.initialMid();
			this.lastPriceTime = start;
		}

		long interArrival(boolean liquid) {
			double meanMillis = 60_000.0 / instrument.ticksPerMinute() * (liquid ? 1 : 2);
			return Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) * meanMillis));
		}

		Tick step(long time, boolean liquid) {
			double dt = (time - lastPriceTime) / MILLIS_PER_YEAR;
			double sigma = instrument.annualVolatility();
			mid *= Math.exp(-0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * random.nextGaussian());
			lastPriceTime = time;
			double factor = liquid ? 1 : instrument.offHoursSpreadFactor();
			long spread = Math.max(1, Math.round(instrument.spreadPoints() * factor * (0.8 + 0.4 * random.nextDouble())));
			long bidPoints = Math.round(mid * scale - spread / 2.0);
			return new Tick(instrument.symbol(), Instant.ofEpochMilli(time), bidPoints / scale, (bidPoints + spread) / scale);
		}
	}
}
