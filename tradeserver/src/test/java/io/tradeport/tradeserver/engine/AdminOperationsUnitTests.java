package io.tradeport.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The manager operations the gateway needs: deleting accounts and groups, activating pending orders. */
class AdminOperationsUnitTests {

	private final EngineFixture fx = EngineFixture.majors();

	@Test
	void anAccountWithoutOrdersIsRemovedOneWithOrdersIsNot() {
		Login idle = fx.account(1, 1000);
		Login trading = fx.account(2, 1000);
		fx.open(OpenOrder.market(2, "EURUSD", TradeCommand.BUY, 10));

		assertThat(fx.engine.removeAccount(trading)).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(fx.engine.removeAccount(idle)).isEqualTo(ReturnCode.OK);
		assertThat(fx.engine.account(idle)).isEmpty();
		assertThat(fx.engine.accountCount()).isEqualTo(1);
		assertThat(fx.engine.removeAccount(idle)).isEqualTo(ReturnCode.INVALID_DATA);
	}

	@Test
	void aGroupIsRemovedOnlyWhenEmpty() {
		fx.group(EngineFixture.group("empty", "USD").build());
		fx.account(1, 0);

		assertThat(fx.engine.removeGroup("usd")).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(fx.engine.removeGroup("empty")).isEqualTo(ReturnCode.OK);
		assertThat(fx.engine.groups()).extracting(GroupConfig::name).containsExactly("usd");
		assertThat(fx.engine.removeGroup("empty")).isEqualTo(ReturnCode.INVALID_DATA);
	}

	@Test
	void activationFillsAPendingOrderAtItsPrice() {
		fx.account(1, 10_000);
		Ticket ticket = fx.open(OpenOrder.pending(1, "EURUSD", TradeCommand.BUY_LIMIT, 10, 1.09000));

		TradeResult result = fx.engine.activate(ticket);

		assertThat(result.code()).isEqualTo(ReturnCode.OK);
		TradeRecord trade = fx.engine.openTrade(ticket).orElseThrow();
		assertThat(trade.cmd()).isEqualTo(TradeCommand.BUY);
		assertThat(trade.openPrice()).isEqualTo(1.09);
		assertThat(fx.engine.marginLevel(Login.of(1)).orElseThrow().margin()).isPositive();
		assertThat(fx.engine.activate(ticket).code()).isEqualTo(ReturnCode.INVALID_DATA);
	}

	@Test
	void anUncoveredActivationIsRefusedAndTheOrderStaysPending() {
		fx.account(1, 100);
		Ticket ticket = fx.open(OpenOrder.pending(1, "EURUSD", TradeCommand.BUY_LIMIT, 1000, 1.09000));

		assertThat(fx.engine.activate(ticket).code()).isEqualTo(ReturnCode.TRADE_NO_MONEY);
		assertThat(fx.engine.openTrade(ticket).orElseThrow().cmd()).isEqualTo(TradeCommand.BUY_LIMIT);
		assertThat(fx.engine.marginLevel(Login.of(1)).orElseThrow().margin()).isZero();
	}
}
