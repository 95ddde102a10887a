package io.tradeport.tradeserver.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tradeport.gateway.v1.ConHoliday;
import io.tradeport.tradeserver.engine.MarketHoliday;

/**
 * The HOLIDAYS section as the engine and the price feed apply it. The section is the one source:
 * every change of it is applied to the engine (journaled) and the feed reads the engine's result.
 */
final class Holidays {

	private Holidays() {
	}

	/**
	 * The closure an enabled record means; empty for a disabled one, which MT4 keeps without
	 * effect. A {@code symbol} of {@code *} or empty closes every symbol.
	 *
	 * @throws MtException INVALID_DATA for an enabled record with an impossible date or time range
	 */
	static Optional<MarketHoliday> of(ConHoliday record) {
		if (!record.getEnable()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new MarketHoliday(record.getYear(), record.getMonth(), record.getDay(), record.getFrom(),
					record.getTo(), record.getSymbol().isBlank() ? "*" : record.getSymbol()));
		}
		catch (IllegalArgumentException ex) {
			throw MtException.of(Ret.INVALID_DATA, "holiday " + record.getDescription() + ": " + ex.getMessage()
					+ " (month 1-12, day 1-31, minutes from < to within 0-1440, to 0 for the end of the day)");
		}
	}

	/**
	 * The enabled records' closures, in section order. An invalid record stored by an earlier build
	 * (updates now refuse them) is left out rather than stopping the server.
	 */
	static List<MarketHoliday> of(List<ConHoliday> records) {
		List<MarketHoliday> holidays = new ArrayList<>();
		for (ConHoliday record : records) {
			try {
				of(record).ifPresent(holidays::add);
			}
			catch (MtException ignored) {
				// Kept in the section, as stored, without effect.
			}
		}
		return holidays;
	}
}
