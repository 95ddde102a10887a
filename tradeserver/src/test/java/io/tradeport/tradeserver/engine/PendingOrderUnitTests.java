package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.forex;
import static io.tradeport.tradeserver.engine.EngineFixture.group;
import static io.tradeport.tradeserver.engine.TradeCommand.BUY_LIMIT;
import static io.tradeport.tradeserver.engine.TradeCommand.BUY_STOP;
import static io.tradeport.tradeserver.engine.TradeCommand.SELL_LIMIT;
import static io.tradeport.tradeserver.engine.TradeCommand.SELL_STOP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PendingOrderUnitTests {

	@Test
	void buyLimitTriggersWhenTheAskFallsToItsPriceAndOpensAtThatPrice() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		Ticket ticket = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 100, 1.09500));
		assertThat(f.margin(login).margin()).as("pending orders carry no margin").isZero();

		// The bid reaching the price is not enough for a buy order.
		f.quote("EURUSD", 1.09490, 1.09510);
		assertThat(f.trade(ticket).cmd()).isEqualTo(BUY_LIMIT);

		f.clock.advance(Duration.ofMinutes(5));
		f.quote("EURUSD", 1.09480, 1.09500);
		TradeRecord position = f.trade(ticket);
		assertThat(position.cmd()).isEqualTo(TradeCommand.BUY);
		assertThat(position.openPrice()).isEqualTo(1.09500);
		assertThat(position.openTime()).isEqualTo(EngineFixture.TUESDAY_10_00.plus(Duration.ofMinutes(5)));
		assertThat(position.profit()).isEqualTo(-20.00);
		// 1,000 EUR at the ask of the activating tick
		assertThat(f.margin(login).margin()).isEqualTo(1095.00);
		assertThat(f.events.modified).extracting(TradeRecord::cmd).containsExactly(TradeCommand.BUY);
	}

	@Test
	void sellStopTriggersWhenTheBidFallsToItsPrice() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		Ticket ticket = f.open(OpenOrder.pending(1, "EURUSD", SELL_STOP, 100, 1.09000));

		f.quote("EURUSD", 1.09010, 1.09030);
		assertThat(f.trade(ticket).cmd()).isEqualTo(SELL_STOP);

		f.quote("EURUSD", 1.09000, 1.09020);
		assertThat(f.trade(ticket).cmd()).isEqualTo(TradeCommand.SELL);
		assertThat(f.trade(ticket).openPrice()).isEqualTo(1.09000);
	}

	@Test
	void buyStopTriggersOnTheAskAndSellLimitOnTheBid() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		Ticket buyStop = f.open(OpenOrder.pending(1, "EURUSD", BUY_STOP, 10, 1.10500));
		Ticket sellLimit = f.open(OpenOrder.pending(1, "EURUSD", SELL_LIMIT, 10, 1.10600));

		f.quote("EURUSD", 1.10480, 1.10500);
		assertThat(f.trade(buyStop).cmd()).isEqualTo(TradeCommand.BUY);
		assertThat(f.trade(sellLimit).cmd()).isEqualTo(SELL_LIMIT);

		f.quote("EURUSD", 1.10600, 1.10620);
		assertThat(f.trade(sellLimit).cmd()).isEqualTo(TradeCommand.SELL);
	}

	@Test
	void pendingPricesOnTheWrongSideOrInsideTheStopsLevelAreInvalidStops() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).stopsLevel(10).build());
		f.account(1, 10_000);

		// Market: bid 1.10000, ask 1.10020.
		assertThat(place(f, BUY_LIMIT, 1.10100)).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(place(f, BUY_LIMIT, 1.10015)).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(place(f, BUY_LIMIT, 1.10010)).isEqualTo(ReturnCode.OK);
		assertThat(place(f, BUY_STOP, 1.10000)).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(place(f, BUY_STOP, 1.10030)).isEqualTo(ReturnCode.OK);
		assertThat(place(f, SELL_LIMIT, 1.09990)).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(place(f, SELL_LIMIT, 1.10010)).isEqualTo(ReturnCode.OK);
		assertThat(place(f, SELL_STOP, 1.09995)).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(place(f, SELL_STOP, 1.09990)).isEqualTo(ReturnCode.OK);
	}

	@Test
	void pendingStopsAreMeasuredFromTheOrderPrice() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).stopsLevel(10).build());
		f.account(1, 10_000);
		OpenOrder order = OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 10, 1.09000);

		assertThat(f.engine.open(order.withStops(1.08995, 0)).code()).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(f.engine.open(order.withStops(1.08990, 1.09010)).code()).isEqualTo(ReturnCode.OK);
	}

	@Test
	void expiredPendingOrdersAreDeletedByTheTimer() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		Instant expiry = EngineFixture.TUESDAY_10_00.plus(Duration.ofHours(1));
		Ticket ticket = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 10, 1.09000).withExpiration(expiry));

		f.clock.advance(Duration.ofMinutes(59));
		f.engine.processTimers();
		assertThat(f.engine.openTrade(ticket)).isPresent();

		f.clock.advance(Duration.ofMinutes(1));
		f.engine.processTimers();
		assertThat(f.engine.openTrade(ticket)).isEmpty();
		TradeRecord deleted = f.closed(ticket);
		assertThat(deleted.closeTime()).isEqualTo(expiry);
		assertThat(deleted.comment()).isEqualTo("[expired]");
		assertThat(deleted.cmd()).isEqualTo(BUY_LIMIT);
		assertThat(f.engine.history(login)).extracting(TradeRecord::ticket).contains(ticket);
	}

	@Test
	void triggeredOrdersNoLongerExpire() {
		EngineFixture f = EngineFixture.majors();
		Instant expiry = EngineFixture.TUESDAY_10_00.plus(Duration.ofHours(1));
		f.account(1, 10_000);
		Ticket ticket = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 10, 1.09500).withExpiration(expiry));
		f.quote("EURUSD", 1.09480, 1.09500);

		f.clock.advance(Duration.ofHours(2));
		f.engine.processTimers();

		assertThat(f.trade(ticket).cmd()).isEqualTo(TradeCommand.BUY);
		assertThat(f.trade(ticket).expiration()).isNull();
	}

	@Test
	void expirationInThePastOrForbiddenByTheGroupIsDenied() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		OpenOrder order = OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 10, 1.09000);

		assertThat(f.engine.open(order.withExpiration(EngineFixture.TUESDAY_10_00)).code())
			.isEqualTo(ReturnCode.TRADE_EXPIRATION_DENIED);

		f.group(group("usd", "USD").expirationAllowed(false).build());
		assertThat(f.engine.open(order.withExpiration(EngineFixture.TUESDAY_10_00.plusSeconds(3600))).code())
			.isEqualTo(ReturnCode.TRADE_EXPIRATION_DENIED);
		assertThat(f.engine.open(order).code()).isEqualTo(ReturnCode.OK);
	}

	@Test
	void anOrderThatCannotBeCoveredWhenItTriggersIsDeletedWithNoMoney() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 1_000);
		Ticket ticket = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 100, 1.09500));

		f.quote("EURUSD", 1.09480, 1.09500);

		assertThat(f.engine.openTrade(ticket)).isEmpty();
		TradeRecord deleted = f.closed(ticket);
		assertThat(deleted.cmd()).isEqualTo(BUY_LIMIT);
		assertThat(deleted.comment()).isEqualTo("[no money]");
		assertThat(f.margin(login).margin()).isZero();
		assertThat(f.state(login).equity()).isEqualTo(1_000.00);
	}

	@Test
	void modifyingAPendingOrderMovesItsPriceAndExpiration() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		Ticket ticket = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 10, 1.09000));
		Instant expiry = EngineFixture.TUESDAY_10_00.plus(Duration.ofHours(1));

		assertThat(f.engine.modify(new ModifyOrder(ticket, 1.09500, 1.09000, 0, expiry)).code()).isEqualTo(ReturnCode.OK);
		assertThat(f.trade(ticket).openPrice()).isEqualTo(1.09500);
		assertThat(f.trade(ticket).sl()).isEqualTo(1.09000);
		assertThat(f.trade(ticket).expiration()).isEqualTo(expiry);

		assertThat(f.engine.modify(new ModifyOrder(ticket, 1.10500, 0, 0, null)).code())
			.isEqualTo(ReturnCode.TRADE_BAD_STOPS);

		f.clock.advance(Duration.ofHours(1));
		f.engine.processTimers();
		assertThat(f.engine.openTrade(ticket)).isEmpty();
	}

	@Test
	void deletingAPendingOrderMovesItToHistoryAndPositionsCannotBeDeleted() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).freezeLevel(20).build());
		Login login = f.account(1, 10_000);
		Ticket far = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 10, 1.09000));
		Ticket near = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 10, 1.10005));
		Ticket position = f.buy(1, "EURUSD", 10);

		assertThat(f.engine.delete(far).code()).isEqualTo(ReturnCode.OK);
		assertThat(f.engine.delete(near).code()).as("inside the freeze level").isEqualTo(ReturnCode.TRADE_MODIFY_DENIED);
		assertThat(f.engine.delete(position).code()).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.openTrades(login)).extracting(TradeRecord::ticket).containsExactlyInAnyOrder(near, position);
		assertThat(f.closed(far).closeTime()).isEqualTo(EngineFixture.TUESDAY_10_00);
	}

	private static ReturnCode place(EngineFixture f, TradeCommand cmd, double price) {
		return f.engine.open(OpenOrder.pending(1, "EURUSD", cmd, 10, price)).code();
	}
}
