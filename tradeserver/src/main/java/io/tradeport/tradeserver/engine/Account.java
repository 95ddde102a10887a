package io.tradeport.tradeserver.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An account's settings, money, open orders and cached money state. */
final class Account {

	private static final SymbolState[] NONE = new SymbolState[0];
	private static final int[] NO_INTS = new int[0];

	final Login login;
	GroupState group;
	int leverageSetting;
	boolean enabled;
	boolean readOnly;

	double balance;
	double credit;

	/** Open positions and pending orders. */
	final ArrayList<Trade> orders = new ArrayList<>(2);
	List<TradeRecord> history = List.of();

	// Cached money state, refreshed by TradeEngine.recalc* after every change and relevant tick.
	double margin;
	double profit;
	double volume;
	MarginLevel.LevelType levelType = MarginLevel.LevelType.OK;
	/** Tick sequence number this account was last revalued at, to revalue it once per tick. */
	long tickMark;

	// Daily-report accumulators since the last report.
	double balancePrev;
	double dayDeposit;
	double dayCredit;
	double dayClosed;

	// Symbols held (orders open on them) with order counts and this account's slot in the holders array.
	SymbolState[] held = NONE;
	int[] heldCount = NO_INTS;
	int[] heldSlot = NO_INTS;
	int heldSize;

	Account(AccountConfig config, GroupState group) {
		this.login = config.login();
		this.group = group;
		apply(config, group);
	}

	void apply(AccountConfig config, GroupState group) {
		this.group = group;
		this.leverageSetting = config.leverage();
		this.enabled = config.enabled();
		this.readOnly = config.readOnly();
	}

	int leverage() {
		return leverageSetting > 0 ? leverageSetting : group.config.defaultLeverage();
	}

	double equity() {
		return balance + credit + profit;
	}

	double freeMargin() {
		double base = balance + credit - margin;
		return switch (group.config.freeMarginMode()) {
			case DONT_USE -> base;
			case USE_ALL -> base + profit;
			case USE_PROFIT -> base + Math.max(profit, 0);
			case USE_LOSS -> base + Math.min(profit, 0);
		};
	}

	double marginLevelPercent() {
		return margin > 0 ? equity() / margin * 100 : 0;
	}

	MarginLevel.LevelType computeLevelType() {
		if (margin <= 0) {
			return MarginLevel.LevelType.OK;
		}
		GroupConfig g = group.config;
		// MQL4 documents the money mode as a comparison of free margin with the absolute level. The
		// free-margin mode governs what may be opened, not risk, so losses always count here.
		double value = g.marginType() == GroupConfig.MarginType.PERCENT ? marginLevelPercent() : equity() - margin;
		if (value <= g.marginStopout()) {
			return MarginLevel.LevelType.STOP_OUT;
		}
		if (value <= g.marginCall()) {
			return MarginLevel.LevelType.MARGIN_CALL;
		}
		return MarginLevel.LevelType.OK;
	}

	int heldIndex(SymbolState symbol) {
		for (int i = 0; i < heldSize; i++) {
			if (held[i] == symbol) {
				return i;
			}
		}
		return -1;
	}

	void hold(SymbolState symbol) {
		int i = heldIndex(symbol);
		if (i >= 0) {
			heldCount[i]++;
			return;
		}
		if (heldSize == held.length) {
			int n = Math.max(2, heldSize * 2);
			held = Arrays.copyOf(held, n);
			heldCount = Arrays.copyOf(heldCount, n);
			heldSlot = Arrays.copyOf(heldSlot, n);
		}
		held[heldSize] = symbol;
		heldCount[heldSize] = 1;
		heldSlot[heldSize] = symbol.addHolder(this);
		heldSize++;
	}

	void release(SymbolState symbol) {
		int i = heldIndex(symbol);
		if (i < 0 || --heldCount[i] > 0) {
			return;
		}
		Account moved = symbol.removeHolder(heldSlot[i]);
		if (moved != null) {
			moved.heldSlot[moved.heldIndex(symbol)] = heldSlot[i];
		}
		int last = --heldSize;
		held[i] = held[last];
		heldCount[i] = heldCount[last];
		heldSlot[i] = heldSlot[last];
		held[last] = null;
	}

	void addHistory(TradeRecord record) {
		if (history.isEmpty()) {
			history = new ArrayList<>();
		}
		history.add(record);
	}

	AccountState toState() {
		return new AccountState(login, group.config.name(), group.config.currency(), leverage(), enabled, readOnly,
				balance, credit, Money.round2(profit), Money.round2(equity()), margin, Money.round2(freeMargin()));
	}

	MarginLevel toMarginLevel() {
		return new MarginLevel(login, group.config.name(), leverage(), Money.round2(balance + credit),
				Money.round2(equity()), volume, margin, Money.round2(freeMargin()), marginLevelPercent(),
				group.config.marginType(), levelType);
	}
}
