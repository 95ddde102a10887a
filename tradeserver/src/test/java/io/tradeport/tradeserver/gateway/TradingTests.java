package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.HistoryRequest;
import io.tradeport.gateway.v1.LevelType;
import io.tradeport.gateway.v1.MarginFilter;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionReply;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradesFilter;
import io.tradeport.gateway.v1.TransactionType;

class TradingTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	private TradeTransactionReply send(TradeTransactionRequest.Builder request) {
		return admin.trading().tradeTransaction(request.build());
	}

	private static TradeTransactionRequest.Builder open(int login, String symbol, TradeCommand cmd, int volume) {
		return TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN).setOrderBy(login).setSymbol(symbol)
			.setCmd(cmd).setVolume(volume);
	}

	private Trade openTrade(int order) {
		return admin.trading().getTrade(TicketRef.newBuilder().setOrder(order).build());
	}

	@Test
	void aMarketOrderOpensAtTheAskAndIsListedWithTheOpenTrades() {
		TradeTransactionReply reply = send(open(1001, "EURUSD", TradeCommand.BUY, 10).setComment("gateway"));

		assertThat(reply.getRetCode()).isZero();
		assertThat(reply.getRetName()).isEqualTo("OK");
		Trade trade = openTrade(reply.getOrder());
		assertThat(trade.getOpenPrice()).isEqualTo(1.15834);
		assertThat(trade.getCmd()).isEqualTo(TradeCommand.BUY);
		assertThat(trade.getOpen()).isTrue();
		assertThat(trade.getComment()).isEqualTo("gateway");
		assertThat(admin.trading().getOpenTrades(TradesFilter.newBuilder().setLogin(1001).build()).getTradesList())
			.extracting(Trade::getOrder).containsExactly(reply.getOrder());
		assertThat(admin.trading().getOpenTrades(TradesFilter.newBuilder().setGroupMask("demopro").build()).getTradesList()).isEmpty();
		assertThat(admin.trading().getOpenTrades(TradesFilter.newBuilder().setSymbol("EURUSD").build()).getTradesCount()).isEqualTo(1);
	}

	@Test
	void clientStyleInstantExecutionOpensToo() {
		var reply = send(open(1003, "XAUUSD", TradeCommand.SELL, 10).setType(TransactionType.TT_ORDER_IE_OPEN).setPrice(4050.25)
			.setIeDeviation(10));

		assertThat(openTrade(reply.getOrder()).getOpenPrice()).isEqualTo(4050.25);
		// demopro charges 7 USD per lot on metals: 0.1 lot
		assertThat(openTrade(reply.getOrder()).getCommission()).isCloseTo(-0.70, within(1e-9));
	}

	@Test
	void businessRefusalsCarryTheMt4TradeCodes() {
		var badVolume = refusal(() -> send(open(1001, "EURUSD", TradeCommand.BUY, 0)));
		assertThat(badVolume.retCode()).isEqualTo(131);
		assertThat(badVolume.retName()).isEqualTo("TRADE_BAD_VOLUME");
		assertThat(badVolume.status()).isEqualTo(Status.Code.FAILED_PRECONDITION);

		var noMoney = refusal(() -> send(open(1001, "EURUSD", TradeCommand.BUY, 10_000)));
		assertThat(noMoney.retCode()).isEqualTo(134);

		var badStops = refusal(() -> send(open(1001, "EURUSD", TradeCommand.BUY, 10).setSl(1.15830)));
		assertThat(badStops.retCode()).isEqualTo(130);
	}

	@Test
	void stopsAreModifiedAndANoOpModifyAnswersOkNone() {
		int order = send(open(1001, "EURUSD", TradeCommand.BUY, 10)).getOrder();
		var modify = TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_MODIFY).setOrder(order)
			.setSl(1.15000).setTp(1.17000);

		assertThat(send(modify).getRetCode()).isZero();
		assertThat(openTrade(order).getSl()).isEqualTo(1.15);
		assertThat(send(modify).getRetCode()).isEqualTo(1);
		assertThat(send(modify).getRetName()).isEqualTo("OK_NONE");
		assertThat(refusal(() -> send(modify.clone().setOrder(999_999))).status()).isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void aPartialCloseKeepsTheTicketForTheClosedPartAndTheHistoryHasIt() {
		int order = send(open(1001, "EURUSD", TradeCommand.BUY, 20)).getOrder();

		send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_CLOSE).setOrder(order).setVolume(5));

		var open = admin.trading().getOpenTrades(TradesFilter.newBuilder().setLogin(1001).build()).getTradesList();
		assertThat(open).singleElement().satisfies(t -> {
			assertThat(t.getVolume()).isEqualTo(15);
			assertThat(t.getState()).isEqualTo(io.tradeport.gateway.v1.TradeState.TRADE_STATE_OPEN_REMAND);
		});
		Trade closed = openTrade(order);
		assertThat(closed.getOpen()).isFalse();
		assertThat(closed.getVolume()).isEqualTo(5);
		assertThat(closed.getState()).isEqualTo(io.tradeport.gateway.v1.TradeState.TRADE_STATE_CLOSED_PART);
		var history = admin.trading().getHistory(HistoryRequest.newBuilder().setLogin(1001).build()).getTradesList();
		assertThat(history).extracting(Trade::getCmd).containsExactly(TradeCommand.BALANCE, TradeCommand.BUY);
		var byGroup = admin.trading().getHistory(HistoryRequest.newBuilder().setGroupMask("*").build()).getTradesList();
		assertThat(byGroup).hasSize(4);
		var none = admin.trading().getHistory(HistoryRequest.newBuilder().setGroupMask("*")
			.setFrom(Gateway.TUESDAY_10_00.plusSeconds(3600).toEpochMilli()).build());
		assertThat(none.getTradesList()).isEmpty();
		assertThat(refusal(() -> admin.trading().getHistory(HistoryRequest.getDefaultInstance())).retCode()).isEqualTo(3);
	}

	@Test
	void aClientStyleCloseClosesEverything() {
		int order = send(open(1001, "GBPUSD", TradeCommand.SELL, 10)).getOrder();

		send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_IE_CLOSE).setOrder(order));

		assertThat(openTrade(order).getOpen()).isFalse();
		assertThat(openTrade(order).getClosePrice()).isEqualTo(1.31168);
	}

	@Test
	void pendingOrdersArePlacedActivatedAndDeleted() {
		int limit = send(open(1001, "EURUSD", TradeCommand.BUY_LIMIT, 10).setType(TransactionType.TT_ORDER_PENDING_OPEN)
			.setPrice(1.15000)).getOrder();
		int stop = send(open(1001, "EURUSD", TradeCommand.BUY_STOP, 10).setType(TransactionType.TT_ORDER_PENDING_OPEN)
			.setPrice(1.16500)).getOrder();

		send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_ACTIVATE).setOrder(limit));
		send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_DELETE).setOrder(stop));

		Trade activated = openTrade(limit);
		assertThat(activated.getCmd()).isEqualTo(TradeCommand.BUY);
		assertThat(activated.getOpenPrice()).isEqualTo(1.15);
		assertThat(openTrade(stop).getOpen()).isFalse();
		assertThat(openTrade(stop).getState()).isEqualTo(io.tradeport.gateway.v1.TradeState.TRADE_STATE_DELETED);
		assertThat(activated.getState()).isEqualTo(io.tradeport.gateway.v1.TradeState.TRADE_STATE_OPEN_NORMAL);
		var notPending = refusal(() -> send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_ACTIVATE).setOrder(limit)));
		assertThat(notPending.retCode()).isEqualTo(3);
		var pendingAsMarket = refusal(() -> send(open(1001, "EURUSD", TradeCommand.BUY_LIMIT, 10).setPrice(1.15)));
		assertThat(pendingAsMarket.retCode()).isEqualTo(3);
	}

	@Test
	void balanceAndCreditOperationsWriteRecordsAndRefuseWithdrawingTooMuch() {
		var deposit = send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE).setCmd(TradeCommand.BALANCE)
			.setOrderBy(1001).setPrice(500).setComment("Deposit"));
		send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE).setCmd(TradeCommand.CREDIT)
			.setOrderBy(1001).setPrice(250).setComment("Bonus"));

		assertThat(openTrade(deposit.getOrder()).getProfit()).isEqualTo(500);
		var level = admin.trading().getMarginLevels(MarginFilter.newBuilder().addLogins(1001).build()).getLevels(0);
		assertThat(level.getBalance()).isEqualTo(10_750);
		var refused = refusal(() -> send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE)
			.setCmd(TradeCommand.BALANCE).setOrderBy(1001).setPrice(-20_000)));
		assertThat(refused.retCode()).isEqualTo(134);
		assertThat(refusal(() -> send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE)
			.setCmd(TradeCommand.BUY).setOrderBy(1001).setPrice(1))).retCode()).isEqualTo(3);
	}

	@Test
	void aClientDeletesPendingOrdersOnlyNotPositions() {
		int order = send(open(1001, "EURUSD", TradeCommand.BUY, 10)).getOrder();

		var refused = refusal(() -> send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_DELETE).setOrder(order)));

		assertThat(refused.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(refused.retCode()).isEqualTo(3);
		assertThat(openTrade(order).getOpen()).isTrue();
	}

	@Test
	void marginLevelsFollowTheGroupsRules() {
		send(open(1001, "EURUSD", TradeCommand.BUY, 100));

		var levels = admin.trading().getMarginLevels(MarginFilter.getDefaultInstance()).getLevelsList();
		assertThat(levels).hasSize(3);
		var trader = admin.trading().getMarginLevels(MarginFilter.newBuilder().addLogins(1001).build()).getLevels(0);
		// 1 lot EURUSD at 1:100: 100,000 * 1.15834 / 100
		assertThat(trader.getMargin()).isCloseTo(1158.34, within(0.01));
		assertThat(trader.getLevelType()).isEqualTo(LevelType.LEVEL_OK);
		assertThat(refusal(() -> admin.trading().getMarginLevels(MarginFilter.newBuilder().addLogins(4242).build())).retCode()).isEqualTo(3);
	}

	@Test
	void theDealerTradesButCannotMoveMoney() {
		var dealer = gateway.dealer();

		var reply = dealer.trading().tradeTransaction(open(1001, "USDJPY", TradeCommand.BUY, 10).build());
		assertThat(reply.getRetCode()).isZero();

		var refused = refusal(() -> dealer.trading().tradeTransaction(TradeTransactionRequest.newBuilder()
			.setType(TransactionType.TT_BR_BALANCE).setCmd(TradeCommand.BALANCE).setOrderBy(1001).setPrice(100).build()));
		assertThat(refused.retCode()).isEqualTo(7);
	}

	@Test
	void aManagerWithoutSeeTradesCannotReadTradesOrMargins() {
		admin.config().update(io.tradeport.gateway.v1.ConfigUpdateRequest.newBuilder()
			.setSection(io.tradeport.gateway.v1.ConfigSection.MANAGERS).setPos(-1)
			.setRecord(io.tradeport.gateway.v1.ConfigRecord.newBuilder().setManager(io.tradeport.gateway.v1.ConManager.newBuilder()
				.setLogin(9).setName("Support").setPassword("Help1234").setGroups("*").setUserDetails(true)))
			.build());
		var support = gateway.login(9, "Help1234");

		assertThat(refusal(() -> support.trading().getOpenTrades(TradesFilter.getDefaultInstance())).retCode()).isEqualTo(7);
		assertThat(refusal(() -> support.trading().getMarginLevels(MarginFilter.getDefaultInstance())).retCode()).isEqualTo(7);
		assertThat(refusal(() -> support.trading().getTrade(TicketRef.newBuilder().setOrder(1).build())).retCode()).isEqualTo(7);
		assertThat(refusal(() -> support.trading().getHistory(HistoryRequest.newBuilder().setLogin(1001).build())).retCode()).isEqualTo(7);
		assertThat(refusal(() -> support.trading().tradeTransaction(open(1001, "EURUSD", TradeCommand.BUY, 10).build())).retCode())
			.isEqualTo(7);
	}

	@Test
	void theBalanceAgreesWithTheHistoryAfterTradingAndMoneyOperations() {
		int order = send(open(1003, "EURUSD", TradeCommand.BUY, 30)).getOrder();
		admin.market().sendTick(io.tradeport.gateway.v1.Tick.newBuilder().setSymbol("EURUSD").setBid(1.16000).setAsk(1.16014).build());
		send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_CLOSE).setOrder(order).setVolume(10));
		send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE).setCmd(TradeCommand.BALANCE)
			.setOrderBy(1003).setPrice(-123.45));
		send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE).setCmd(TradeCommand.CREDIT)
			.setOrderBy(1003).setPrice(500));

		var diffs = admin.trading().checkBalance(io.tradeport.gateway.v1.BalanceCheckRequest.getDefaultInstance()).getDiffsList();

		assertThat(diffs).hasSize(3).allSatisfy(d -> assertThat(d.getDiff()).isZero());
		assertThat(admin.trading().checkBalance(io.tradeport.gateway.v1.BalanceCheckRequest.newBuilder().addLogins(1003).build())
			.getDiffsList()).singleElement().satisfies(d -> assertThat(d.getLogin()).isEqualTo(1003));
		assertThat(refusal(() -> admin.trading().checkBalance(io.tradeport.gateway.v1.BalanceCheckRequest.newBuilder().addLogins(4242).build()))
			.status()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> gateway.dealer().trading().checkBalance(io.tradeport.gateway.v1.BalanceCheckRequest.getDefaultInstance()))
			.retCode()).isEqualTo(7);
	}

	@Test
	void openTradesAndHistoryArePagedInTicketOrder() {
		int a = send(open(1001, "EURUSD", TradeCommand.BUY, 10)).getOrder();
		int b = send(open(1002, "EURUSD", TradeCommand.BUY, 10)).getOrder();
		int c = send(open(1003, "EURUSD", TradeCommand.BUY, 10)).getOrder();

		var first = admin.trading().getOpenTrades(TradesFilter.newBuilder().setLimit(2).build());
		var rest = admin.trading().getOpenTrades(TradesFilter.newBuilder().setLimit(2).setAfterOrder(b).build());

		assertThat(first.getTradesList()).extracting(Trade::getOrder).containsExactly(a, b);
		assertThat(first.getHasMore()).isTrue();
		assertThat(rest.getTradesList()).extracting(Trade::getOrder).containsExactly(c);
		assertThat(rest.getHasMore()).isFalse();
		var history = admin.trading().getHistory(HistoryRequest.newBuilder().setGroupMask("*").setLimit(1).build());
		assertThat(history.getTradesCount()).isEqualTo(1);
		assertThat(history.getHasMore()).isTrue();
		assertThat(refusal(() -> admin.trading().getOpenTrades(TradesFilter.newBuilder().setAfterOrder(-5).build())).retCode()).isEqualTo(3);
	}
}
