package io.tradeport.tradeserver.engine;

/** A group's configuration plus the id of its currency, shared by the accounts in it. */
final class GroupState {

	GroupConfig config;
	int currencyId;

	GroupState(GroupConfig config, int currencyId) {
		this.config = config;
		this.currencyId = currencyId;
	}

	double marginDivider(SymbolState symbol) {
		if (config.symbolMargins().isEmpty()) {
			return symbol.config.marginDivider();
		}
		GroupConfig.SymbolMargin override = config.symbolMargin(symbol.name);
		return override != null ? override.marginDivider() : symbol.config.marginDivider();
	}

	double swap(SymbolState symbol, boolean buy) {
		GroupConfig.SymbolMargin override = config.symbolMargin(symbol.name);
		if (override != null) {
			return buy ? override.swapLong() : override.swapShort();
		}
		return buy ? symbol.config.swapLong() : symbol.config.swapShort();
	}
}
