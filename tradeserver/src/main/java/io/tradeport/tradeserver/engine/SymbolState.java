package io.tradeport.tradeserver.engine;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/** A symbol's configuration, live quote and the accounts that hold orders on it. */
final class SymbolState {

	private static final Account[] NO_ACCOUNTS = new Account[0];
	private static final SymbolState[] NO_SYMBOLS = new SymbolState[0];

	final String name;
	SymbolConfig config;
	double point;
	/** Profit per lot per unit of price move, in the profit currency. */
	double profitFactor;

	boolean hasQuote;
	double bid;
	double ask;
	long quoteTime;

	/** Accounts with at least one open order on this symbol; the symbol → accounts index. */
	Account[] holders = NO_ACCOUNTS;
	int holderCount;

	/** Profit currency → account currency, indexed by currency id. */
	@Nullable Conversion[] profitConversions = new Conversion[0];

	/** Symbols whose profit conversion uses this symbol's quote, so a tick here must revalue them. */
	SymbolState[] dependents = NO_SYMBOLS;

	SymbolState(SymbolConfig config) {
		this.name = config.name();
		configure(config);
	}

	void configure(SymbolConfig config) {
		this.config = config;
		this.point = config.point();
		this.profitFactor = config.profitMode() == SymbolConfig.ProfitMode.FUTURES
				? config.tickValue() / config.tickSize() : config.contractSize();
	}

	/** Price a position is valued and closed at: bid for buys, ask for sells. */
	double closePrice(boolean buy) {
		return buy ? bid : ask;
	}

	double openPrice(boolean buy) {
		return buy ? ask : bid;
	}

	int addHolder(Account account) {
		if (holderCount == holders.length) {
			holders = Arrays.copyOf(holders, Math.max(4, holderCount * 2));
		}
		holders[holderCount] = account;
		return holderCount++;
	}

	/** Swap-remove; returns the account that moved into {@code slot}, if any, so it can update its slot. */
	@Nullable Account removeHolder(int slot) {
		int last = --holderCount;
		Account moved = null;
		if (slot != last) {
			moved = holders[last];
			holders[slot] = moved;
		}
		holders[last] = null;
		return moved;
	}

	@Nullable Conversion profitConversion(int currencyId) {
		return currencyId < profitConversions.length ? profitConversions[currencyId] : null;
	}

	void addDependent(SymbolState symbol) {
		for (SymbolState d : dependents) {
			if (d == symbol) {
				return;
			}
		}
		dependents = Arrays.copyOf(dependents, dependents.length + 1);
		dependents[dependents.length - 1] = symbol;
	}

	void clearDependents() {
		dependents = NO_SYMBOLS;
	}

	Quote quote() {
		return new Quote(name, bid, ask, java.time.Instant.ofEpochMilli(quoteTime));
	}
}
