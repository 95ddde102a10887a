package io.tradeport.tradeserver.gateway;

import java.util.List;

import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.MarginLevel;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.TradeRecord;

/**
 * The engine's listener: feeds the pump, the quote board, the market history, the journal and
 * the daily reports. Runs on the engine thread; every consumer only queues or stores.
 */
final class EngineEvents implements EngineListener {

	private final PumpHub pump;
	private final QuoteBoard quotes;
	private final MarketHistory history;
	private final Journal journal;
	private final List<DailyReport> dailyReports;

	EngineEvents(PumpHub pump, QuoteBoard quotes, MarketHistory history, Journal journal, List<DailyReport> dailyReports) {
		this.pump = pump;
		this.quotes = quotes;
		this.history = history;
		this.journal = journal;
		this.dailyReports = dailyReports;
	}

	@Override
	public void tradeOpened(TradeRecord trade) {
		pump.tradeOpened(trade);
		journal.write(Journal.Type.TRADES, "", "'" + trade.login() + "': order " + trade.ticket() + " " + describe(trade) + " opened");
	}

	@Override
	public void tradeModified(TradeRecord trade) {
		pump.tradeModified(trade);
		journal.write(Journal.Type.TRADES, "", "'" + trade.login() + "': order " + trade.ticket() + " " + describe(trade)
				+ " modified, sl " + trade.sl() + " tp " + trade.tp());
	}

	@Override
	public void tradeClosed(TradeRecord trade) {
		pump.tradeClosed(trade);
		if (trade.cmd().isMarket()) {
			journal.write(Journal.Type.TRADES, "", "'" + trade.login() + "': order " + trade.ticket() + " " + describe(trade)
					+ " closed at " + trade.closePrice() + " profit " + trade.profit() + " " + trade.comment());
		}
		else if (trade.cmd().isPending()) {
			journal.write(Journal.Type.TRADES, "", "'" + trade.login() + "': order " + trade.ticket() + " " + describe(trade)
					+ " deleted " + trade.comment());
		}
		else {
			journal.write(Journal.Type.TRADES, "", "'" + trade.login() + "': " + trade.cmd().name().toLowerCase(java.util.Locale.ROOT)
					+ " " + trade.profit() + " " + trade.comment());
		}
	}

	@Override
	public void tradeDeleted(TradeRecord trade) {
		pump.tradeDeleted(trade);
		journal.write(Journal.Type.TRADES, "", "'" + trade.login() + "': order " + trade.ticket() + " " + describe(trade)
				+ " deleted without closing (nothing booked)");
	}

	@Override
	public void accountChanged(AccountState account) {
		pump.accountChanged(account);
	}

	@Override
	public void marginLevelChanged(MarginLevel level) {
		pump.marginLevelChanged(level);
		if (level.levelType() != MarginLevel.LevelType.OK) {
			journal.write(Journal.Type.STANDARD, "", "'" + level.login() + "': " + level.levelType() + " level "
					+ Math.round(level.marginLevel() * 100) / 100.0 + "% equity " + level.equity() + " margin " + level.margin());
		}
	}

	@Override
	public void tickApplied(Quote quote) {
		quotes.onTick(quote);
		history.onTick(quote);
		pump.tick(quote);
	}

	@Override
	public void dailyReport(DailyReport report) {
		synchronized (dailyReports) {
			dailyReports.add(report);
		}
	}

	private static String describe(TradeRecord t) {
		return t.cmd().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + t.lots() + " " + t.symbol()
				+ " at " + t.openPrice();
	}
}
