package io.tradeport.tradeserver.engine;

import java.util.ArrayList;

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.engine.MarginLevel.LevelType;

/**
 * The MT4 money model of one account: margin, floating profit and level. Everything here reads
 * shared configuration and quotes and writes only the given account and its trades, so it can
 * run for different accounts in parallel.
 */
final class Valuation {

	private Valuation() {
	}

	/**
	 * Phase one of a tick for one account (see TradeEngine#revalueOnTick). For a holder of the
	 * ticked symbol only the trades on it are revalued and the floating profit adjusted by the
	 * difference; trade profits are rounded to cents, so the running sum stays exact to the cent.
	 * Returns whether phase two must look at the account: an order triggers, or its level type
	 * changes or stays at stop-out.
	 */
	static boolean revalue(Account account, @Nullable SymbolState symbol) {
		if (symbol == null) {
			recalcProfit(account);
			return needsLevelWork(account);
		}
		Conversion conversion = symbol.profitConversion(account.group.currencyId);
		double rate = conversion == null ? Double.NaN : conversion.rate(false);
		double delta = 0;
		ArrayList<Trade> orders = account.orders;
		for (int i = 0, size = orders.size(); i < size; i++) {
			Trade t = orders.get(i);
			if (t.symbol != symbol) {
				continue;
			}
			if (!t.cmd.isMarket()) {
				if (OrderRules.pendingHit(t, symbol)) {
					return true;
				}
				continue;
			}
			double market = symbol.closePrice(t.isBuy());
			if (OrderRules.stopLossHit(t, market) || OrderRules.takeProfitHit(t, market)) {
				return true;
			}
			double profit = Money.round2(t.rawProfit(market) * (Double.isNaN(rate) ? t.convRateOpen : rate));
			delta += profit - t.profit;
			t.profit = profit;
		}
		if (symbol.dependents.length > 0 && holdsAny(account, symbol.dependents)) {
			// Crosses converted through this symbol moved too: revalue everything.
			recalcProfit(account);
		}
		else {
			account.profit = Money.round2(account.profit + delta);
		}
		return needsLevelWork(account);
	}

	static boolean needsLevelWork(Account account) {
		LevelType type = account.computeLevelType();
		return type != account.levelType || type == LevelType.STOP_OUT;
	}

	static boolean holdsAny(Account account, SymbolState[] symbols) {
		for (int i = 0; i < account.heldSize; i++) {
			for (SymbolState s : symbols) {
				if (account.held[i] == s) {
					return true;
				}
			}
		}
		return false;
	}

	/** Per-thread scratch for {@link #recalcMargin}: it runs for every account on every full recalculation. */
	private static final ThreadLocal<double[]> MARGIN_SCRATCH = ThreadLocal.withInitial(() -> new double[8 * 6]);

	/**
	 * Groups the account's positions by symbol and sums MT4 symbol margins. Allocation-free (a per-thread scratch
	 * array, grown only for accounts on unusually many symbols); thread-safe per account, so recalculateAll can
	 * run it in parallel.
	 */
	static void recalcMargin(Account account) {
		int n = account.heldSize;
		if (n == 0) {
			account.margin = 0;
			account.volume = 0;
			return;
		}
		// Per held symbol: buy lots, sell lots, sum lots*price and lots*rate for buys then sells.
		double[] acc = MARGIN_SCRATCH.get();
		if (acc.length < n * 6) {
			acc = new double[n * 6];
			MARGIN_SCRATCH.set(acc);
		}
		java.util.Arrays.fill(acc, 0, n * 6, 0);
		ArrayList<Trade> orders = account.orders;
		double volume = 0;
		for (int i = 0, size = orders.size(); i < size; i++) {
			Trade t = orders.get(i);
			if (!t.cmd.isMarket()) {
				continue;
			}
			int k = account.heldIndex(t.symbol) * 6;
			double lots = t.lots();
			volume += lots;
			int side = t.isBuy() ? 0 : 1;
			acc[k + side] += lots;
			acc[k + 2 + side * 2] += lots * t.openPrice;
			acc[k + 3 + side * 2] += lots * t.marginRate;
		}
		GroupState group = account.group;
		boolean largeLeg = group.config.hedgeLargeLeg();
		int leverage = account.leverage();
		double margin = 0;
		for (int s = 0; s < n; s++) {
			int k = s * 6;
			double buy = acc[k];
			double sell = acc[k + 1];
			if (buy + sell == 0) {
				continue;
			}
			SymbolState symbol = account.held[s];
			SymbolConfig c = symbol.config;
			double divider = group.marginDivider(symbol);
			if (largeLeg) {
				double buyMargin = buy == 0 ? 0 : MarginCalculator.symbolMargin(c, divider, leverage, buy, 0,
						acc[k + 2] / buy, acc[k + 3] / buy);
				double sellMargin = sell == 0 ? 0 : MarginCalculator.symbolMargin(c, divider, leverage, 0, sell,
						acc[k + 4] / sell, acc[k + 5] / sell);
				margin += Math.max(buyMargin, sellMargin);
			}
			else {
				double lots = buy + sell;
				margin += MarginCalculator.symbolMargin(c, divider, leverage, buy, sell,
						(acc[k + 2] + acc[k + 4]) / lots, (acc[k + 3] + acc[k + 5]) / lots);
			}
		}
		account.margin = Money.round2(margin);
		account.volume = Money.round2(volume);
	}

	/**
	 * Floating profit at the current quotes and current conversion rates (MT4 shows open P/L in
	 * the account currency at today's rates; conv_rates[0] only records the rate at open).
	 */
	static void recalcProfit(Account account) {
		int currencyId = account.group.currencyId;
		ArrayList<Trade> orders = account.orders;
		double floating = 0;
		for (int i = 0, size = orders.size(); i < size; i++) {
			Trade t = orders.get(i);
			if (!t.cmd.isMarket()) {
				continue;
			}
			SymbolState symbol = t.symbol;
			if (symbol.hasQuote) {
				Conversion conversion = symbol.profitConversion(currencyId);
				double rate = conversion == null ? Double.NaN : conversion.rate(false);
				if (Double.isNaN(rate)) {
					rate = t.convRateOpen;
				}
				t.profit = Money.round2(t.rawProfit(symbol.closePrice(t.isBuy())) * rate);
			}
			floating += t.profit + t.storage + t.commission;
		}
		account.profit = Money.round2(floating);
	}

	static boolean isFullyHedged(Account account) {
		double[] net = new double[account.heldSize];
		boolean any = false;
		for (Trade t : account.orders) {
			if (t.cmd.isMarket()) {
				net[account.heldIndex(t.symbol)] += t.isBuy() ? t.volume : -t.volume;
				any = true;
			}
		}
		for (double v : net) {
			if (v != 0) {
				return false;
			}
		}
		return any;
	}
}
