package io.tradeport.tradeserver.engine;

import java.time.DayOfWeek;

/**
 * Instrument settings, the subset of MT4's ConSymbol the engine uses.
 *
 * @param type security group index (0..31), selects the group's {@link GroupConfig.Security}
 * @param marginCurrency currency the margin is computed in (base currency for forex)
 * @param profitCurrency currency the profit is computed in (quote currency for forex)
 * @param tickValue value of one tick in the profit currency, for futures and CFD-index modes
 * @param marginInitial per-lot margin that replaces the contract-size based margin when positive
 * @param marginMaintenance per-lot margin of open futures positions when positive
 * @param marginHedged per-lot margin of the hedged (locked) volume
 * @param marginDivider divisor applied to the margin; 1 means none
 * @param spread fixed spread in points, 0 takes the feed's spread
 * @param stopsLevel minimum SL/TP/pending distance from the market, in points
 * @param freezeLevel distance from the market, in points, inside which orders cannot be changed
 * @param swapLong swap of buy positions, sign as configured: negative is a charge
 * @param tripleSwapDay trading day whose rollover is charged three times; a {@link DayOfWeek}
 *     rather than MT4's integer because the Manager and Server API headers disagree on its base
 * @param swapOpenPrice interest swaps use the open price instead of the current price
 * @param execution how market orders are filled (ConSymbol.exemode)
 */
public record SymbolConfig(
		String name,
		int type,
		int digits,
		double contractSize,
		ProfitMode profitMode,
		MarginMode marginMode,
		String marginCurrency,
		String profitCurrency,
		double tickValue,
		double tickSize,
		double marginInitial,
		double marginMaintenance,
		double marginHedged,
		double marginDivider,
		int spread,
		int stopsLevel,
		int freezeLevel,
		TradeMode tradeMode,
		boolean longOnly,
		boolean swapEnabled,
		SwapType swapType,
		double swapLong,
		double swapShort,
		DayOfWeek tripleSwapDay,
		boolean swapOpenPrice,
		TradeSessions sessions,
		Execution execution) {

	public SymbolConfig {
		if (digits < 0 || digits > 8) {
			throw new IllegalArgumentException("digits out of range: " + digits);
		}
		if (contractSize <= 0) {
			throw new IllegalArgumentException("contract size must be positive");
		}
		if (marginDivider <= 0) {
			throw new IllegalArgumentException("margin divider must be positive");
		}
		if (execution == null) {
			throw new IllegalArgumentException(name + ": an execution mode is required");
		}
		if ((profitMode == ProfitMode.FUTURES || marginMode == MarginMode.CFD_INDEX) && (tickSize <= 0 || tickValue <= 0)) {
			throw new IllegalArgumentException(name + ": tick value and size are required by its calc mode");
		}
	}

	/** Smallest price change, 10^-digits. */
	public double point() {
		return Math.pow(10, -digits);
	}

	/** A forex pair named like EURUSD: margin currency from the first three letters, profit from the last three. */
	public static Builder forex(String name, int digits) {
		if (name.length() < 6) {
			throw new IllegalArgumentException("forex symbol names start with two currency codes: " + name);
		}
		return new Builder(name).digits(digits)
			.currencies(name.substring(0, 3), name.substring(3, 6));
	}

	public static Builder builder(String name) {
		return new Builder(name);
	}

	public Builder toBuilder() {
		Builder b = new Builder(name);
		b.type = type;
		b.digits = digits;
		b.contractSize = contractSize;
		b.profitMode = profitMode;
		b.marginMode = marginMode;
		b.marginCurrency = marginCurrency;
		b.profitCurrency = profitCurrency;
		b.tickValue = tickValue;
		b.tickSize = tickSize;
		b.marginInitial = marginInitial;
		b.marginMaintenance = marginMaintenance;
		b.marginHedged = marginHedged;
		b.marginDivider = marginDivider;
		b.spread = spread;
		b.stopsLevel = stopsLevel;
		b.freezeLevel = freezeLevel;
		b.tradeMode = tradeMode;
		b.longOnly = longOnly;
		b.swapEnabled = swapEnabled;
		b.swapType = swapType;
		b.swapLong = swapLong;
		b.swapShort = swapShort;
		b.tripleSwapDay = tripleSwapDay;
		b.swapOpenPrice = swapOpenPrice;
		b.sessions = sessions;
		b.execution = execution;
		return b;
	}

	/** ConSymbol.profit_mode. */
	public enum ProfitMode { FOREX, CFD, FUTURES }

	/** ConSymbol.margin_mode, in MT4's numbering order. */
	public enum MarginMode { FOREX, CFD, FUTURES, CFD_INDEX, CFD_LEVERAGE }

	/** ConSymbol.trade. */
	public enum TradeMode { DISABLED, CLOSE_ONLY, FULL }

	/**
	 * ConSymbol.exemode, in MT4's numbering order (EXE_REQUEST, EXE_INSTANT, EXE_MARKET).
	 * <ul>
	 * <li>INSTANT: the order fills at the price the client saw, within its deviation; a larger move is a
	 * requote (138).
	 * <li>REQUEST: the client asked for a quote and fills only at it; the built-in server is the dealer
	 * and confirms automatically, so a price that has moved since the quote is a requote, with no deviation.
	 * <li>MARKET: the order fills at the current price whatever the client asked for. SL and TP
	 * cannot be given with the opening request (130), because the fill price is unknown when it is
	 * sent; the client sets them with a modify afterwards, as MT4 terminals do.
	 * </ul>
	 */
	public enum Execution { REQUEST, INSTANT, MARKET }

	/** ConSymbol.swap_type, in MT4's numbering order; BASE_CURRENCY is MT4's "dollars". */
	public enum SwapType { POINTS, BASE_CURRENCY, INTEREST, MARGIN_CURRENCY }

	/** Mutable builder; defaults are those of a plain 100,000-unit forex pair. */
	public static final class Builder {

		private final String name;
		private int type;
		private int digits = 5;
		private double contractSize = 100_000;
		private ProfitMode profitMode = ProfitMode.FOREX;
		private MarginMode marginMode = MarginMode.FOREX;
		private String marginCurrency = "USD";
		private String profitCurrency = "USD";
		private double tickValue;
		private double tickSize;
		private double marginInitial;
		private double marginMaintenance;
		private double marginHedged;
		private double marginDivider = 1;
		private int spread;
		private int stopsLevel;
		private int freezeLevel;
		private TradeMode tradeMode = TradeMode.FULL;
		private boolean longOnly;
		private boolean swapEnabled = true;
		private SwapType swapType = SwapType.POINTS;
		private double swapLong;
		private double swapShort;
		private DayOfWeek tripleSwapDay = DayOfWeek.WEDNESDAY;
		private boolean swapOpenPrice;
		private TradeSessions sessions = TradeSessions.ALWAYS;
		private Execution execution = Execution.INSTANT;

		private Builder(String name) {
			this.name = name;
		}

		public Builder type(int type) { this.type = type; return this; }
		public Builder digits(int digits) { this.digits = digits; return this; }
		public Builder contractSize(double contractSize) { this.contractSize = contractSize; return this; }
		public Builder profitMode(ProfitMode profitMode) { this.profitMode = profitMode; return this; }
		public Builder marginMode(MarginMode marginMode) { this.marginMode = marginMode; return this; }
		public Builder currencies(String marginCurrency, String profitCurrency) {
			this.marginCurrency = marginCurrency;
			this.profitCurrency = profitCurrency;
			return this;
		}
		public Builder tick(double tickValue, double tickSize) {
			this.tickValue = tickValue;
			this.tickSize = tickSize;
			return this;
		}
		public Builder marginInitial(double marginInitial) { this.marginInitial = marginInitial; return this; }
		public Builder marginMaintenance(double marginMaintenance) { this.marginMaintenance = marginMaintenance; return this; }
		public Builder marginHedged(double marginHedged) { this.marginHedged = marginHedged; return this; }
		public Builder marginDivider(double marginDivider) { this.marginDivider = marginDivider; return this; }
		public Builder spread(int spread) { this.spread = spread; return this; }
		public Builder stopsLevel(int stopsLevel) { this.stopsLevel = stopsLevel; return this; }
		public Builder freezeLevel(int freezeLevel) { this.freezeLevel = freezeLevel; return this; }
		public Builder tradeMode(TradeMode tradeMode) { this.tradeMode = tradeMode; return this; }
		public Builder longOnly(boolean longOnly) { this.longOnly = longOnly; return this; }
		public Builder swapEnabled(boolean swapEnabled) { this.swapEnabled = swapEnabled; return this; }
		public Builder swap(SwapType swapType, double swapLong, double swapShort) {
			this.swapType = swapType;
			this.swapLong = swapLong;
			this.swapShort = swapShort;
			return this;
		}
		public Builder tripleSwapDay(DayOfWeek tripleSwapDay) { this.tripleSwapDay = tripleSwapDay; return this; }
		public Builder swapOpenPrice(boolean swapOpenPrice) { this.swapOpenPrice = swapOpenPrice; return this; }
		public Builder sessions(TradeSessions sessions) { this.sessions = sessions; return this; }
		public Builder execution(Execution execution) { this.execution = execution; return this; }

		public SymbolConfig build() {
			return new SymbolConfig(name, type, digits, contractSize, profitMode, marginMode, marginCurrency,
					profitCurrency, tickValue, tickSize, marginInitial, marginMaintenance, marginHedged, marginDivider,
					spread, stopsLevel, freezeLevel, tradeMode, longOnly, swapEnabled, swapType, swapLong, swapShort,
					tripleSwapDay, swapOpenPrice, sessions, execution);
		}
	}
}
