package io.tradeport.tradeserver.engine;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Client group settings, the subset of MT4's ConGroup the engine uses.
 *
 * @param marginCall margin-call threshold, in percent or money per {@code marginType}
 * @param marginStopout stop-out threshold, in percent or money per {@code marginType}
 * @param hedgeLargeLeg margin of a hedged symbol is that of its larger leg (ConGroup.hedge_largeleg)
 * @param stopoutSkipHedged fully locked accounts are not stopped out
 * @param closeFifo positions on a symbol must be closed oldest first (ConGroup.close_fifo)
 * @param maxPositions limit on open positions plus pending orders; 0 means none
 * @param securities per security type (ConGroup.secgroups), falling back to {@code defaultSecurity}
 * @param symbolMargins per-symbol overrides (ConGroup.secmargins)
 */
public record GroupConfig(
		String name,
		String currency,
		int defaultLeverage,
		double marginCall,
		double marginStopout,
		MarginType marginType,
		FreeMarginMode freeMarginMode,
		boolean hedgeLargeLeg,
		boolean stopoutSkipHedged,
		boolean useSwap,
		boolean hedgeProhibited,
		boolean closeFifo,
		boolean expirationAllowed,
		int maxPositions,
		Security defaultSecurity,
		Map<Integer, Security> securities,
		Map<String, SymbolMargin> symbolMargins) {

	public GroupConfig {
		if (defaultLeverage <= 0) {
			throw new IllegalArgumentException("leverage must be positive");
		}
		securities = Map.copyOf(securities);
		symbolMargins = Map.copyOf(symbolMargins);
	}

	public static Builder builder(String name, String currency) {
		return new Builder(name, currency);
	}

	public Security security(int symbolType) {
		return securities.getOrDefault(symbolType, defaultSecurity);
	}

	@Nullable SymbolMargin symbolMargin(String symbol) {
		return symbolMargins.get(symbol);
	}

	/** ConGroup.margin_type: thresholds in percent of margin level or in money. */
	public enum MarginType { PERCENT, CURRENCY }

	/** ConGroup.margin_mode: how floating P/L enters free margin, MT4 numbering order. */
	public enum FreeMarginMode { DONT_USE, USE_ALL, USE_PROFIT, USE_LOSS }

	/** ConGroupSec.comm_type. */
	public enum CommissionType { MONEY, PIPS, PERCENT }

	/**
	 * Per-security-type trading rules (ConGroupSec). Volumes are in 1/100 lot.
	 *
	 * @param commission charge per open; positive charges the client (stored negative on the trade)
	 * @param commissionPerLot true: per lot (comm_lots = per lot); false: per deal, MONEY type only
	 */
	public record Security(boolean trade, int lotMin, int lotMax, int lotStep,
			double commission, CommissionType commissionType, boolean commissionPerLot) {

		public static final Security DEFAULT = new Security(true, 1, 10_000, 1, 0, CommissionType.MONEY, true);

		public Security {
			if (lotMin <= 0 || lotStep <= 0 || lotMax < lotMin) {
				throw new IllegalArgumentException("bad lot limits");
			}
		}

		public Security withCommission(double commission, CommissionType type, boolean perLot) {
			return new Security(trade, lotMin, lotMax, lotStep, commission, type, perLot);
		}

		public Security withLots(int lotMin, int lotMax, int lotStep) {
			return new Security(trade, lotMin, lotMax, lotStep, commission, commissionType, commissionPerLot);
		}

		public Security withTrade(boolean trade) {
			return new Security(trade, lotMin, lotMax, lotStep, commission, commissionType, commissionPerLot);
		}
	}

	/** Group override for one symbol (ConGroupMargin). */
	public record SymbolMargin(double swapLong, double swapShort, double marginDivider) {

		public SymbolMargin {
			if (marginDivider <= 0) {
				throw new IllegalArgumentException("margin divider must be positive");
			}
		}
	}

	public static final class Builder {

		private final String name;
		private final String currency;
		private int defaultLeverage = 100;
		private double marginCall = 100;
		private double marginStopout = 50;
		private MarginType marginType = MarginType.PERCENT;
		private FreeMarginMode freeMarginMode = FreeMarginMode.USE_ALL;
		private boolean hedgeLargeLeg;
		private boolean stopoutSkipHedged;
		private boolean useSwap = true;
		private boolean hedgeProhibited;
		private boolean closeFifo;
		private boolean expirationAllowed = true;
		private int maxPositions;
		private Security defaultSecurity = Security.DEFAULT;
		private final Map<Integer, Security> securities = new HashMap<>();
		private final Map<String, SymbolMargin> symbolMargins = new HashMap<>();

		private Builder(String name, String currency) {
			this.name = name;
			this.currency = currency;
		}

		public Builder defaultLeverage(int leverage) { this.defaultLeverage = leverage; return this; }
		public Builder levels(MarginType type, double marginCall, double stopout) {
			this.marginType = type;
			this.marginCall = marginCall;
			this.marginStopout = stopout;
			return this;
		}
		public Builder freeMarginMode(FreeMarginMode mode) { this.freeMarginMode = mode; return this; }
		public Builder hedgeLargeLeg(boolean on) { this.hedgeLargeLeg = on; return this; }
		public Builder stopoutSkipHedged(boolean on) { this.stopoutSkipHedged = on; return this; }
		public Builder useSwap(boolean on) { this.useSwap = on; return this; }
		public Builder hedgeProhibited(boolean on) { this.hedgeProhibited = on; return this; }
		public Builder closeFifo(boolean on) { this.closeFifo = on; return this; }
		public Builder expirationAllowed(boolean on) { this.expirationAllowed = on; return this; }
		public Builder maxPositions(int max) { this.maxPositions = max; return this; }
		public Builder defaultSecurity(Security security) { this.defaultSecurity = security; return this; }
		public Builder security(int type, Security security) { securities.put(type, security); return this; }
		public Builder symbolMargin(String symbol, SymbolMargin margin) { symbolMargins.put(symbol, margin); return this; }

		public GroupConfig build() {
			return new GroupConfig(name, currency, defaultLeverage, marginCall, marginStopout, marginType,
					freeMarginMode, hedgeLargeLeg, stopoutSkipHedged, useSwap, hedgeProhibited, closeFifo, expirationAllowed,
					maxPositions, defaultSecurity, securities, symbolMargins);
		}
	}
}
