package io.tradeport.tradeserver.gateway;

/** Chart periods, in minutes as MT4 numbers them. */
public enum BarPeriod {

	M1(1), M5(5), M15(15), M30(30), H1(60), H4(240), D1(1440), W1(10080), MN1(43200);

	private final int minutes;

	BarPeriod(int minutes) {
		this.minutes = minutes;
	}

	public int minutes() {
		return minutes;
	}

	public static BarPeriod ofMinutes(int minutes) {
		for (BarPeriod period : values()) {
			if (period.minutes == minutes) {
				return period;
			}
		}
		throw new IllegalArgumentException("no chart period of " + minutes + " minutes");
	}
}
