package io.tradeport.tradeserver.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps every event, in order, for assertions. */
final class RecordingListener implements EngineListener {

	final List<Object> all = new ArrayList<>();
	final List<TradeRecord> opened = new ArrayList<>();
	final List<TradeRecord> modified = new ArrayList<>();
	final List<TradeRecord> closed = new ArrayList<>();
	final List<TradeRecord> deleted = new ArrayList<>();
	final List<AccountState> accounts = new ArrayList<>();
	final List<MarginLevel> levels = new ArrayList<>();
	final List<Quote> ticks = new ArrayList<>();
	final List<DailyReport> reports = new ArrayList<>();
	/** Names of the threads events arrived on; a concurrent set so a wrong thread cannot corrupt it. */
	final Set<String> threads = ConcurrentHashMap.newKeySet();

	@Override
	public void tradeOpened(TradeRecord trade) {
		opened.add(trade);
		threads.add(Thread.currentThread().getName());
		all.add(trade);
	}

	@Override
	public void tradeModified(TradeRecord trade) {
		modified.add(trade);
		threads.add(Thread.currentThread().getName());
		all.add(trade);
	}

	@Override
	public void tradeClosed(TradeRecord trade) {
		closed.add(trade);
		threads.add(Thread.currentThread().getName());
		all.add(trade);
	}

	@Override
	public void tradeDeleted(TradeRecord trade) {
		deleted.add(trade);
		threads.add(Thread.currentThread().getName());
		all.add(trade);
	}

	@Override
	public void accountChanged(AccountState account) {
		accounts.add(account);
		threads.add(Thread.currentThread().getName());
		all.add(account);
	}

	@Override
	public void marginLevelChanged(MarginLevel level) {
		levels.add(level);
		threads.add(Thread.currentThread().getName());
		all.add(level);
	}

	@Override
	public void tickApplied(Quote quote) {
		ticks.add(quote);
		threads.add(Thread.currentThread().getName());
		all.add(quote);
	}

	@Override
	public void dailyReport(DailyReport report) {
		reports.add(report);
		threads.add(Thread.currentThread().getName());
		all.add(report);
	}
}
