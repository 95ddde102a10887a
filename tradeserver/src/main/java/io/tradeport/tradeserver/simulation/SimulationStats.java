package io.tradeport.tradeserver.simulation;

import java.util.Map;

import io.tradeport.tradeserver.engine.ReturnCode;

/** What the population did so far; {@code refusals} counts the engine's answers other than OK. */
public record SimulationStats(
		long logins,
		long deposits,
		long withdrawals,
		long marketOrders,
		long pendingOrders,
		long modifications,
		long closes,
		long deletions,
		Map<ReturnCode, Long> refusals) {

	public SimulationStats {
		refusals = Map.copyOf(refusals);
	}
}
