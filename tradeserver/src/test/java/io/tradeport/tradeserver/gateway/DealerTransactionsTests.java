package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.BalanceCheckRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionReply;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradesFilter;
import io.tradeport.gateway.v1.TransactionType;

/** Protocol 1.1 transactions: close-by, close-all, and the dealer's open and close at a price. */
class DealerTransactionsTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	private TradeTransactionReply send(TradeTransactionRequest.Builder request) {
		return admin.trading().tradeTransaction(request.build());
	}

	private static TradeTransactionRequest.Builder open(int login, TradeCommand cmd, int volume) {
		return TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN).setOrderBy(login).setSymbol("EURUSD")
			.setCmd(cmd).setVolume(volume);
	}

	private Trade trade(int order) {
		return admin.trading().getTrade(TicketRef.newBuilder().setOrder(order).build());
	}

	private double balance(int login) {
		return admin.accounts().getUser(LoginRef.newBuilder().setLogin(login).build()).getBalance();
	}

	private java.util.List<Trade> openTrades(int login) {
		return admin.trading().getOpenTrades(TradesFilter.newBuilder().setLogin(1001).build()).getTradesList();
	}

	@Test
	void aDealerOpensAndClosesAtTheGivenPrice() {
		int order = send(open(1001, TradeCommand.BUY, 10).setPrice(1.15500)).getOrder();
		assertThat(trade(order).getOpenPrice()).isEqualTo(1.155);
		double before = balance(1001);

		send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_CLOSE).setOrder(order).setPrice(1.16000));

		Trade closed = trade(order);
		assertThat(closed.getOpen()).isFalse();
		assertThat(closed.getClosePrice()).isEqualTo(1.16);
		// 0.1 lot, 500 points of 1 USD
		assertThat(closed.getProfit()).isCloseTo(50.0, within(1e-9));
		assertThat(balance(1001)).isCloseTo(before + 50 + closed.getCommission() + closed.getStorage(), within(1e-9));
	}

	@Test
	void aDealerPriceForAPendingOrderOrANegativePriceIsInvalid() {
		var pending = refusal(() -> send(open(1001, TradeCommand.BUY, 10).setType(TransactionType.TT_BR_ORDER_OPEN).setPrice(-1)));
		assertThat(pending.retCode()).isEqualTo(3);
		assertThat(pending.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
	}

	@Test
	void closeByBooksBothAtTheOppositeOpenPriceAndKeepsTheRestOfTheLargerPosition() {
		int buy = send(open(1001, TradeCommand.BUY, 30).setPrice(1.15000)).getOrder();
		int sell = send(open(1001, TradeCommand.SELL, 10).setPrice(1.15500)).getOrder();
		double before = balance(1001);

		var reply = send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_CLOSE_BY).setOrder(buy).setOrderBy(sell));

		assertThat(reply.getRetCode()).isZero();
		Trade closedBuy = trade(buy);
		Trade closedSell = trade(sell);
		assertThat(closedBuy.getOpen()).isFalse();
		assertThat(closedBuy.getVolume()).isEqualTo(10);
		assertThat(closedBuy.getClosePrice()).isEqualTo(1.155);
		assertThat(closedBuy.getProfit()).isCloseTo(50.0, within(1e-9));
		assertThat(closedBuy.getComment()).isEqualTo("close hedge by #" + sell);
		assertThat(closedSell.getOpen()).isFalse();
		assertThat(closedSell.getProfit()).isZero();
		assertThat(closedSell.getComment()).isEqualTo("close hedge by #" + buy);
		assertThat(openTrades(1001)).singleElement().satisfies(rest -> {
			assertThat(rest.getVolume()).isEqualTo(20);
			assertThat(rest.getCmd()).isEqualTo(TradeCommand.BUY);
			assertThat(rest.getOpenPrice()).isEqualTo(1.15);
		});
		double booked = 50 + closedBuy.getCommission() + closedBuy.getStorage() + closedSell.getCommission() + closedSell.getStorage();
		assertThat(balance(1001)).isCloseTo(before + booked, within(1e-9));
		assertThat(admin.trading().checkBalance(BalanceCheckRequest.newBuilder().addLogins(1001).build()).getDiffs(0).getDiff()).isZero();
	}

	@Test
	void closeByRefusesTwoPositionsOnTheSameSide() {
		int a = send(open(1001, TradeCommand.BUY, 10)).getOrder();
		int b = send(open(1001, TradeCommand.BUY, 10)).getOrder();

		var refused = refusal(() -> send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_CLOSE_BY).setOrder(a).setOrderBy(b)));

		assertThat(refused.retCode()).isEqualTo(3);
		assertThat(trade(a).getOpen()).isTrue();
		assertThat(refusal(() -> send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_CLOSE_BY).setOrder(a)
			.setOrderBy(999_999))).status()).isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void closeAllNetsEveryOppositePairAndLeavesTheNetPositionOpen() {
		send(open(1001, TradeCommand.BUY, 10).setPrice(1.15000));
		send(open(1001, TradeCommand.SELL, 20).setPrice(1.15300));
		send(open(1001, TradeCommand.BUY, 30).setPrice(1.15100));
		double before = balance(1001);

		var reply = send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_CLOSE_ALL).setOrderBy(1001)
			.setSymbol("EURUSD"));

		assertThat(reply.getRetCode()).isZero();
		// 40 bought against 20 sold: 20 stay bought, from the second buy.
		assertThat(openTrades(1001)).singleElement().satisfies(rest -> {
			assertThat(rest.getCmd()).isEqualTo(TradeCommand.BUY);
			assertThat(rest.getVolume()).isEqualTo(20);
			assertThat(rest.getOpenPrice()).isEqualTo(1.151);
		});
		// 10 at 1.15000 and 10 at 1.15100 closed against the sell at 1.15300: 30 + 20 USD
		assertThat(balance(1001) - before).isCloseTo(50.0, within(2.0));
		var again = send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_CLOSE_ALL).setOrderBy(1001).setSymbol("EURUSD"));
		assertThat(again.getRetCode()).isEqualTo(1);
		assertThat(refusal(() -> send(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_CLOSE_ALL).setOrderBy(1001)
			.setSymbol("NOPE"))).status()).isEqualTo(Status.Code.NOT_FOUND);
	}
}
