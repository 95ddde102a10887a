package io.tradeport.tradeserver.simulation;

import java.time.Duration;
import java.util.List;

/**
 * Size and habits of the simulated population.
 *
 * @param firstLogin traders get consecutive logins from here
 * @param group the group their accounts are created in; it must exist
 * @param meanThink mean pause between a trader's actions while online
 * @param meanSession mean time online per login
 * @param meanOffline mean time between logins
 * @param medianDeposit deposits are log-normal around this, in the account currency
 */
public record SimulationConfig(
		int traders,
		int firstLogin,
		String group,
		List<String> symbols,
		long seed,
		Duration meanThink,
		Duration meanSession,
		Duration meanOffline,
		double medianDeposit) {

	public SimulationConfig {
		symbols = List.copyOf(symbols);
		if (traders < 0 || firstLogin <= 0 || symbols.isEmpty() || meanThink.isNegative() || meanThink.isZero()
				|| meanSession.isNegative() || meanSession.isZero() || meanOffline.isNegative() || meanOffline.isZero()
				|| !(medianDeposit > 0)) {
			throw new IllegalArgumentException("bad simulation settings");
		}
	}

	/** A demo server's retail crowd: a few minutes between clicks, an hour online, a few hours away. */
	public static SimulationConfig retail(int traders, String group, List<String> symbols, long seed) {
		return new SimulationConfig(traders, 100_000, group, symbols, seed, Duration.ofMinutes(3), Duration.ofHours(1),
				Duration.ofHours(4), 1_000);
	}
}
