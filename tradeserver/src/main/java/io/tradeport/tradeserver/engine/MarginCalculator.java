package io.tradeport.tradeserver.engine;

/**
 * MT4 margin of one symbol inside one account, from the symbol's open volume (see mt4-domain.md
 * §2.7 item 4). Margin depends on open prices and on the margin rate fixed at open, not on the
 * current price, so it changes only when the account's orders or settings change; ticks only
 * move equity.
 */
final class MarginCalculator {

	private MarginCalculator() {
	}

	/**
	 * @param buyLots sum of buy lots
	 * @param sellLots sum of sell lots
	 * @param price volume-weighted average open price of all the symbol's positions
	 * @param rate volume-weighted average margin rate (margin currency → account currency)
	 */
	static double symbolMargin(SymbolConfig c, double divider, int leverage, double buyLots, double sellLots,
			double price, double rate) {
		double net = Math.abs(buyLots - sellLots);
		double hedged = buyLots + sellLots - net;
		double initial = c.marginInitial();
		double amount = switch (c.marginMode()) {
			case FOREX -> (net * (initial > 0 ? initial : c.contractSize()) + hedged * c.marginHedged()) / leverage;
			case CFD -> cfd(c, net, hedged, price, 1);
			case CFD_LEVERAGE -> cfd(c, net, hedged, price, 1) / leverage;
			case CFD_INDEX -> cfd(c, net, hedged, price, c.tickValue() / c.tickSize());
			case FUTURES -> {
				// Open futures positions are held at maintenance margin when the symbol defines one.
				double perLot = c.marginMaintenance() > 0 ? c.marginMaintenance() : initial;
				yield net * perLot + hedged * c.marginHedged();
			}
		};
		return amount / divider * rate;
	}

	private static double cfd(SymbolConfig c, double net, double hedged, double price, double tickFactor) {
		double initial = c.marginInitial();
		if (initial > 0) {
			return net * initial + hedged * c.marginHedged();
		}
		double perLot = price * c.contractSize() * tickFactor;
		return net * perLot + hedged * c.marginHedged() * price * tickFactor;
	}
}
