package io.tradeport.tradeserver.engine;

/**
 * Snapshot of an account: the UserRecord fields the engine owns plus its current money state.
 *
 * @param profit floating P/L of open positions, including swaps and commissions
 */
public record AccountState(
		Login login,
		String group,
		String currency,
		int leverage,
		boolean enabled,
		boolean readOnly,
		double balance,
		double credit,
		double profit,
		double equity,
		double margin,
		double freeMargin) {
}
