package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.BalanceCheckRequest;
import io.tradeport.gateway.v1.ModifyTradeRecordRequest;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransactionType;

/** The back-office calls of protocol 1.1: record edits, balance fix, stops check, rollback. */
class TradeAdministrationTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	private int open(int login, String symbol, TradeCommand cmd, int volume) {
		return admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
			.setOrderBy(login).setSymbol(symbol).setCmd(cmd).setVolume(volume).build()).getOrder();
	}

	private void close(int order) {
		admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_CLOSE)
			.setOrder(order).build());
	}

	private Trade trade(int order) {
		return admin.trading().getTrade(TicketRef.newBuilder().setOrder(order).build());
	}

	private double diff(int login) {
		return admin.trading().checkBalance(BalanceCheckRequest.newBuilder().addLogins(login).build()).getDiffs(0).getDiff();
	}

	@Test
	void anAdminEditsAnOpenPositionWithoutTheTradeRulesAndUnsetFieldsStay() {
		int order = open(1001, "EURUSD", TradeCommand.BUY, 10);

		// An SL 1 point from the market would be 130 BAD_STOPS as a trade; as a correction it is taken.
		Trade changed = admin.trading().modifyTradeRecord(ModifyTradeRecordRequest.newBuilder().setOrder(order)
			.setOpenPrice(1.15000).setSl(1.15819).setComment("corrected").setCommission(-1.25).setStorage(-0.5).build());

		assertThat(changed.getOpenPrice()).isEqualTo(1.15);
		assertThat(changed.getSl()).isEqualTo(1.15819);
		assertThat(changed.getTp()).isZero();
		assertThat(changed.getComment()).isEqualTo("corrected");
		assertThat(changed.getCommission()).isEqualTo(-1.25);
		assertThat(changed.getStorage()).isEqualTo(-0.5);
		assertThat(trade(order).getOpenPrice()).isEqualTo(1.15);
		// 0.1 lot bought at 1.15000, valued at the bid 1.15820: 82 USD
		assertThat(trade(order).getProfit()).isEqualTo(82.0);
	}

	@Test
	void aClosedTradesProfitEditLeavesTheBalanceUntilTheBalanceFixAppliesIt() {
		int order = open(1001, "EURUSD", TradeCommand.BUY, 10);
		close(order);
		double balance = admin.accounts().getUser(io.tradeport.gateway.v1.LoginRef.newBuilder().setLogin(1001).build()).getBalance();
		double profit = trade(order).getProfit();

		admin.trading().modifyTradeRecord(ModifyTradeRecordRequest.newBuilder().setOrder(order).setProfit(profit + 25).build());

		assertThat(trade(order).getProfit()).isEqualTo(profit + 25);
		assertThat(diff(1001)).isEqualTo(-25.0);
		var fixed = admin.trading().fixBalance(BalanceCheckRequest.newBuilder().addLogins(1001).addLogins(1002).build()).getDiffsList();
		assertThat(fixed).extracting(d -> d.getLogin() + ":" + d.getDiff()).containsExactly("1001:-25.0", "1002:0.0");
		assertThat(diff(1001)).isZero();
		assertThat(admin.accounts().getUser(io.tradeport.gateway.v1.LoginRef.newBuilder().setLogin(1001).build()).getBalance())
			.isEqualTo(balance + 25);
	}

	@Test
	void recordEditsThatDoNotApplyOrMissAreRefusedWithMt4Codes() {
		int order = open(1001, "EURUSD", TradeCommand.BUY, 10);

		var profitOfOpen = refusal(() -> admin.trading().modifyTradeRecord(ModifyTradeRecordRequest.newBuilder().setOrder(order)
			.setProfit(5).build()));
		assertThat(profitOfOpen.retCode()).isEqualTo(3);
		assertThat(profitOfOpen.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(refusal(() -> admin.trading().modifyTradeRecord(ModifyTradeRecordRequest.newBuilder().setOrder(999_999)
			.setComment("x").build())).status()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> gateway.dealer().trading().modifyTradeRecord(ModifyTradeRecordRequest.newBuilder().setOrder(order)
			.setComment("x").build())).retCode()).isEqualTo(7);
	}

	@Test
	void theBalanceFixNeedsLoginsThatExistAndTheAdminRight() {
		assertThat(refusal(() -> admin.trading().fixBalance(BalanceCheckRequest.getDefaultInstance())).retCode()).isEqualTo(3);
		assertThat(refusal(() -> admin.trading().fixBalance(BalanceCheckRequest.newBuilder().addLogins(4242).build())).status())
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> gateway.dealer().trading().fixBalance(BalanceCheckRequest.newBuilder().addLogins(1001).build()))
			.retCode()).isEqualTo(7);
		assertThat(admin.trading().fixBalance(BalanceCheckRequest.newBuilder().addLogins(1001).build()).getDiffs(0).getDiff()).isZero();
	}

	@Test
	void checkStopsAcceptsLevelsFarEnoughFromTheMarketAndExecutesNothing() {
		var buy = TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_IE_OPEN).setSymbol("EURUSD")
			.setCmd(TradeCommand.BUY).setVolume(10).setSl(1.15700).setTp(1.16000).build();

		var reply = admin.trading().checkStops(buy);

		assertThat(reply.getRetCode()).isZero();
		assertThat(reply.getRetName()).isEqualTo("OK");
		assertThat(admin.trading().getOpenTrades(io.tradeport.gateway.v1.TradesFilter.getDefaultInstance()).getTradesList()).isEmpty();
		var limit = buy.toBuilder().setCmd(TradeCommand.BUY_LIMIT).setPrice(1.15500).setSl(1.15400).setTp(0).build();
		assertThat(admin.trading().checkStops(limit).getRetCode()).isZero();
	}

	@Test
	void checkStopsAnswers130ForLevelsInsideTheStopsLevel() {
		// stops level 10 points: an SL 5 points below the bid (the buy closes at the bid) is too close
		var tooClose = TradeTransactionRequest.newBuilder().setSymbol("EURUSD").setCmd(TradeCommand.BUY).setSl(1.15815).build();
		var refused = refusal(() -> admin.trading().checkStops(tooClose));
		assertThat(refused.retCode()).isEqualTo(130);
		assertThat(refused.retName()).isEqualTo("TRADE_BAD_STOPS");
		assertThat(refused.status()).isEqualTo(Status.Code.FAILED_PRECONDITION);

		// A buy limit above the ask is on the wrong side of the market.
		var wrongSide = tooClose.toBuilder().setCmd(TradeCommand.BUY_LIMIT).setPrice(1.16000).setSl(0).build();
		assertThat(refusal(() -> admin.trading().checkStops(wrongSide)).retCode()).isEqualTo(130);

		// An existing order's new stops: checked for its symbol and side.
		int order = open(1001, "EURUSD", TradeCommand.SELL, 10);
		var modify = TradeTransactionRequest.newBuilder().setOrder(order).setSl(1.15840).build();
		assertThat(refusal(() -> admin.trading().checkStops(modify)).retCode()).isEqualTo(130);
		assertThat(admin.trading().checkStops(modify.toBuilder().setSl(1.16000).build()).getRetCode()).isZero();

		assertThat(refusal(() -> admin.trading().checkStops(tooClose.toBuilder().setSymbol("NOPE").build())).status())
			.isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void clearRollbackAnswersOkNoneBecauseEveryTransactionIsAlreadyCommitted() {
		int order = open(1001, "EURUSD", TradeCommand.BUY, 10);

		var reply = admin.trading().clearRollback(TicketRef.newBuilder().setOrder(order).build());

		assertThat(reply.getRetCode()).isEqualTo(1);
		assertThat(reply.getRetName()).isEqualTo("OK_NONE");
		assertThat(trade(order).getOpen()).isTrue();
		assertThat(refusal(() -> admin.trading().clearRollback(TicketRef.newBuilder().setOrder(999_999).build())).status())
			.isEqualTo(Status.Code.NOT_FOUND);
	}
}
