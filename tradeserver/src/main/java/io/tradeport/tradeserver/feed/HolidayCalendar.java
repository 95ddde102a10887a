package io.tradeport.tradeserver.feed;

import java.time.LocalDate;
import java.util.Set;

/** Whole days, in server time, on which an instrument's market is closed regardless of its sessions. */
public record HolidayCalendar(Set<LocalDate> days) {

	public static final HolidayCalendar NONE = new HolidayCalendar(Set.of());

	public HolidayCalendar {
		days = Set.copyOf(days);
	}

	public static HolidayCalendar of(LocalDate... days) {
		return new HolidayCalendar(Set.of(days));
	}

	public boolean isHoliday(LocalDate serverDate) {
		return days.contains(serverDate);
	}
}
