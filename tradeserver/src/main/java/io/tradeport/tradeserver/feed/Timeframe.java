package io.tradeport.tradeserver.feed;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * MT4 chart periods. Bars open at times aligned in server time: intraday frames on multiples of
 * their length from midnight, D1 at midnight, W1 on Sunday 00:00 (MT4's weekly bar starts on
 * Sunday, so a Sunday-evening session opens the new week), MN1 on the first of the month.
 */
public enum Timeframe {

	M1(1), M5(5), M15(15), M30(30), H1(60), H4(240), D1(1440), W1(7 * 1440), MN1(0);

	private final int minutes;

	Timeframe(int minutes) {
		this.minutes = minutes;
	}

	/** MT4's period number in minutes; 43200 for MN1. */
	public int minutes() {
		return this == MN1 ? 43200 : minutes;
	}

	/** Open time of the bar that contains {@code time}. */
	public Instant barOpen(Instant time, ZoneId serverZone) {
		LocalDateTime local = LocalDateTime.ofInstant(time, serverZone);
		LocalDateTime open = switch (this) {
			case MN1 -> local.toLocalDate().withDayOfMonth(1).atStartOfDay();
			case W1 -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay();
			case D1 -> local.toLocalDate().atStartOfDay();
			default -> {
				LocalDate day = local.toLocalDate();
				int minute = local.getHour() * 60 + local.getMinute();
				yield day.atStartOfDay().plusMinutes(minute - minute % minutes);
			}
		};
		return open.atZone(serverZone).toInstant();
	}

	/** Open time of the bar after the one opening at {@code barOpen}. */
	public Instant nextBarOpen(Instant barOpen, ZoneId serverZone) {
		LocalDateTime open = LocalDateTime.ofInstant(barOpen, serverZone);
		LocalDateTime next = switch (this) {
			case MN1 -> open.plusMonths(1);
			case W1 -> open.plusWeeks(1);
			case D1 -> open.plusDays(1);
			default -> open.plusMinutes(minutes);
		};
		return next.atZone(serverZone).toInstant();
	}
}
