package io.tradeport.tradeserver.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A live position or pending order. Mutable and primitive-only on purpose: a million of these
 * stay resident, and each is owned by the engine thread, so snapshots ({@link TradeRecord}) are
 * made only when an event or query needs one.
 */
final class Trade {

	final int ticket;
	final Account account;
	final SymbolState symbol;
	TradeCommand cmd;
	int volume;
	/** Epoch milliseconds; 0 expiration means none. Close values live only in the closed record. */
	long openTime;
	long expiration;
	double openPrice;
	double sl;
	double tp;
	double convRateOpen;
	double marginRate;
	double commission;
	double storage;
	double profit;
	String comment;
	int magic;

	Trade(int ticket, Account account, SymbolState symbol, TradeCommand cmd, int volume, String comment, int magic) {
		this.ticket = ticket;
		this.account = account;
		this.symbol = symbol;
		this.cmd = cmd;
		this.volume = volume;
		this.comment = comment;
		this.magic = magic;
	}

	boolean isBuy() {
		return cmd.isBuy();
	}

	double lots() {
		return volume / 100.0;
	}

	/** P/L in the profit currency if closed at {@code price}. */
	double rawProfit(double price) {
		double move = isBuy() ? price - openPrice : openPrice - price;
		return move * lots() * symbol.profitFactor;
	}

	/** Profit, swaps and commission: what this trade adds to equity. */
	double floating() {
		return profit + storage + commission;
	}

	/** Like MT4, an open order's close price is the current price it would close or trigger at. */
	TradeRecord toRecord() {
		double current = !symbol.hasQuote ? 0 : cmd.isMarket() ? symbol.closePrice(isBuy()) : symbol.openPrice(isBuy());
		return record(null, current, 0);
	}

	TradeRecord toClosedRecord(long closeTime, double closePrice, double convRateClose) {
		return record(Instant.ofEpochMilli(closeTime), closePrice, convRateClose);
	}

	private TradeRecord record(@Nullable Instant closeTime, double closePrice, double convRateClose) {
		return new TradeRecord(new Ticket(ticket), account.login, symbol.name, symbol.config.digits(), cmd, volume,
				Instant.ofEpochMilli(openTime), openPrice, sl, tp, closeTime,
				expiration == 0 ? null : Instant.ofEpochMilli(expiration), closePrice, convRateOpen, convRateClose,
				commission, storage, profit, marginRate, comment, magic);
	}
}
