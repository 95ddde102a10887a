package io.tradeport.tradeserver.feed;

import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.TradeSessions;

/**
 * How the feed simulates one symbol.
 *
 * @param initialMid mid price at the feed's start
 * @param annualVolatility sigma of the geometric Brownian motion per year (365 days of calendar time)
 * @param spreadPoints typical spread in liquid hours
 * @param offHoursSpreadFactor spread multiplier outside {@code liquidHours}
 * @param ticksPerMinute mean tick rate in liquid hours; half of it outside
 * @param liquidHours server-time window with the tight spread and full tick rate
 * @param sessions quote sessions in server time; no ticks outside them (nor on the feed's holidays)
 */
public record Instrument(
		String symbol,
		int digits,
		double initialMid,
		double annualVolatility,
		int spreadPoints,
		double offHoursSpreadFactor,
		double ticksPerMinute,
		TradeSessions.Window liquidHours,
		TradeSessions sessions) {

	public Instrument {
		if (!(initialMid > 0) || annualVolatility < 0 || spreadPoints < 0 || !(ticksPerMinute > 0)
				|| offHoursSpreadFactor < 1 || digits < 0 || digits > 8) {
			throw new IllegalArgumentException("bad instrument parameters for " + symbol);
		}
	}

	/**
	 * A currency pair quoted Monday to Friday around the clock in server time, which is what brokers
	 * get by running the server on UTC+2/+3 (New York close at midnight). Liquid 08:00-20:00, spread
	 * tripled outside, one tick per second on average.
	 */
	public static Instrument forex(String symbol, int digits, double mid, double annualVolatility, int spreadPoints) {
		return new Instrument(symbol, digits, mid, annualVolatility, spreadPoints, 3, 60,
				TradeSessions.Window.of(8, 0, 20, 0), TradeSessions.weekdays(new TradeSessions.Window(0, 24 * 60)));
	}

	/**
	 * Quotes an engine symbol: its digits and its sessions, so that with the engine's holidays (see
	 * {@link PriceFeed}) the feed is silent exactly when the engine refuses trading as MARKET_CLOSED;
	 * forex defaults for the rest.
	 */
	public static Instrument of(SymbolConfig symbol, double mid, double annualVolatility, int spreadPoints) {
		return forex(symbol.name(), symbol.digits(), mid, annualVolatility, spreadPoints).withSessions(symbol.sessions());
	}

	public Instrument withSessions(TradeSessions sessions) {
		return new Instrument(symbol, digits, initialMid, annualVolatility, spreadPoints, offHoursSpreadFactor,
				ticksPerMinute, liquidHours, sessions);
	}

	public Instrument withTickRate(double ticksPerMinute) {
		return new Instrument(symbol, digits, initialMid, annualVolatility, spreadPoints, offHoursSpreadFactor,
				ticksPerMinute, liquidHours, sessions);
	}

	double point() {
		return Math.pow(10, -digits);
	}
}
