package io.tradeport.benchmarks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeEngine;

/**
 * A big book: {@code accounts} funded USD accounts holding {@code tradesPerAccount} open market
 * positions each (100,000 × 10 = 1,000,000 by default), opened through {@link TradeEngine#open}
 * like any client order, so the state is real MT4 state (validated, margin checked, symbol index
 * maintained). The engine offers no bulk path and none is needed: this takes seconds.
 *
 * <p>One symbol, {@link #HOT}, is held by one account in {@code oneIn} only (one position each), so
 * that its tick shows the symbol index at work. The other positions are spread round
 * {@link #OTHERS} USD-quoted symbols: 1 HOT + 9 others for holders, 10 others for the rest. Every
 * symbol is quoted in USD, the accounts' currency, so a tick on one symbol revalues only its own
 * holders (no crosses converted through it).
 */
final class Population {

	static final String HOT = "EURUSD";
	static final int OTHERS = 19;
	static final String GROUP = "bench";

	final TradeEngine engine;
	final List<String> symbols = new ArrayList<>();
	final int accounts;
	final int oneIn;
	final int hotHolders;

	private Population(TradeEngine engine, int accounts, int oneIn, int hotHolders) {
		this.engine = engine;
		this.accounts = accounts;
		this.oneIn = oneIn;
		this.hotHolders = hotHolders;
	}

	/** Groups, symbols and quotes only. */
	static Population configure(Clock clock, int accounts, int oneIn) {
		TradeEngine engine = new TradeEngine(clock, EngineSettings.defaults(), EngineListener.NONE);
		engine.putGroup(GroupConfig.builder(GROUP, "USD").defaultLeverage(100)
			.levels(GroupConfig.MarginType.PERCENT, 100, 50)
			.build());
		Population p = new Population(engine, accounts, oneIn, (accounts + oneIn - 1) / oneIn);
		p.symbols.add(HOT);
		for (int s = 0; s < OTHERS; s++) {
			p.symbols.add(String.format("X%02dUSD", s));
		}
		for (String name : p.symbols) {
			engine.putSymbol(SymbolConfig.forex(name, 5).build());
			engine.tick(name, 1.10000, 1.10015);
		}
		return p;
	}

	/** Creates and funds the accounts (a deposit record each), without positions. */
	Population fund() {
		for (int i = 0; i < accounts; i++) {
			Login login = Login.of(i + 1);
			engine.putAccount(AccountConfig.of(login.value(), GROUP));
			DemoEngine.require(engine.balance(login, 1_000_000, "Deposit"), "deposit");
		}
		return this;
	}

	Population open(int tradesPerAccount) {
		for (int i = 0; i < accounts; i++) {
			int login = i + 1;
			boolean holdsHot = i % oneIn == 0;
			for (int k = 0; k < tradesPerAccount; k++) {
				String symbol = holdsHot && k == 0 ? HOT : symbols.get(1 + (i + k) % OTHERS);
				TradeCommand cmd = ((i + k) & 1) == 0 ? TradeCommand.BUY : TradeCommand.SELL;
				DemoEngine.require(engine.open(OpenOrder.market(login, symbol, cmd, 10 + 10 * (k % 5))), "open");
			}
		}
		return this;
	}
}
