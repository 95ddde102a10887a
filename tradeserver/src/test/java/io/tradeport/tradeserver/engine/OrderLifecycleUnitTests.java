package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.forex;
import static io.tradeport.tradeserver.engine.EngineFixture.group;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.GroupConfig.CommissionType;

class OrderLifecycleUnitTests {

	@Test
	void partialCloseKeepsTheTicketForTheClosedPartAndReopensTheRestUnderANewTicket() {
		EngineFixture f = EngineFixture.majors()
			.group(group("usd", "USD").defaultSecurity(GroupConfig.Security.DEFAULT.withCommission(7, CommissionType.MONEY, true)).build());
		Login login = f.account(1, 10_000);
		Ticket ticket = f.buy(1, "EURUSD", 200);
		f.quote("EURUSD", 1.10500, 1.10520);

		assertThat(f.engine.close(ticket, 50).isOk()).isTrue();

		TradeRecord closed = f.closed(ticket);
		TradeRecord rest = f.engine.openTrades(login).getFirst();
		assertThat(closed.volume()).isEqualTo(50);
		assertThat(closed.profit()).isEqualTo(240.00);
		assertThat(closed.commission()).isEqualTo(-3.50);
		assertThat(closed.comment()).isEqualTo("to #" + rest.ticket().value());
		assertThat(rest.volume()).isEqualTo(150);
		assertThat(rest.openPrice()).isEqualTo(1.10020);
		assertThat(rest.openTime()).isEqualTo(closed.openTime());
		assertThat(rest.commission()).isEqualTo(-10.50);
		assertThat(rest.comment()).isEqualTo("from #" + ticket.value());
		// 10,000 + 240 - 3.50
		assertThat(f.state(login).balance()).isEqualTo(10_236.50);
		assertThat(f.margin(login).margin()).isEqualTo(1650.30);
	}

	@Test
	void partialCloseMustLeaveAtLeastTheMinimumLot() {
		EngineFixture f = EngineFixture.majors()
			.group(group("usd", "USD").defaultSecurity(GroupConfig.Security.DEFAULT.withLots(10, 1000, 10)).build());
		f.account(1, 10_000);
		Ticket ticket = f.buy(1, "EURUSD", 100);

		assertThat(f.engine.close(ticket, 95).code()).isEqualTo(ReturnCode.TRADE_BAD_VOLUME);
		assertThat(f.engine.close(ticket, 100 + 10).code()).isEqualTo(ReturnCode.TRADE_BAD_VOLUME);
		assertThat(f.engine.close(ticket, 90).code()).isEqualTo(ReturnCode.OK);
	}

	@Test
	void modifyChangesStopsAndNothingToChangeAnswersOkNone() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		Ticket ticket = f.buy(1, "EURUSD", 100);

		assertThat(f.engine.modify(ModifyOrder.stops(ticket.value(), 1.09500, 1.10500)).code()).isEqualTo(ReturnCode.OK);
		assertThat(f.trade(ticket).sl()).isEqualTo(1.09500);
		assertThat(f.trade(ticket).tp()).isEqualTo(1.10500);
		assertThat(f.events.modified).hasSize(1);

		assertThat(f.engine.modify(ModifyOrder.stops(ticket.value(), 1.09500, 1.10500)).code())
			.isEqualTo(ReturnCode.OK_NONE);
		assertThat(f.engine.modify(ModifyOrder.stops(ticket.value(), 1.10010, 0)).code())
			.isEqualTo(ReturnCode.TRADE_BAD_STOPS);
	}

	@Test
	void stopsWithinTheFreezeLevelCannotBeModified() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).freezeLevel(30).build());
		f.account(1, 10_000);
		Ticket ticket = f.open(OpenOrder.market(1, "EURUSD", TradeCommand.BUY, 100).withStops(1.09980, 0));

		// The SL is 20 points from the bid, inside the 30-point freeze level.
		assertThat(f.engine.modify(ModifyOrder.stops(ticket.value(), 1.09900, 0)).code())
			.isEqualTo(ReturnCode.TRADE_MODIFY_DENIED);

		f.quote("EURUSD", 1.10100, 1.10120);
		assertThat(f.engine.modify(ModifyOrder.stops(ticket.value(), 1.09900, 0)).code()).isEqualTo(ReturnCode.OK);
	}

	@Test
	void takeProfitClosesABuyAtTheTakeProfitPriceWhenTheBidReachesIt() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		Ticket ticket = f.open(OpenOrder.market(1, "EURUSD", TradeCommand.BUY, 100).withStops(1.09500, 1.10500)
			.withComment("mine"));

		f.quote("EURUSD", 1.10490, 1.10510);
		assertThat(f.engine.openTrade(ticket)).isPresent();

		f.quote("EURUSD", 1.10520, 1.10540);
		TradeRecord closed = f.closed(ticket);
		assertThat(closed.closePrice()).isEqualTo(1.10500);
		assertThat(closed.profit()).isEqualTo(480.00);
		assertThat(closed.comment()).isEqualTo("mine[tp]");
		assertThat(f.state(login).balance()).isEqualTo(10_480.00);
		assertThat(f.engine.openTrades(login)).isEmpty();
	}

	@Test
	void stopLossClosesASellWhenTheAskReachesIt() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		Ticket ticket = f.open(OpenOrder.market(1, "EURUSD", TradeCommand.SELL, 100).withStops(1.10500, 0));

		// The bid passing the SL does not close a sell; the ask must reach it.
		f.quote("EURUSD", 1.10480, 1.10495);
		assertThat(f.engine.openTrade(ticket)).isPresent();

		f.quote("EURUSD", 1.10490, 1.10510);
		TradeRecord closed = f.closed(ticket);
		assertThat(closed.closePrice()).isEqualTo(1.10500);
		assertThat(closed.profit()).isEqualTo(-500.00);
		assertThat(closed.comment()).isEqualTo("[sl]");
		assertThat(f.state(login).balance()).isEqualTo(9_500.00);
	}

	@Test
	void closedPositionsLeaveTheSymbolIndex() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		f.account(2, 10_000);
		f.account(3, 10_000);
		Ticket a = f.buy(1, "EURUSD", 10);
		Ticket b = f.buy(2, "EURUSD", 10);
		Ticket b2 = f.buy(2, "EURUSD", 10);
		f.buy(3, "EURUSD", 10);
		assertThat(f.engine.holderCount("EURUSD")).isEqualTo(3);

		f.engine.close(a);
		f.engine.close(b);
		assertThat(f.engine.holderCount("EURUSD")).isEqualTo(2);
		f.engine.close(b2);
		assertThat(f.engine.holderCount("EURUSD")).isEqualTo(1);

		// The remaining holder, moved into a freed slot, still gets its ticks.
		f.quote("EURUSD", 1.11000, 1.11020);
		// 0.1 lot * (1.11000 - 1.10020) * 100,000
		assertThat(f.state(Login.of(3)).profit()).isEqualTo(98.00);
	}
}
