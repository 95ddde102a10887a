package io.tradeport.tradeserver.engine;

import java.time.LocalDateTime;

/**
 * A day (or part of one) on which trading in some symbols is closed whatever their sessions say,
 * MT4's ConHoliday. Times are server time.
 *
 * @param year 0 repeats the holiday every year
 * @param fromMinute start of the closure in minutes of the day, inclusive
 * @param toMinute end of the closure, exclusive; 0 means the end of the day, so 0 to 0 closes the
 *     whole day
 * @param symbols the symbols it closes: comma-separated names or masks with {@code *} and
 *     {@code ?}, a {@code !} prefix excluding (like a group mask); {@code *} or empty for all
 */
public record MarketHoliday(int year, int month, int day, int fromMinute, int toMinute, String symbols) {

	public MarketHoliday {
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
			throw new IllegalArgumentException("bad holiday date " + year + "-" + month + "-" + day);
		}
		if (fromMinute < 0 || toMinute < 0 || toMinute > 24 * 60 || fromMinute >= (toMinute == 0 ? 24 * 60 : toMinute)) {
			throw new IllegalArgumentException("bad holiday time range " + fromMinute + ".." + toMinute);
		}
		if (symbols == null) {
			throw new IllegalArgumentException("symbols must not be null");
		}
	}

	/** Closed all day for every symbol. */
	public static MarketHoliday allDay(int year, int month, int day) {
		return new MarketHoliday(year, month, day, 0, 0, "*");
	}

	/** Whether {@code serverTime} falls into the closure, whatever the symbol. */
	boolean covers(LocalDateTime serverTime) {
		if ((year != 0 && serverTime.getYear() != year) || serverTime.getMonthValue() != month
				|| serverTime.getDayOfMonth() != day) {
			return false;
		}
		int minute = serverTime.getHour() * 60 + serverTime.getMinute();
		return minute >= fromMinute && minute < (toMinute == 0 ? 24 * 60 : toMinute);
	}
}
