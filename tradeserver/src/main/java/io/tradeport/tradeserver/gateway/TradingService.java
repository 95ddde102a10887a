package io.tradeport.tradeserver.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.grpc.stub.StreamObserver;
import io.tradeport.gateway.v1.BalanceCheckRequest;
import io.tradeport.gateway.v1.BalanceDiff;
import io.tradeport.gateway.v1.BalanceDiffList;
import io.tradeport.gateway.v1.HistoryRequest;
import io.tradeport.gateway.v1.MarginFilter;
import io.tradeport.gateway.v1.MarginLevelList;
import io.tradeport.gateway.v1.ModifyTradeRecordRequest;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeList;
import io.tradeport.gateway.v1.TradeTransactionReply;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradesFilter;
import io.tradeport.gateway.v1.TradingGrpc;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.ManagerRight;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.MarginLevel;
import io.tradeport.tradeserver.engine.ModifyOrder;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.ReturnCode;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeRecordUpdate;
import io.tradeport.tradeserver.engine.TradeResult;

/**
 * Trades, history, transactions and margin levels. Reading trades and margins needs "see_trades",
 * trading on a client's behalf "broker" (dealer), balance and credit "money". Only accounts of the
 * manager's groups are visible.
 */
final class TradingService extends TradingGrpc.TradingImplBase {

	private final ServerContext context;

	TradingService(ServerContext context) {
		this.context = context;
	}

	@Override
	public void getOpenTrades(TradesFilter request, StreamObserver<TradeList> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.SEE_TRADES);
			GroupMask mine = GroupMask.parse(manager.groups());
			GroupMask asked = request.getGroupMask().isBlank() ? GroupMask.ALL : GroupMask.parse(request.getGroupMask());
			Set<Integer> orders = new HashSet<>(request.getOrdersList());
			record Snapshot(List<TradeRecord> trades, Map<Integer, String> groups) {
			}
			Snapshot snapshot = context.call(e -> {
				List<TradeRecord> trades = request.getLogin() != 0 ? e.openTrades(Login.of(request.getLogin())) : e.allOpenTrades();
				Map<Integer, String> groups = new HashMap<>();
				for (TradeRecord t : trades) {
					groups.computeIfAbsent(t.login().value(), l -> e.account(Login.of(l)).map(AccountState::group).orElse(""));
				}
				return new Snapshot(trades, groups);
			});
			List<TradeRecord> trades = snapshot.trades().stream().filter(t -> {
				String group = snapshot.groups().get(t.login().value());
				return mine.matches(group) && asked.matches(group)
						&& (request.getSymbol().isEmpty() || request.getSymbol().equals(t.symbol()))
						&& (orders.isEmpty() || orders.contains(t.ticket().value()));
			}).toList();
			return page(trades, request.getAfterOrder(), request.getLimit());
		});
	}

	@Override
	public void getTrade(TicketRef request, StreamObserver<Trade> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.SEE_TRADES);
			GroupMask mine = GroupMask.parse(manager.groups());
			if (request.getOrder() <= 0) {
				throw MtException.of(Ret.INVALID_DATA, "order must be positive");
			}
			Ticket ticket = Ticket.of(request.getOrder());
			TradeRecord found = context.call(e -> e.openTrade(ticket).or(() -> findClosed(e, ticket, mine)).orElse(null));
			if (found == null || !mine.matches(context.call(e -> e.account(found.login()).map(AccountState::group).orElse("")))) {
				throw MtException.notFound("no order #" + request.getOrder());
			}
			return Protos.trade(found);
		});
	}

	/** Closed orders are kept per account; without an index the search walks the visible accounts. */
	private static java.util.Optional<TradeRecord> findClosed(TradeEngine engine, Ticket ticket, GroupMask mine) {
		for (AccountState account : engine.accounts()) {
			if (mine.matches(account.group())) {
				for (TradeRecord t : engine.history(account.login())) {
					if (t.ticket().equals(ticket)) {
						return java.util.Optional.of(t);
					}
				}
			}
		}
		return java.util.Optional.empty();
	}

	@Override
	public void getHistory(HistoryRequest request, StreamObserver<TradeList> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.SEE_TRADES);
			GroupMask mine = GroupMask.parse(manager.groups());
			Instant from = Instant.ofEpochMilli(request.getFrom());
			Instant to = request.getTo() == 0 ? Instant.MAX : Instant.ofEpochMilli(request.getTo());
			if (request.getLogin() == 0 && request.getGroupMask().isBlank()) {
				throw MtException.of(Ret.INVALID_DATA, "give a login or a group mask");
			}
			GroupMask asked = request.getLogin() != 0 ? GroupMask.ALL : GroupMask.parse(request.getGroupMask());
			Instant depth = manager.infoDepth() > 0 ? context.clock.instant().minus(java.time.Duration.ofDays(manager.infoDepth())) : Instant.MIN;
			List<TradeRecord> history = context.call(e -> {
				List<TradeRecord> result = new ArrayList<>();
				for (AccountState account : request.getLogin() != 0
						? e.account(Login.of(request.getLogin())).stream().toList() : e.accounts()) {
					if (mine.matches(account.group()) && asked.matches(account.group())) {
						result.addAll(e.history(account.login()));
					}
				}
				return result;
			});
			List<TradeRecord> closed = history.stream().filter(t -> {
				Instant time = t.closeTime();
				return time != null && !time.isBefore(from) && !time.isAfter(to) && !time.isBefore(depth);
			}).toList();
			return page(closed, request.getAfterOrder(), request.getLimit());
		});
	}

	@Override
	public void tradeTransaction(TradeTransactionRequest request, StreamObserver<TradeTransactionReply> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(
					request.getType() == io.tradeport.gateway.v1.TransactionType.TT_BR_BALANCE ? ManagerRight.MONEY : ManagerRight.BROKER);
			GroupMask mine = GroupMask.parse(manager.groups());
			TradeResult result = context.write(w -> execute(w, request, mine));
			if (result.code() != ReturnCode.OK && result.code() != ReturnCode.OK_NONE) {
				context.journal.write(Journal.Type.TRADES, Sessions.remoteAddress(), "'" + manager.login() + "': "
						+ request.getType() + " #" + request.getOrder() + " for " + request.getOrderBy() + " refused: " + result.code());
				throw MtException.engine(result.code(), request.getType() + " refused: " + result.code());
			}
			Ticket ticket = result.ticket();
			context.journal.write(Journal.Type.TRADES, Sessions.remoteAddress(), "'" + manager.login() + "': "
					+ request.getType() + " " + (ticket == null ? "" : ticket) + " " + request.getSymbol() + " done");
			return TradeTransactionReply.newBuilder()
				.setRetCode(result.code().code())
				.setRetName(result.code().name())
				.setOrder(ticket == null ? 0 : ticket.value())
				.build();
		});
	}

	/** Engine thread: the checks and the change form one unit. */
	private static TradeResult execute(EngineAccess.Writes w, TradeTransactionRequest r, GroupMask mine) {
		TradeEngine e = w.engine();
		switch (r.getType()) {
			case TT_ORDER_IE_OPEN, TT_ORDER_REQ_OPEN, TT_ORDER_MK_OPEN, TT_BR_ORDER_OPEN, TT_ORDER_PENDING_OPEN -> {
				requireVisible(e, r.getOrderBy(), mine);
				TradeCommand cmd = Protos.command(r.getCmd());
				boolean pending = r.getType() == io.tradeport.gateway.v1.TransactionType.TT_ORDER_PENDING_OPEN;
				if (pending != cmd.isPending() || !(cmd.isMarket() || cmd.isPending())) {
					throw MtException.of(Ret.INVALID_DATA, r.getType() + " does not take cmd " + r.getCmd());
				}
				OpenOrder order = new OpenOrder(Login.of(r.getOrderBy()), r.getSymbol(), cmd, r.getVolume(), r.getPrice(), r.getSl(),
						r.getTp(), r.getIeDeviation(), Protos.instant(r.getExpiration()), r.getComment(), r.getMagic());
				if (r.getType() == io.tradeport.gateway.v1.TransactionType.TT_BR_ORDER_OPEN && r.getPrice() != 0) {
					// The dealer's price is the fill: no deviation check against the market.
					return w.openAt(order, r.getPrice());
				}
				return w.open(order);
			}
			case TT_ORDER_IE_CLOSE, TT_ORDER_REQ_CLOSE, TT_ORDER_MK_CLOSE, TT_BR_ORDER_CLOSE -> {
				TradeRecord trade = openOrder(e, r.getOrder(), mine);
				int volume = r.getVolume() == 0 ? trade.volume() : r.getVolume();
				if (r.getType() == io.tradeport.gateway.v1.TransactionType.TT_BR_ORDER_CLOSE) {
					return r.getPrice() != 0 ? w.closeAt(trade.ticket(), volume, r.getPrice()) : w.close(trade.ticket(), volume);
				}
				// The client's price is checked as the symbol's execution mode says.
				return r.getPrice() != 0 ? w.close(trade.ticket(), volume, r.getPrice(), r.getIeDeviation())
						: w.close(trade.ticket(), volume);
			}
			case TT_ORDER_MODIFY, TT_BR_ORDER_MODIFY -> {
				TradeRecord trade = openOrder(e, r.getOrder(), mine);
				return w.modify(new ModifyOrder(trade.ticket(), r.getPrice(), r.getSl(), r.getTp(), Protos.instant(r.getExpiration())));
			}
			case TT_ORDER_DELETE, TT_BR_ORDER_DELETE -> {
				TradeRecord trade = openOrder(e, r.getOrder(), mine);
				if (!trade.cmd().isPending()) {
					if (r.getType() == io.tradeport.gateway.v1.TransactionType.TT_ORDER_DELETE) {
						throw MtException.of(Ret.INVALID_DATA, "a client deletes pending orders only; close the position instead");
					}
					// The dealer's delete of a position removes it without closing it: nothing is booked.
					return w.deletePosition(trade.ticket());
				}
				return w.delete(trade.ticket());
			}
			case TT_BR_ORDER_ACTIVATE -> {
				return w.activate(openOrder(e, r.getOrder(), mine).ticket());
			}
			case TT_BR_BALANCE -> {
				requireVisible(e, r.getOrderBy(), mine);
				TradeCommand cmd = Protos.command(r.getCmd());
				if (cmd == TradeCommand.BALANCE) {
					return w.balance(Login.of(r.getOrderBy()), r.getPrice(), r.getComment());
				}
				if (cmd == TradeCommand.CREDIT) {
					return w.credit(Login.of(r.getOrderBy()), r.getPrice(), r.getComment());
				}
				throw MtException.of(Ret.INVALID_DATA, "TT_BR_BALANCE takes cmd BALANCE or CREDIT");
			}
			case TT_ORDER_CLOSE_BY, TT_BR_ORDER_CLOSE_BY -> {
				TradeRecord trade = openOrder(e, r.getOrder(), mine);
				TradeRecord opposite = openOrder(e, r.getOrderBy(), mine);
				if (!trade.login().equals(opposite.login()) || !trade.symbol().equals(opposite.symbol())
						|| !trade.cmd().isMarket() || !opposite.cmd().isMarket() || trade.cmd().isBuy() == opposite.cmd().isBuy()) {
					throw MtException.of(Ret.INVALID_DATA, "close-by takes two opposite positions of one account on one symbol");
				}
				return w.closeBy(trade.ticket(), opposite.ticket());
			}
			case TT_ORDER_CLOSE_ALL, TT_BR_ORDER_CLOSE_ALL -> {
				requireVisible(e, r.getOrderBy(), mine);
				if (e.symbols().stream().noneMatch(s -> s.name().equals(r.getSymbol()))) {
					throw MtException.notFound("no symbol " + r.getSymbol());
				}
				return w.closeAll(Login.of(r.getOrderBy()), r.getSymbol());
			}
			default -> throw MtException.of(Ret.INVALID_DATA, "unknown transaction type " + r.getTypeValue());
		}
	}

	private static void requireVisible(TradeEngine e, int login, GroupMask mine) {
		if (login <= 0) {
			throw MtException.of(Ret.INVALID_DATA, "order_by (the client login) is required");
		}
		AccountState account = e.account(Login.of(login)).orElse(null);
		if (account == null || !mine.matches(account.group())) {
			throw MtException.notFound("no account " + login);
		}
	}

	private static TradeRecord openOrder(TradeEngine e, int order, GroupMask mine) {
		if (order <= 0) {
			throw MtException.of(Ret.INVALID_DATA, "order (the ticket) is required");
		}
		TradeRecord trade = e.openTrade(Ticket.of(order)).orElseThrow(() -> MtException.notFound("no open order #" + order));
		requireVisible(e, trade.login().value(), mine);
		return trade;
	}

	@Override
	public void getMarginLevels(MarginFilter request, StreamObserver<MarginLevelList> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.SEE_TRADES);
			GroupMask mine = GroupMask.parse(manager.groups());
			GroupMask asked = request.getGroupMask().isBlank() ? GroupMask.ALL : GroupMask.parse(request.getGroupMask());
			Set<Integer> logins = new HashSet<>(request.getLoginsList());
			List<MarginLevel> levels = context.call(e -> logins.isEmpty() ? e.marginLevels()
					: logins.stream().filter(l -> l > 0).flatMap(l -> e.marginLevel(Login.of(l)).stream()).toList());
			if (!logins.isEmpty() && levels.isEmpty()) {
				throw MtException.notFound("no account " + logins);
			}
			MarginLevelList.Builder list = MarginLevelList.newBuilder();
			for (MarginLevel level : levels) {
				if (mine.matches(level.group()) && asked.matches(level.group())) {
					list.addLevels(Protos.margin(level));
				}
			}
			return list.build();
		});
	}

	@Override
	public void checkBalance(BalanceCheckRequest request, StreamObserver<BalanceDiffList> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.ADMIN);
			GroupMask mine = GroupMask.parse(manager.groups());
			Set<Integer> logins = new HashSet<>(request.getLoginsList());
			List<BalanceDiff> diffs = context.call(e -> {
				List<BalanceDiff> result = new ArrayList<>();
				for (AccountState account : e.accounts()) {
					if (!mine.matches(account.group()) || !(logins.isEmpty() || logins.contains(account.login().value()))) {
						continue;
					}
					double sum = 0;
					for (TradeRecord t : e.history(account.login())) {
						if (t.cmd() == TradeCommand.BALANCE || t.cmd().isMarket()) {
							sum += t.profit() + t.storage() + t.commission();
						}
					}
					result.add(BalanceDiff.newBuilder().setLogin(account.login().value())
						.setDiff(cents(account.balance() - sum)).build());
				}
				return result;
			});
			if (!logins.isEmpty() && diffs.size() < logins.size()) {
				throw MtException.notFound("no account among " + logins);
			}
			return BalanceDiffList.newBuilder().addAllDiffs(diffs).build();
		});
	}

	@Override
	public void fixBalance(BalanceCheckRequest request, StreamObserver<BalanceDiffList> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.ADMIN);
			GroupMask mine = GroupMask.parse(manager.groups());
			if (request.getLoginsCount() == 0) {
				// AdmBalanceFix takes explicit logins: a blanket fix of every account is too easy to send by mistake.
				throw MtException.of(Ret.INVALID_DATA, "give the logins to fix");
			}
			List<BalanceDiff> diffs = context.write(w -> {
				TradeEngine e = w.engine();
				for (int login : request.getLoginsList()) {
					requireVisible(e, login, mine);
				}
				List<BalanceDiff> result = new ArrayList<>();
				for (int login : new java.util.LinkedHashSet<>(request.getLoginsList())) {
					double before = e.account(Login.of(login)).orElseThrow().balance();
					w.fixBalance(Login.of(login));
					double after = e.account(Login.of(login)).orElseThrow().balance();
					result.add(BalanceDiff.newBuilder().setLogin(login).setDiff(cents(before - after)).build());
				}
				return result;
			});
			for (BalanceDiff diff : diffs) {
				if (diff.getDiff() != 0) {
					context.journal.write(Journal.Type.TRADES, Sessions.remoteAddress(), "'" + manager.login() + "': balance of "
							+ diff.getLogin() + " fixed by " + (-diff.getDiff()));
				}
			}
			return BalanceDiffList.newBuilder().addAllDiffs(diffs).build();
		});
	}

	@Override
	public void modifyTradeRecord(ModifyTradeRecordRequest r, StreamObserver<Trade> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.ADMIN);
			GroupMask mine = GroupMask.parse(manager.groups());
			if (r.getOrder() <= 0) {
				throw MtException.of(Ret.INVALID_DATA, "order must be positive");
			}
			Ticket ticket = Ticket.of(r.getOrder());
			TradeRecordUpdate update = new TradeRecordUpdate(ticket, r.hasOpenPrice() ? r.getOpenPrice() : null,
					r.hasClosePrice() ? r.getClosePrice() : null, r.hasSl() ? r.getSl() : null, r.hasTp() ? r.getTp() : null,
					r.hasComment() ? r.getComment() : null, r.hasMagic() ? r.getMagic() : null,
					r.hasCommission() ? r.getCommission() : null, r.hasStorage() ? r.getStorage() : null,
					r.hasProfit() ? r.getProfit() : null);
			TradeRecord changed = context.write(w -> {
				TradeEngine e = w.engine();
				TradeRecord found = e.openTrade(ticket).or(() -> findClosed(e, ticket, mine)).orElse(null);
				if (found == null || !mine.matches(e.account(found.login()).map(AccountState::group).orElse(""))) {
					throw MtException.notFound("no order #" + r.getOrder());
				}
				TradeResult result = w.modifyRecord(update);
				if (result.code() != ReturnCode.OK) {
					throw MtException.engine(result.code(), "order #" + r.getOrder() + " not changed: a field does not apply to it"
							+ " (open/close price, profit) or a price is not valid");
				}
				return e.openTrade(ticket).or(() -> findClosed(e, ticket, mine)).orElseThrow();
			});
			context.journal.write(Journal.Type.TRADES, Sessions.remoteAddress(), "'" + manager.login() + "': order #"
					+ r.getOrder() + " record modified by admin");
			return Protos.trade(changed);
		});
	}

	@Override
	public void checkStops(TradeTransactionRequest r, StreamObserver<TradeTransactionReply> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.BROKER);
			GroupMask mine = GroupMask.parse(manager.groups());
			ReturnCode code = context.call(e -> {
				if (r.getOrder() > 0) {
					TradeRecord trade = openOrder(e, r.getOrder(), mine);
					return e.checkStops(trade.ticket(), trade.symbol(), trade.cmd(), r.getPrice(), r.getSl(), r.getTp());
				}
				if (r.getSymbol().isEmpty()) {
					throw MtException.of(Ret.INVALID_DATA, "give a symbol and cmd, or the order");
				}
				if (e.symbols().stream().noneMatch(s -> s.name().equals(r.getSymbol()))) {
					throw MtException.notFound("no symbol " + r.getSymbol());
				}
				return e.checkStops(null, r.getSymbol(), Protos.command(r.getCmd()), r.getPrice(), r.getSl(), r.getTp());
			});
			if (code != ReturnCode.OK) {
				throw MtException.engine(code, "levels refused: " + code);
			}
			return TradeTransactionReply.newBuilder().setRetCode(code.code()).setRetName(code.name())
				.setOrder(Math.max(r.getOrder(), 0)).build();
		});
	}

	@Override
	public void clearRollback(TicketRef request, StreamObserver<TradeTransactionReply> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.BROKER);
			GroupMask mine = GroupMask.parse(manager.groups());
			if (request.getOrder() <= 0) {
				throw MtException.of(Ret.INVALID_DATA, "order must be positive");
			}
			Ticket ticket = Ticket.of(request.getOrder());
			boolean known = context.call(e -> e.openTrade(ticket).or(() -> findClosed(e, ticket, mine))
				.filter(t -> mine.matches(e.account(t.login()).map(AccountState::group).orElse(""))).isPresent());
			if (!known) {
				throw MtException.notFound("no order #" + request.getOrder());
			}
			// Every transaction here is committed when it is answered: there is never a rollback to clear.
			return TradeTransactionReply.newBuilder().setRetCode(ReturnCode.OK_NONE.code())
				.setRetName(ReturnCode.OK_NONE.name()).setOrder(request.getOrder()).build();
		});
	}

	/** To cents, half away from zero: sums of doubles leave dust that is not a real difference. */
	private static double cents(double value) {
		return Math.signum(value) * Math.round(Math.abs(value) * 100) / 100.0;
	}

	private static TradeList page(List<TradeRecord> trades, int afterOrder, int limit) {
		var page = Paging.page(trades, t -> t.ticket().value(), afterOrder, limit);
		TradeList.Builder list = TradeList.newBuilder().setHasMore(page.hasMore());
		page.items().forEach(t -> list.addTrades(Protos.trade(t)));
		return list.build();
	}
}
