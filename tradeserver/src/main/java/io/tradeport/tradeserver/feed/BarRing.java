package io.tradeport.tradeserver.feed;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One symbol's bars of one timeframe: the last {@code capacity} bars in primitive arrays. */
final class BarRing {

	private final Timeframe timeframe;
	private final ZoneId serverZone;
	private final long[] times;
	private final double[] opens;
	private final double[] highs;
	private final double[] lows;
	private final double[] closes;
	private final long[] volumes;
	private int start;
	private int size;
	/** The open time of the bar after the last one: until a tick reaches it, ticks update the last bar. */
	private long nextOpen = Long.MIN_VALUE;

	BarRing(Timeframe timeframe, ZoneId serverZone, int capacity) {
		this.timeframe = timeframe;
		this.serverZone = serverZone;
		this.times = new long[capacity];
		this.opens = new double[capacity];
		this.highs = new double[capacity];
		this.lows = new double[capacity];
		this.closes = new double[capacity];
		this.volumes = new long[capacity];
	}

	void add(long time, double price) {
		if (size > 0 && time < nextOpen) {
			int slot = slot(size - 1);
			if (time < times[slot]) {
				return; // older than the current bar: the feed delivers in order, so ignore a straggler
			}
			highs[slot] = Math.max(highs[slot], price);
			lows[slot] = Math.min(lows[slot], price);
			closes[slot] = price;
			volumes[slot]++;
			return;
		}
		// Only here, once per bar, do we pay for the calendar arithmetic in the server zone.
		Instant open = timeframe.barOpen(Instant.ofEpochMilli(time), serverZone);
		nextOpen = timeframe.nextBarOpen(open, serverZone).toEpochMilli();
		int slot;
		if (size < times.length) {
			slot = slot(size++);
		}
		else {
			slot = start;
			start = (start + 1) % times.length;
		}
		times[slot] = open.toEpochMilli();
		opens[slot] = price;
		highs[slot] = price;
		lows[slot] = price;
		closes[slot] = price;
		volumes[slot] = 1;
	}

	/** Bars whose open time is in {@code [from, to)}, oldest first. */
	List<Bar> range(long from, long to) {
		List<Bar> result = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			int slot = slot(i);
			if (times[slot] >= to) {
				break;
			}
			if (times[slot] >= from) {
				result.add(bar(slot));
			}
		}
		return result;
	}

	/**
	 * Chart editing (MT4's ChartAdd, or ChartUpdate with {@code onlyExisting}): writes {@code bar}
	 * at its open time, which must be a bar boundary of this timeframe. A new bar older than the
	 * oldest kept one is not added when the ring is full, since it would be dropped at once.
	 *
	 * @return whether a bar was written
	 */
	boolean put(Bar bar, boolean onlyExisting) {
		long time = bar.openTime().toEpochMilli();
		List<Bar> all = range(Long.MIN_VALUE, Long.MAX_VALUE);
		int at = 0;
		while (at < all.size() && all.get(at).openTime().toEpochMilli() < time) {
			at++;
		}
		boolean exists = at < all.size() && all.get(at).openTime().toEpochMilli() == time;
		if (exists) {
			all.set(at, bar);
		}
		else if (onlyExisting || (at == 0 && size == times.length)) {
			return false;
		}
		else {
			all.add(at, bar);
		}
		refill(all);
		return true;
	}

	boolean isBarOpen(Instant time) {
		return timeframe.barOpen(time, serverZone).equals(time);
	}

	/** Chart editing (MT4's ChartDelete): removes the bar opening at {@code time}, if kept. */
	boolean delete(Instant time) {
		List<Bar> all = range(Long.MIN_VALUE, Long.MAX_VALUE);
		boolean removed = all.removeIf(b -> b.openTime().equals(time));
		if (removed) {
			refill(all);
		}
		return removed;
	}

	/**
	 * MT4's HistoryCorrect for this timeframe: a bar's high must be the highest and its low the
	 * lowest of its four prices; bars without a positive price are removed.
	 *
	 * @return the bars corrected or removed
	 */
	int correct() {
		List<Bar> all = range(Long.MIN_VALUE, Long.MAX_VALUE);
		List<Bar> fixed = new ArrayList<>(all.size());
		int corrected = 0;
		for (Bar b : all) {
			if (!(b.open() > 0 && b.high() > 0 && b.low() > 0 && b.close() > 0)) {
				corrected++;
				continue;
			}
			double high = Math.max(Math.max(b.open(), b.close()), Math.max(b.high(), b.low()));
			double low = Math.min(Math.min(b.open(), b.close()), Math.min(b.high(), b.low()));
			if (high != b.high() || low != b.low()) {
				corrected++;
				fixed.add(new Bar(b.openTime(), b.open(), high, low, b.close(), b.tickVolume()));
			}
			else {
				fixed.add(b);
			}
		}
		if (corrected > 0) {
			refill(fixed);
		}
		return corrected;
	}

	/** Rewrites the ring from bars in time order (at most its capacity, the newest kept). */
	private void refill(List<Bar> bars) {
		List<Bar> kept = bars.size() > times.length ? bars.subList(bars.size() - times.length, bars.size()) : bars;
		start = 0;
		size = kept.size();
		for (int i = 0; i < size; i++) {
			Bar b = kept.get(i);
			times[i] = b.openTime().toEpochMilli();
			opens[i] = b.open();
			highs[i] = b.high();
			lows[i] = b.low();
			closes[i] = b.close();
			volumes[i] = b.tickVolume();
		}
		// Ticks after the edit extend the newest bar until its period ends, as before the edit.
		nextOpen = size == 0 ? Long.MIN_VALUE
				: timeframe.nextBarOpen(Instant.ofEpochMilli(times[size - 1]), serverZone).toEpochMilli();
	}

	@Nullable Bar last() {
		return size == 0 ? null : bar(slot(size - 1));
	}

	private Bar bar(int slot) {
		return new Bar(Instant.ofEpochMilli(times[slot]), opens[slot], highs[slot], lows[slot], closes[slot], volumes[slot]);
	}

	private int slot(int index) {
		return (start + index) % times.length;
	}
}
