package io.tradeport.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BalanceUnitTests {

	@Test
	void aDepositRaisesTheBalanceAndIsRecordedAsABalanceTrade() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 0);

		TradeResult result = f.engine.balance(login, 1_000, "Wire #42");

		assertThat(result.isOk()).isTrue();
		assertThat(f.state(login).balance()).isEqualTo(1_000.00);
		TradeRecord record = f.engine.history(login).getFirst();
		assertThat(record.ticket()).isEqualTo(result.ticket());
		assertThat(record.cmd()).isEqualTo(TradeCommand.BALANCE);
		assertThat(record.symbol()).isEmpty();
		assertThat(record.volume()).isZero();
		assertThat(record.profit()).isEqualTo(1_000.00);
		assertThat(record.comment()).isEqualTo("Wire #42");
		assertThat(record.openTime()).isEqualTo(EngineFixture.TUESDAY_10_00);
		assertThat(record.closeTime()).isEqualTo(EngineFixture.TUESDAY_10_00);
		assertThat(f.events.closed).containsExactly(record);
		assertThat(f.events.accounts.getLast().balance()).isEqualTo(1_000.00);
	}

	@Test
	void aWithdrawalBeyondTheFreeMarginIsRefusedWithNoMoney() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 2_000);
		f.buy(1, "EURUSD", 100);
		// Equity 1,980, margin 1,100.20: free margin 879.80

		assertThat(f.engine.balance(login, -900, "Withdrawal").code()).isEqualTo(ReturnCode.TRADE_NO_MONEY);
		assertThat(f.state(login).balance()).isEqualTo(2_000.00);

		assertThat(f.engine.balance(login, -800, "Withdrawal").isOk()).isTrue();
		assertThat(f.state(login).balance()).isEqualTo(1_200.00);
		assertThat(f.margin(login).freeMargin()).isEqualTo(79.80);
	}

	@Test
	void creditCountsTowardsEquityButNotBalance() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 1_000);

		assertThat(f.engine.credit(login, 500, "Bonus").isOk()).isTrue();

		AccountState state = f.state(login);
		assertThat(state.balance()).isEqualTo(1_000.00);
		assertThat(state.credit()).isEqualTo(500.00);
		assertThat(state.equity()).isEqualTo(1_500.00);
		assertThat(f.margin(login).balance()).as("MarginLevel.balance includes credit").isEqualTo(1_500.00);
		// With the credit the account can now afford a 1-lot EURUSD (1,100.20 margin).
		assertThat(f.engine.open(OpenOrder.market(1, "EURUSD", TradeCommand.BUY, 100)).isOk()).isTrue();
		assertThat(f.engine.history(login).getLast().cmd()).isEqualTo(TradeCommand.CREDIT);
	}

	@Test
	void creditCannotBeTakenOutBeyondWhatWasGiven() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 1_000);
		f.engine.credit(login, 500, "Bonus");

		assertThat(f.engine.credit(login, -600, "Bonus out").code()).isEqualTo(ReturnCode.TRADE_NO_MONEY);
		assertThat(f.engine.credit(login, -500, "Bonus out").isOk()).isTrue();
		assertThat(f.state(login).credit()).isZero();
	}

	@Test
	void zeroAmountsAndUnknownAccountsAreInvalid() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 1_000);

		assertThat(f.engine.balance(login, 0, "").code()).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.balance(Login.of(2), 10, "").code()).isEqualTo(ReturnCode.INVALID_DATA);
	}

	@Test
	void amountsAreRoundedToCents() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 0);

		f.engine.balance(login, 10.005, "");
		f.engine.balance(login, 0.1, "");
		f.engine.balance(login, 0.2, "");

		assertThat(f.state(login).balance()).isEqualTo(10.31);
	}
}
