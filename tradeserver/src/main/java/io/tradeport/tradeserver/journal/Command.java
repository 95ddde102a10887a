package io.tradeport.tradeserver.journal;

import java.util.List;

import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.MarketHoliday;
import io.tradeport.tradeserver.engine.ModifyOrder;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.ReturnCode;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeRecordUpdate;
import io.tradeport.tradeserver.engine.TradeResult;

/**
 * A state-changing engine call as the journal stores it. Replaying the same commands at the same
 * clock times on the same starting state gives the same engine state, because the engine is
 * deterministic given its inputs and its clock.
 */
sealed interface Command<T> {

	/**
	 * The journal's type tags are the positions in this list: append new commands, never
	 * reorder or remove.
	 */
	List<Class<? extends Command<?>>> TYPES = List.of(PutGroup.class, PutSymbol.class, PutAccount.class, Balance.class,
			Credit.class, Open.class, Modify.class, Close.class, Delete.class, Tick.class, Timers.class, RemoveAccount.class,
			RemoveGroup.class, Activate.class, FixBalance.class, ModifyRecord.class,
			OpenAt.class, CloseAt.class, CloseBy.class, CloseAll.class, RemoveSymbol.class, CloseRequested.class,
			PutHolidays.class, DeletePosition.class, RestoreOrder.class);

	T apply(TradeEngine engine);

	default int tag() {
		return TYPES.indexOf(getClass());
	}

	record PutGroup(GroupConfig config) implements Command<Boolean> {
		@Override
		public Boolean apply(TradeEngine engine) {
			engine.putGroup(config);
			return true;
		}
	}

	record PutSymbol(SymbolConfig config) implements Command<Boolean> {
		@Override
		public Boolean apply(TradeEngine engine) {
			engine.putSymbol(config);
			return true;
		}
	}

	/** The HOLIDAYS section as the engine applies it; journaled so replay refuses what was refused. */
	record PutHolidays(List<MarketHoliday> holidays) implements Command<Boolean> {
		@Override
		public Boolean apply(TradeEngine engine) {
			engine.putHolidays(holidays);
			return true;
		}
	}

	record PutAccount(AccountConfig config) implements Command<AccountState> {
		@Override
		public AccountState apply(TradeEngine engine) {
			return engine.putAccount(config);
		}
	}

	record Balance(Login login, double amount, String comment) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.balance(login, amount, comment);
		}
	}

	record Credit(Login login, double amount, String comment) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.credit(login, amount, comment);
		}
	}

	record Open(OpenOrder order) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.open(order);
		}
	}

	record Modify(ModifyOrder request) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.modify(request);
		}
	}

	/** {@code volume} 0 closes the whole position. */
	record Close(Ticket ticket, int volume) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return volume == 0 ? engine.close(ticket) : engine.close(ticket, volume);
		}
	}

	/** A client's close at the price it saw, checked as the symbol's execution mode says. */
	record CloseRequested(Ticket ticket, int volume, double price, int deviation) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.close(ticket, volume, price, deviation);
		}
	}

	record Delete(Ticket ticket) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.delete(ticket);
		}
	}

	record Tick(String symbol, double bid, double ask) implements Command<Boolean> {
		@Override
		public Boolean apply(TradeEngine engine) {
			return engine.tick(symbol, bid, ask);
		}
	}

	/** Expirations and end of day; journaled because they change state as of their clock time. */
	record Timers() implements Command<Boolean> {
		@Override
		public Boolean apply(TradeEngine engine) {
			engine.processTimers();
			return true;
		}
	}

	/** A manager's delete; refused (and refused again on replay) while the account has orders. */
	record RemoveAccount(Login login) implements Command<ReturnCode> {
		@Override
		public ReturnCode apply(TradeEngine engine) {
			return engine.removeAccount(login);
		}
	}

	/** Refused while the group has accounts. */
	record RemoveGroup(String name) implements Command<ReturnCode> {
		@Override
		public ReturnCode apply(TradeEngine engine) {
			return engine.removeGroup(name);
		}
	}

	/** A dealer's TT_BR_ORDER_DELETE of an open position: removed without closing, nothing booked. */
	record DeletePosition(Ticket ticket) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.deletePosition(ticket);
		}
	}

	/** BackupRestoreOrders: one record of an orders backup put back. */
	record RestoreOrder(TradeRecord backup) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.restoreOrder(backup);
		}
	}

	/** A dealer's TT_BR_ORDER_ACTIVATE of a pending order at the market. */
	record Activate(Ticket ticket) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.activate(ticket);
		}
	}

	/** Refused while an order uses the symbol, directly or as a conversion step. */
	record RemoveSymbol(String name) implements Command<ReturnCode> {
		@Override
		public ReturnCode apply(TradeEngine engine) {
			return engine.removeSymbol(name);
		}
	}

	/** A dealer's TT_BR_ORDER_OPEN at an explicit price. */
	record OpenAt(OpenOrder order, double price) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.openAt(order, price);
		}
	}

	/** A dealer's TT_BR_ORDER_CLOSE at an explicit price. */
	record CloseAt(Ticket ticket, int volume, double price) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.closeAt(ticket, volume, price);
		}
	}

	/** TT_ORDER_CLOSE_BY: two opposite positions closed against each other. */
	record CloseBy(Ticket ticket, Ticket by) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.closeBy(ticket, by);
		}
	}

	/** TT_ORDER_CLOSE_ALL: an account's opposite positions on a symbol closed by each other. */
	record CloseAll(Login login, String symbol) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.closeAll(login, symbol);
		}
	}

	/** AdmBalanceFix: the balance set to the sum of the history. */
	record FixBalance(Login login) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.fixBalance(login);
		}
	}

	/** AdmTradeRecordModify: an administrator's direct edit of a trade record. */
	record ModifyRecord(TradeRecordUpdate update) implements Command<TradeResult> {
		@Override
		public TradeResult apply(TradeEngine engine) {
			return engine.modifyRecord(update);
		}
	}
}
