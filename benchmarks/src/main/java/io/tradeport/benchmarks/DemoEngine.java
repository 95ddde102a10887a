package io.tradeport.benchmarks;

import java.time.Clock;

import io.tradeport.tradeserver.config.DemoPlatform;
import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeResult;

/**
 * The engine as {@code TradeServer} seeds it (demo groups, symbols and opening quotes), with the
 * {@link Trader} accounts funded, but without the gateway, its stores and its event consumers.
 */
final class DemoEngine {

	private DemoEngine() {
	}

	static TradeEngine create(Clock clock) {
		TradeEngine engine = new TradeEngine(clock, EngineSettings.defaults(), EngineListener.NONE);
		for (GroupConfig group : DemoPlatform.groups()) {
			engine.putGroup(group);
		}
		for (DemoPlatform.Symbol symbol : DemoPlatform.symbols()) {
			engine.putSymbol(symbol.config());
			engine.tick(symbol.config().name(), symbol.bid(), symbol.ask());
		}
		for (int i = 0; i < Trader.ACCOUNTS; i++) {
			Login login = Login.of(Trader.FIRST_LOGIN + i);
			engine.putAccount(AccountConfig.of(login.value(), Trader.GROUP));
			require(engine.balance(login, Trader.DEPOSIT, "Deposit"), "deposit");
		}
		return engine;
	}

	static int open(TradeEngine engine, int login, String symbol, boolean buy) {
		TradeResult result = engine.open(OpenOrder.market(login, symbol, buy ? TradeCommand.BUY : TradeCommand.SELL,
				Trader.VOLUME));
		return require(result, "open").value();
	}

	static void close(TradeEngine engine, int ticket) {
		require(engine.close(Ticket.of(ticket)), "close");
	}

	/** A refused transaction would make the benchmark fast and wrong, so it fails the run instead. */
	static Ticket require(TradeResult result, String what) {
		if (!result.isOk() || result.ticket() == null) {
			throw new IllegalStateException(what + " refused: " + result.code());
		}
		return result.ticket();
	}
}
