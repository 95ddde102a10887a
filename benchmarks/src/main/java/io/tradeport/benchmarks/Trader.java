package io.tradeport.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One caller's round trip through the demo symbols: open a 0.1 lot market order, close it, move
 * to the next symbol. Each call of {@link #next} is one trade transaction, so latencies are per
 * transaction and an open and its close count as two.
 */
final class Trader {

	/** Forex and gold trade around the clock on weekdays; US30 is left out for its daily break. */
	static final String[] SYMBOLS = { "EURUSD", "GBPUSD", "USDJPY", "EURJPY", "XAUUSD" };
	static final int VOLUME = 10;
	static final String GROUP = "demoforex";
	/** Enough that the spreads paid on millions of round trips never run an account out of margin. */
	static final double DEPOSIT = 100_000_000;
	/** One account per caller, so callers never contend on an account's orders (as distinct clients). */
	static final int ACCOUNTS = 64;
	static final int FIRST_LOGIN = 100_001;

	interface Transactions {
		/** Opens and returns the ticket; throws when refused. */
		int open(int login, String symbol, boolean buy);

		/** Closes the whole position; throws when refused. */
		void close(int ticket);
	}

	private final int login;
	private int step;
	private int ticket;

	Trader(AtomicInteger logins) {
		int index = logins.getAndIncrement();
		if (index >= ACCOUNTS) {
			throw new IllegalStateException("more callers than accounts: raise Trader.ACCOUNTS");
		}
		this.login = FIRST_LOGIN + index;
		this.step = index;
	}

	int next(Transactions transactions) {
		if (ticket == 0) {
			String symbol = SYMBOLS[step % SYMBOLS.length];
			ticket = transactions.open(login, symbol, (step & 1) == 0);
			return ticket;
		}
		int closed = ticket;
		transactions.close(closed);
		ticket = 0;
		step++;
		return closed;
	}

	/** Between an open and its close. */
	boolean holding() {
		return ticket != 0;
	}

	/** Forgets the open position, for a fresh engine. */
	void reset() {
		ticket = 0;
	}
}
