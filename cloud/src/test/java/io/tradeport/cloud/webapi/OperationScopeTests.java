package io.tradeport.cloud.webapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationScopeTests {

	@Test
	void readsNeedReadWhateverTheirArea() {
		assertThat(OperationScope.of("GET", "MT4 v2 :: Users")).isEqualTo(OperationScope.READ);
		assertThat(OperationScope.of("GET", "MT4 v2 :: Config")).isEqualTo(OperationScope.READ);
		assertThat(OperationScope.of("get", "MT4 v2 :: Backup")).isEqualTo(OperationScope.READ);
	}

	@Test
	void changesToAccountsTradesAndMessagesNeedTrade() {
		assertThat(OperationScope.of("POST", "MT4 v2 :: Trades")).isEqualTo(OperationScope.TRADE);
		assertThat(OperationScope.of("PATCH", "MT4 v2 :: Users")).isEqualTo(OperationScope.TRADE);
		assertThat(OperationScope.of("POST", "MT4 v2 :: Sidecar - Messaging")).isEqualTo(OperationScope.TRADE);
		assertThat(OperationScope.of("PATCH", "MT5 v2 :: Users")).isEqualTo(OperationScope.TRADE);
	}

	@Test
	void changesToTheServersSetupAndDestructiveOperationsNeedAdmin() {
		assertThat(OperationScope.of("POST", "MT4 v2 :: Config")).isEqualTo(OperationScope.ADMIN);
		assertThat(OperationScope.of("PATCH", "MT4 v2 :: Groups")).isEqualTo(OperationScope.ADMIN);
		assertThat(OperationScope.of("PATCH", "MT5 v2 :: Symbols")).isEqualTo(OperationScope.ADMIN);
		assertThat(OperationScope.of("POST", "MT4 v2 :: Server Admin (destructive)")).isEqualTo(OperationScope.ADMIN);
		assertThat(OperationScope.of("POST", "MT4 v2 :: Backup (destructive)")).isEqualTo(OperationScope.ADMIN);
		assertThat(OperationScope.of("POST", "MT4 v2 :: Sidecar - Plugins")).isEqualTo(OperationScope.ADMIN);
	}
}
