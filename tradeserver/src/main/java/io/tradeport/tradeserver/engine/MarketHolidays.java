package io.tradeport.tradeserver.engine;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The server's holidays, ready to ask: closed for trading and quoting whatever the symbol's
 * sessions say. Immutable, so the engine and the price feed can share one.
 */
public final class MarketHolidays {

	public static final MarketHolidays NONE = new MarketHolidays(List.of());

	private record Compiled(MarketHoliday holiday, List<Pattern> include, List<Pattern> exclude) {

		boolean closes(String symbol, LocalDateTime serverTime) {
			return holiday.covers(serverTime) && include.stream().anyMatch(p -> p.matcher(symbol).matches())
					&& exclude.stream().noneMatch(p -> p.matcher(symbol).matches());
		}
	}

	private final List<MarketHoliday> holidays;
	private final List<Compiled> compiled;

	private MarketHolidays(List<MarketHoliday> holidays) {
		this.holidays = List.copyOf(holidays);
		this.compiled = this.holidays.stream().map(MarketHolidays::compile).toList();
	}

	public static MarketHolidays of(List<MarketHoliday> holidays) {
		return holidays.isEmpty() ? NONE : new MarketHolidays(holidays);
	}

	public List<MarketHoliday> list() {
		return holidays;
	}

	/** Whether a holiday closes {@code symbol} at {@code serverTime}. */
	public boolean isClosed(String symbol, LocalDateTime serverTime) {
		for (Compiled c : compiled) {
			if (c.closes(symbol, serverTime)) {
				return true;
			}
		}
		return false;
	}

	private static Compiled compile(MarketHoliday holiday) {
		List<Pattern> include = new ArrayList<>();
		List<Pattern> exclude = new ArrayList<>();
		for (String part : holiday.symbols().split(",")) {
			String mask = part.trim();
			if (mask.isEmpty()) {
				continue;
			}
			boolean negative = mask.startsWith("!");
			(negative ? exclude : include).add(glob(negative ? mask.substring(1) : mask));
		}
		if (include.isEmpty()) {
			include.add(glob("*")); // no symbol named, or only exclusions: every other symbol
		}
		return new Compiled(holiday, List.copyOf(include), List.copyOf(exclude));
	}

	private static Pattern glob(String glob) {
		StringBuilder regex = new StringBuilder();
		for (char c : glob.toCharArray()) {
			regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MarketHolidays h && h.holidays.equals(holidays);
	}

	@Override
	public int hashCode() {
		return holidays.hashCode();
	}

	@Override
	public String toString() {
		return "MarketHolidays" + holidays;
	}
}
