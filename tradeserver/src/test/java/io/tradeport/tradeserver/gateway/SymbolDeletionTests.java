package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.ConfigPosition;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.SymbolsFilter;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransactionType;

/** Protocol 1.1: deleting a symbol through Configuration.Delete when no order needs it. */
class SymbolDeletionTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	private List<String> symbols() {
		return admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOLS).build()).getRecordsList().stream()
			.map(ConfigRecord::getSymbol).map(s -> s.getName()).toList();
	}

	private void delete(String symbol) {
		admin.config().delete(ConfigPosition.newBuilder().setSection(ConfigSection.SYMBOLS).setPos(symbols().indexOf(symbol)).build());
	}

	private void open(String symbol) {
		admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN).setOrderBy(1001)
			.setSymbol(symbol).setCmd(TradeCommand.BUY).setVolume(10).build());
	}

	@Test
	void aSymbolWithoutOrdersIsDeletedAndNoLongerQuotedOrTradable() {
		delete("EURJPY");

		assertThat(symbols()).doesNotContain("EURJPY");
		assertThat(admin.market().getSymbolInfos(SymbolsFilter.getDefaultInstance()).getSymbolsList())
			.noneMatch(s -> s.getSymbol().equals("EURJPY"));
		assertThat(refusal(() -> open("EURJPY")).retCode()).isEqualTo(3);
	}

	@Test
	void aSymbolWithAPositionOrNeededToConvertOneIsRefusedWithInvalidData() {
		open("EURJPY");

		var held = refusal(() -> delete("EURJPY"));
		assertThat(held.retCode()).isEqualTo(3);
		assertThat(held.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		// EURJPY's profit in yen reaches the USD account through USDJPY.
		assertThat(refusal(() -> delete("USDJPY")).retCode()).isEqualTo(3);
		assertThat(symbols()).contains("EURJPY", "USDJPY");
		open("EURJPY");
	}
}
