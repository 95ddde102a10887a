package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.TradeCommand.BUY_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The dealer's TT_BR_ORDER_DELETE of an open position: gone as if never opened, nothing booked.
 * USD account, 1:100; EURUSD quoted 1.10000 / 1.10020 and GBPUSD 1.25000 / 1.25020 at open.
 */
class PositionDeletionUnitTests {

	private final EngineFixture f = EngineFixture.majors();
	private final Login login = f.account(1, 10_000);

	@Test
	void aDeletedPositionLeavesNoHistoryAndNoMoneyAndItsMarginIsFreed() {
		Ticket eurusd = f.buy(1, "EURUSD", 100);
		f.buy(1, "GBPUSD", 50);
		f.quote("EURUSD", 1.10520, 1.10540);
		// Margin: 100,000 × 1.10020 / 100 = 1,100.20 plus 50,000 × 1.25020 / 100 = 625.10.
		// Equity: 10,000 + (1.10520 − 1.10020) × 100,000 = +500.00, + (1.25000 − 1.25020) × 50,000 = −10.00.
		assertThat(f.margin(login).margin()).isCloseTo(1_725.30, within(0.005));
		assertThat(f.margin(login).equity()).isCloseTo(10_490.00, within(0.005));

		TradeResult result = f.engine.deletePosition(eurusd);

		assertThat(result.code()).isEqualTo(ReturnCode.OK);
		assertThat(result.ticket()).isEqualTo(eurusd);
		assertThat(f.engine.openTrade(eurusd)).isEmpty();
		assertThat(f.engine.history(login)).extracting(TradeRecord::cmd).containsExactly(TradeCommand.BALANCE);
		assertThat(f.state(login).balance()).isEqualTo(10_000.00);
		assertThat(f.margin(login).margin()).isCloseTo(625.10, within(0.005));
		assertThat(f.margin(login).equity()).isCloseTo(9_990.00, within(0.005));
		assertThat(f.engine.holderCount("EURUSD")).isZero();
	}

	@Test
	void listenersHearADeletionNotAClose() {
		Ticket ticket = f.buy(1, "EURUSD", 100);
		int closedBefore = f.events.closed.size();

		f.engine.deletePosition(ticket);

		assertThat(f.events.closed).hasSize(closedBefore);
		assertThat(f.events.deleted).singleElement().satisfies(t -> {
			assertThat(t.ticket()).isEqualTo(ticket);
			assertThat(t.isOpen()).isTrue();
			assertThat(t.openPrice()).isEqualTo(1.10020);
		});
		assertThat(f.events.accounts.getLast().margin()).isZero();
	}

	@Test
	void pendingOrdersUnknownTicketsAndDeletedPositionsAreInvalidData() {
		Ticket limit = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 100, 1.09000));
		Ticket position = f.buy(1, "EURUSD", 100);
		f.engine.deletePosition(position);

		assertThat(f.engine.deletePosition(limit).code()).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.deletePosition(position).code()).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.deletePosition(Ticket.of(999)).code()).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.openTrade(limit)).isPresent();
	}

	@Test
	void theDealerDeletesAlsoWhenTheMarketIsClosedOrTheAccountReadOnly() {
		Ticket ticket = f.buy(1, "EURUSD", 100);
		f.engine.putAccount(AccountConfig.of(1, "usd").withReadOnly(true));
		f.symbol(EngineFixture.forex("EURUSD", 5).tradeMode(SymbolConfig.TradeMode.DISABLED).build());

		assertThat(f.engine.deletePosition(ticket).code()).isEqualTo(ReturnCode.OK);
	}

	@Test
	void deletingTheProfitableLegOfAHedgeCanStopTheAccountOut() {
		// 6,000 USD; 5 lots each way on EURUSD: the hedged volume needs no margin (margin_hedged 0).
		EngineFixture g = EngineFixture.majors();
		Login thin = g.account(2, 6_000);
		Ticket buy = g.buy(2, "EURUSD", 500);
		Ticket sell = g.sell(2, "EURUSD", 500);
		// A 1,000-point rise: the buy (at 1.10020) gains (1.11000 − 1.10020) × 500,000 = +4,900.00, the
		// sell (at 1.10000) loses (1.11020 − 1.10000) × 500,000 = −5,100.00; equity 5,800.00, no margin.
		g.quote("EURUSD", 1.11000, 1.11020);
		assertThat(g.margin(thin).levelType()).isEqualTo(MarginLevel.LevelType.OK);

		g.engine.deletePosition(buy);

		// Alone, the sell needs 500,000 × 1.10000 / 100 = 5,500.00 against 900.00 equity (16 %): stop-out
		// at 50 % closes it, booking its −5,100.00; the deleted buy's +4,900.00 is never booked.
		assertThat(g.engine.openTrade(sell)).isEmpty();
		assertThat(g.closed(sell).comment()).startsWith("so:");
		assertThat(g.state(thin).balance()).isCloseTo(900.00, within(0.005));
	}
}
