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
