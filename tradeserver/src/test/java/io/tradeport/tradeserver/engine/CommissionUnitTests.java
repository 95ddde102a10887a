package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.group;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.GroupConfig.CommissionType;

/** Commission is charged when the position opens, 2 lots of EURUSD bought at 1.10020. */
class CommissionUnitTests {

	@Test
	void moneyCommissionPerLot() {
		assertThat(commission(7, CommissionType.MONEY, true)).isEqualTo(-14.00);
	}

	@Test
	void moneyCommissionPerDeal() {
		assertThat(commission(5, CommissionType.MONEY, false)).isEqualTo(-5.00);
	}

	@Test
	void pipsCommissionIsThePriceValueOfThatManyPoints() {
		// 3 points * 0.00001 * 100,000 * 2 lots
		assertThat(commission(3, CommissionType.PIPS, true)).isEqualTo(-6.00);
	}

	@Test
	void percentCommissionIsAShareOfTheNotional() {
		// 0.002 % of 2 * 100,000 * 1.10020 = 4.4008
		assertThat(commission(0.002, CommissionType.PERCENT, true)).isEqualTo(-4.40);
	}

	@Test
	void commissionLowersEquityWhileOpenAndTheBalanceOnClose() {
		EngineFixture f = fixture(7, CommissionType.MONEY, true);
		Login login = f.account(1, 10_000);
		Ticket ticket = f.buy(1, "EURUSD", 200);

		// -40 spread, -14 commission
		assertThat(f.state(login).equity()).isEqualTo(9_946.00);
		f.engine.close(ticket);

		assertThat(f.closed(ticket).commission()).isEqualTo(-14.00);
		assertThat(f.state(login).balance()).isEqualTo(9_946.00);
	}

	@Test
	void commissionIsChargedWhenAPendingOrderTriggersNotWhenItIsPlaced() {
		EngineFixture f = fixture(7, CommissionType.MONEY, true);
		f.account(1, 10_000);
		Ticket ticket = f.open(OpenOrder.pending(1, "EURUSD", TradeCommand.BUY_LIMIT, 100, 1.09500));
		assertThat(f.trade(ticket).commission()).isZero();

		f.quote("EURUSD", 1.09480, 1.09500);

		assertThat(f.trade(ticket).commission()).isEqualTo(-7.00);
	}

	private static double commission(double base, CommissionType type, boolean perLot) {
		EngineFixture f = fixture(base, type, perLot);
		f.account(1, 10_000);
		return f.trade(f.buy(1, "EURUSD", 200)).commission();
	}

	private static EngineFixture fixture(double base, CommissionType type, boolean perLot) {
		return EngineFixture.majors().group(group("usd", "USD")
			.defaultSecurity(GroupConfig.Security.DEFAULT.withCommission(base, type, perLot)).build());
	}
}
