package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.grpc.Status;
import io.tradeport.gateway.v1.BalanceCheckRequest;
import io.tradeport.gateway.v1.HistoryRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.MarginFilter;
import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.gateway.v1.PumpRequest;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeState;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradesFilter;
import io.tradeport.gateway.v1.TransType;
import io.tradeport.gateway.v1.TransactionType;

/**
 * Protocol 1.2: the dealer's TT_BR_ORDER_DELETE of an open position removes it without closing it.
 * Demo account 1001 holds 10,000 USD; EURUSD is quoted 1.15820 / 1.15834.
 */
class PositionDeletionTests {

	@TempDir
	Path dataDir;

	private static int buy(Gateway.Manager manager, int volume) {
		return manager.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
			.setOrderBy(1001).setSymbol("EURUSD").setCmd(TradeCommand.BUY).setVolume(volume).build()).getOrder();
	}

	private static void delete(Gateway.Manager manager, int order) {
		manager.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_DELETE)
			.setOrder(order).build());
	}

	@Test
	void theDealerDeletesAPositionWithoutBookingAnythingAndFreesItsMargin() {
		try (Gateway gateway = new Gateway()) {
			Gateway.Manager dealer = gateway.dealer();
			int deleted = buy(dealer, 100);
			int kept = buy(dealer, 10);
			Gateway.Manager admin = gateway.admin();

			delete(dealer, deleted);

			assertThat(refusal(() -> admin.trading().getTrade(TicketRef.newBuilder().setOrder(deleted).build())).status())
				.isEqualTo(Status.Code.NOT_FOUND);
			assertThat(admin.trading().getOpenTrades(TradesFilter.newBuilder().setLogin(1001).build()).getTradesList())
				.extracting(Trade::getOrder).containsExactly(kept);
			assertThat(admin.trading().getHistory(HistoryRequest.newBuilder().setLogin(1001).build()).getTradesList())
				.extracting(Trade::getCmd).containsExactly(TradeCommand.BALANCE);
			assertThat(admin.accounts().getUser(LoginRef.newBuilder().setLogin(1001).build()).getBalance()).isEqualTo(10_000);
			// The kept 0.1 lot alone: 10,000 × 1.15834 / 100.
			assertThat(admin.trading().getMarginLevels(MarginFilter.newBuilder().addLogins(1001).build()).getLevels(0).getMargin())
				.isCloseTo(115.83, within(0.01));
			assertThat(admin.trading().checkBalance(BalanceCheckRequest.newBuilder().addLogins(1001).build()).getDiffs(0).getDiff())
				.isZero();
		}
	}

	@Test
	void thePumpDropsTheDeletedPositionMarkedDeletedWithoutACloseTime() throws InterruptedException {
		try (Gateway gateway = new Gateway()) {
			Gateway.Manager admin = gateway.admin();
			int order = buy(admin, 10);
			PumpTests.Replica replica = new PumpTests.Replica();
			admin.pump().subscribe(PumpRequest.getDefaultInstance(), replica);
			assertThat(replica.snapshot()).anyMatch(e -> e.hasTrade() && e.getTrade().getOrder() == order);

			delete(admin, order);

			PumpEvent event = replica.next(e -> e.hasTrade() && e.getTrade().getOrder() == order);
			assertThat(event.getTrans()).isEqualTo(TransType.TRANS_DELETE);
			assertThat(event.getTrade().getState()).isEqualTo(TradeState.TRADE_STATE_DELETED);
			assertThat(event.getTrade().getOpen()).isFalse();
			assertThat(event.getTrade().getCloseTime()).isZero();
			assertThat(event.getTrade().getCmd()).isEqualTo(TradeCommand.BUY);
		}
	}

	@Test
	void aClientCannotDeleteAPositionAndAnUnknownTicketIsNotFound() {
		try (Gateway gateway = new Gateway()) {
			Gateway.Manager admin = gateway.admin();
			int order = buy(admin, 10);

			assertThat(refusal(() -> admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder()
				.setType(TransactionType.TT_ORDER_DELETE).setOrder(order).build())).retCode()).isEqualTo(3);
			assertThat(refusal(() -> delete(admin, 999_999)).status()).isEqualTo(Status.Code.NOT_FOUND);
		}
	}

	@Test
	void theDeletionIsJournaledSoARestartDoesNotBringThePositionBack() {
		int order;
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir))) {
			order = buy(gateway.admin(), 10);
			delete(gateway.admin(), order);
		}
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir))) {
			Gateway.Manager admin = gateway.admin();
			assertThat(admin.trading().getOpenTrades(TradesFilter.newBuilder().setLogin(1001).build()).getTradesList()).isEmpty();
			assertThat(admin.accounts().getUser(LoginRef.newBuilder().setLogin(1001).build()).getBalance()).isEqualTo(10_000);
			// Tickets continue after the deleted one: it is never handed out again.
			assertThat(buy(admin, 10)).isGreaterThan(order);
		}
	}
}
