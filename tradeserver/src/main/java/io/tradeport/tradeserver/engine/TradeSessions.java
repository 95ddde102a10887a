package io.tradeport.tradeserver.engine;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Trade sessions of a symbol per weekday, in server time. MT4 allows three windows per day; a day
 * without windows is closed for trading.
 */
public record TradeSessions(Map<DayOfWeek, List<Window>> days) {

	/** Open around the clock on every weekday, which is MT4's default for a new symbol. */
	public static final TradeSessions ALWAYS = everyDay(new Window(0, 24 * 60));

	public TradeSessions {
		var copy = new EnumMap<DayOfWeek, List<Window>>(DayOfWeek.class);
		days.forEach((day, windows) -> {
			if (windows.size() > 3) {
				throw new IllegalArgumentException("MT4 allows at most 3 sessions per day: " + day);
			}
			copy.put(day, List.copyOf(windows));
		});
		days = Map.copyOf(copy);
	}

	public static TradeSessions everyDay(Window... windows) {
		var days = new EnumMap<DayOfWeek, List<Window>>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			days.put(day, List.of(windows));
		}
		return new TradeSessions(days);
	}

	/** Monday to Friday only, with the given windows. */
	public static TradeSessions weekdays(Window... windows) {
		var days = new EnumMap<DayOfWeek, List<Window>>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
				days.put(day, List.of(windows));
			}
		}
		return new TradeSessions(days);
	}

	public TradeSessions with(DayOfWeek day, Window... windows) {
		var days = new EnumMap<DayOfWeek, List<Window>>(DayOfWeek.class);
		days.putAll(this.days);
		days.put(day, new ArrayList<>(List.of(windows)));
		return new TradeSessions(days);
	}

	public boolean isOpen(LocalDateTime serverTime) {
		List<Window> windows = days.get(serverTime.getDayOfWeek());
		if (windows == null) {
			return false;
		}
		int minute = serverTime.getHour() * 60 + serverTime.getMinute();
		for (Window window : windows) {
			if (window.contains(minute)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A session window in minutes of the day, from inclusive to exclusive; {@code to} may be 1440
	 * (24:00) like MT4's session editor allows.
	 */
	public record Window(int fromMinute, int toMinute) {

		public Window {
			if (fromMinute < 0 || toMinute > 24 * 60 || fromMinute >= toMinute) {
				throw new IllegalArgumentException("bad session window " + fromMinute + ".." + toMinute);
			}
		}

		public static Window of(int fromHour, int fromMinute, int toHour, int toMinute) {
			return new Window(fromHour * 60 + fromMinute, toHour * 60 + toMinute);
		}

		boolean contains(int minute) {
			return minute >= fromMinute && minute < toMinute;
		}
	}
}
