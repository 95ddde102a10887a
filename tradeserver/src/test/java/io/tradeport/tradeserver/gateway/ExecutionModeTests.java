package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.ExecutionMode;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransactionType;

/**
 * Protocol 1.2 execution modes carried by the SYMBOLS section. The demo's EURUSD is quoted
 * 1.15820 / 1.15834 (no feed in these tests).
 */
class ExecutionModeTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	private Symbol eurusd() {
		return admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setKey("EURUSD").build())
			.getRecords(0).getSymbol();
	}

	private Symbol update(Symbol symbol) {
		return admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setPos(-1)
			.setRecord(ConfigRecord.newBuilder().setSymbol(symbol)).build()).getSymbol();
	}

	private static TradeTransactionRequest.Builder clientBuy(TransactionType type) {
		return TradeTransactionRequest.newBuilder().setType(type).setOrderBy(1001).setSymbol("EURUSD").setCmd(TradeCommand.BUY)
			.setVolume(10);
	}

	private double openPrice(int order) {
		return admin.trading().getTrade(TicketRef.newBuilder().setOrder(order).build()).getOpenPrice();
	}

	@Test
	void symbolsAreInstantUntilSwitchedAndTheSectionCarriesTheMode() {
		assertThat(eurusd().getExecutionMode()).isEqualTo(ExecutionMode.EXECUTION_INSTANT);

		Symbol stored = update(eurusd().toBuilder().setExecutionMode(ExecutionMode.EXECUTION_MARKET).build());

		assertThat(stored.getExecutionMode()).isEqualTo(ExecutionMode.EXECUTION_MARKET);
		assertThat(eurusd().getExecutionMode()).isEqualTo(ExecutionMode.EXECUTION_MARKET);
		// A client older than 1.2 sends no mode: instant, what every symbol was before.
		assertThat(update(eurusd().toBuilder().clearExecutionMode().build()).getExecutionMode())
			.isEqualTo(ExecutionMode.EXECUTION_INSTANT);
	}

	@Test
	void marketExecutionFillsAtTheAskWhateverPriceWasAskedAndRefusesOpeningStops() {
		update(eurusd().toBuilder().setExecutionMode(ExecutionMode.EXECUTION_MARKET).build());

		var market = admin.trading().tradeTransaction(clientBuy(TransactionType.TT_ORDER_MK_OPEN).setPrice(1.10000).build());
		// The symbol's mode decides, whichever open the client sends.
		var instantStyle = admin.trading().tradeTransaction(clientBuy(TransactionType.TT_ORDER_IE_OPEN).setPrice(1.10000).build());
		var stops = refusal(() -> admin.trading().tradeTransaction(clientBuy(TransactionType.TT_ORDER_MK_OPEN).setSl(1.15000).build()));

		assertThat(openPrice(market.getOrder())).isEqualTo(1.15834);
		assertThat(openPrice(instantStyle.getOrder())).isEqualTo(1.15834);
		assertThat(stops.retCode()).isEqualTo(130);
		assertThat(stops.status()).isEqualTo(Status.Code.FAILED_PRECONDITION);
	}

	@Test
	void backInInstantExecutionAFarPriceIsRequotedAndANearOneFills() {
		update(eurusd().toBuilder().setExecutionMode(ExecutionMode.EXECUTION_MARKET).build());
		update(eurusd().toBuilder().setExecutionMode(ExecutionMode.EXECUTION_INSTANT).build());

		var requote = refusal(() -> admin.trading().tradeTransaction(clientBuy(TransactionType.TT_ORDER_IE_OPEN).setPrice(1.15824)
			.setIeDeviation(9).build()));
		var filled = admin.trading().tradeTransaction(clientBuy(TransactionType.TT_ORDER_IE_OPEN).setPrice(1.15824)
			.setIeDeviation(10).setSl(1.15000).build());

		assertThat(requote.retCode()).isEqualTo(138);
		assertThat(openPrice(filled.getOrder())).isEqualTo(1.15834);
	}

	@Test
	void aClientCloseAtAStalePriceIsRequotedInInstantButFillsInMarketExecution() {
		int order = admin.trading().tradeTransaction(clientBuy(TransactionType.TT_ORDER_IE_OPEN).build()).getOrder();
		TradeTransactionRequest.Builder close = TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_IE_CLOSE)
			.setOrder(order).setPrice(1.15700).setIeDeviation(5);

		assertThat(refusal(() -> admin.trading().tradeTransaction(close.build())).retCode()).isEqualTo(138);

		update(eurusd().toBuilder().setExecutionMode(ExecutionMode.EXECUTION_MARKET).build());
		admin.trading().tradeTransaction(close.setType(TransactionType.TT_ORDER_MK_CLOSE).build());

		var closed = admin.trading().getTrade(TicketRef.newBuilder().setOrder(order).build());
		assertThat(closed.getOpen()).isFalse();
		assertThat(closed.getClosePrice()).isEqualTo(1.15820);
	}
}
