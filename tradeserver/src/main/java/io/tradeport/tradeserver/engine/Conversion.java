package io.tradeport.tradeserver.engine;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A resolved way to turn an amount in one currency into another through at most two quoted
 * symbols: the direct pair, the inverse pair, or a cross through USD. Resolved once per
 * currency pair so the per-tick cost is one or two array reads.
 */
final class Conversion {

	static final Conversion IDENTITY = new Conversion(new SymbolState[0], new boolean[0]);

	private final SymbolState[] steps;
	/** true: the step's base is the source currency, multiply by its price; false: divide. */
	private final boolean[] multiply;

	private Conversion(SymbolState[] steps, boolean[] multiply) {
		this.steps = steps;
		this.multiply = multiply;
	}

	/**
	 * The rate, or NaN when a step has no quote yet.
	 *
	 * @param askSide false values the amount as if sold for the target currency: multiply by bid,
	 *     divide by ask. true uses the other side; margin of buys is converted that way so the
	 *     margin of a EURUSD buy in a USD account equals lots x contract x ask / leverage.
	 */
	double rate(boolean askSide) {
		double rate = 1;
		for (int i = 0; i < steps.length; i++) {
			SymbolState s = steps[i];
			if (!s.hasQuote) {
				return Double.NaN;
			}
			if (multiply[i]) {
				rate *= askSide ? s.ask : s.bid;
			}
			else {
				rate /= askSide ? s.bid : s.ask;
			}
		}
		return rate;
	}

	SymbolState[] steps() {
		return steps;
	}

	static @Nullable Conversion resolve(String from, String to, Iterable<SymbolState> symbols) {
		if (from.equals(to)) {
			return IDENTITY;
		}
		List<SymbolState> path = new ArrayList<>(2);
		List<Boolean> mul = new ArrayList<>(2);
		if (!step(from, to, symbols, path, mul)) {
			if (from.equals("USD") || to.equals("USD")
					|| !step(from, "USD", symbols, path, mul) || !step("USD", to, symbols, path, mul)) {
				return null;
			}
		}
		boolean[] m = new boolean[mul.size()];
		for (int i = 0; i < m.length; i++) {
			m[i] = mul.get(i);
		}
		return new Conversion(path.toArray(SymbolState[]::new), m);
	}

	private static boolean step(String from, String to, Iterable<SymbolState> symbols, List<SymbolState> path,
			List<Boolean> mul) {
		SymbolState inverse = null;
		for (SymbolState s : symbols) {
			SymbolConfig c = s.config;
			if (c.profitMode() != SymbolConfig.ProfitMode.FOREX) {
				continue;
			}
			if (c.marginCurrency().equals(from) && c.profitCurrency().equals(to)) {
				path.add(s);
				mul.add(true);
				return true;
			}
			if (inverse == null && c.marginCurrency().equals(to) && c.profitCurrency().equals(from)) {
				inverse = s;
			}
		}
		if (inverse != null) {
			path.add(inverse);
			mul.add(false);
			return true;
		}
		return false;
	}
}
