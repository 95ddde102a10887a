package io.tradeport.tradeserver.gateway;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.MarginLevel;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.TradeRecord;

/**
 * Hands each engine event to every listener in order (the gateway's pump and stores, then the
 * report replication). Each call is isolated: one failing listener must not keep the event from
 * the others, nor abort the engine command that raised it.
 */
final class CompositeListener implements EngineListener {

	private static final Logger LOG = Logger.getLogger(CompositeListener.class.getName());

	private final List<EngineListener> listeners;

	CompositeListener(List<EngineListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	private interface Event {
		void deliver(EngineListener listener);
	}

	private void each(Event event) {
		for (EngineListener listener : listeners) {
			try {
				event.deliver(listener);
			}
			catch (RuntimeException ex) {
				LOG.log(Level.WARNING, "engine listener " + listener + " failed", ex);
			}
		}
	}

	@Override
	public void tradeOpened(TradeRecord trade) {
		each(l -> l.tradeOpened(trade));
	}

	@Override
	public void tradeModified(TradeRecord trade) {
		each(l -> l.tradeModified(trade));
	}

	@Override
	public void tradeClosed(TradeRecord trade) {
		each(l -> l.tradeClosed(trade));
	}

	@Override
	public void tradeDeleted(TradeRecord trade) {
		each(l -> l.tradeDeleted(trade));
	}

	@Override
	public void accountChanged(AccountState account) {
		each(l -> l.accountChanged(account));
	}

	@Override
	public void marginLevelChanged(MarginLevel level) {
		each(l -> l.marginLevelChanged(level));
	}

	@Override
	public void tickApplied(Quote quote) {
		each(l -> l.tickApplied(quote));
	}

	@Override
	public void dailyReport(DailyReport report) {
		each(l -> l.dailyReport(report));
	}
}
