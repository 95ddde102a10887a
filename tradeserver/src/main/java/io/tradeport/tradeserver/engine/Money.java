package io.tradeport.tradeserver.engine;

/** Rounding the way MT4's NormalizeDouble does it: half away from zero. */
final class Money {

	private Money() {
	}

	/** Account currencies have two digits in MT4. */
	static double round2(double value) {
		return round(value, 100);
	}

	static double normalizePrice(double price, int digits) {
		return round(price, POWERS[digits]);
	}

	private static final double[] POWERS = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };

	private static double round(double value, double scale) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		// The epsilon absorbs binary noise such as 1.005 * 100 = 100.49999999999999.
		double scaled = Math.abs(value) * scale;
		double rounded = Math.floor(scaled + 0.5 + 1e-7);
		return rounded == 0 ? 0.0 : Math.copySign(rounded / scale, value);
	}
}
