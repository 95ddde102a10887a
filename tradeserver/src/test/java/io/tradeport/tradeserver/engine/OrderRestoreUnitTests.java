package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.TradeCommand.BUY;
import static io.tradeport.tradeserver.engine.TradeCommand.BUY_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * BackupRestoreOrders, one record at a time: a record as an orders backup holds it is put back
 * without moving the balance. USD account of 10,000; EURUSD quoted 1.10000 / 1.10020.
 */
class OrderRestoreUnitTests {

	private final EngineFixture f = EngineFixture.majors();
	private final Login login = f.account(1, 10_000);

	@Test
	void aPositionDeletedWithoutClosingComesBackUnderItsTicketWithItsPriceAndMoney() {
		Ticket ticket = f.buy(1, "EURUSD", 100);
		f.engine.modifyRecord(new TradeRecordUpdate(ticket, null, null, null, null, null, null, null, -3.20, null));
		TradeRecord backup = f.trade(ticket);
		f.clock.advance(Duration.ofHours(1));
		f.engine.deletePosition(ticket);
		f.quote("EURUSD", 1.10120, 1.10140);

		assertThat(f.engine.restoreOrder(backup).code()).isEqualTo(ReturnCode.OK);

		TradeRecord restored = f.trade(ticket);
		assertThat(restored.openTime()).isEqualTo(backup.openTime());
		assertThat(restored.openPrice()).isEqualTo(1.10020);
		assertThat(restored.storage()).isEqualTo(-3.20);
		// Valued at today's bid: (1.10120 − 1.10020) × 100,000 = +100.00; margin 100,000 × 1.10020 / 100.
		assertThat(restored.profit()).isCloseTo(100.00, within(0.005));
		assertThat(f.margin(login).margin()).isCloseTo(1_100.20, within(0.005));
		assertThat(f.state(login).balance()).isEqualTo(10_000.00);
		assertThat(f.events.opened.getLast().ticket()).isEqualTo(ticket);
	}

	@Test
	void aChangedOpenOrderGetsItsBackedUpValuesAndAnUnchangedOneAnswersOkNone() {
		Ticket ticket = f.open(OpenOrder.market(1, "EURUSD", BUY, 100).withStops(1.09000, 1.12000).withComment("mine"));
		TradeRecord backup = f.trade(ticket);
		f.engine.modify(ModifyOrder.stops(ticket.value(), 0, 0));
		f.engine.modifyRecord(new TradeRecordUpdate(ticket, 1.05, null, null, null, "edited", 7, null, null, null));

		assertThat(f.engine.restoreOrder(backup).code()).isEqualTo(ReturnCode.OK);
		assertThat(f.engine.restoreOrder(backup).code()).isEqualTo(ReturnCode.OK_NONE);

		TradeRecord restored = f.trade(ticket);
		assertThat(restored.openPrice()).isEqualTo(1.10020);
		assertThat(restored.sl()).isEqualTo(1.09000);
		assertThat(restored.tp()).isEqualTo(1.12000);
		assertThat(restored.comment()).isEqualTo("mine");
		assertThat(restored.magic()).isZero();
	}

	@Test
	void aDeletedPendingOrderIsLiveAgainAndLeavesTheHistory() {
		Ticket ticket = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 100, 1.09000)
			.withExpiration(EngineFixture.TUESDAY_10_00.plus(Duration.ofDays(2))));
		TradeRecord backup = f.trade(ticket);
		f.engine.delete(ticket);

		assertThat(f.engine.restoreOrder(backup).code()).isEqualTo(ReturnCode.OK);

		assertThat(f.trade(ticket)).isEqualTo(f.engine.openTrade(ticket).orElseThrow());
		assertThat(f.trade(ticket).cmd()).isEqualTo(BUY_LIMIT);
		assertThat(f.engine.history(login)).extracting(TradeRecord::cmd).containsExactly(TradeCommand.BALANCE);
		// Its expiration still applies.
		f.clock.advance(Duration.ofDays(2));
		f.engine.processTimers();
		assertThat(f.engine.openTrade(ticket)).isEmpty();
	}

	@Test
	void aPendingOrderWhoseExpirationPassedIsNotBroughtBack() {
		Ticket ticket = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 100, 1.09000)
			.withExpiration(EngineFixture.TUESDAY_10_00.plus(Duration.ofHours(1))));
		TradeRecord backup = f.trade(ticket);
		f.clock.advance(Duration.ofHours(2));
		f.engine.processTimers();

		assertThat(f.engine.restoreOrder(backup).code()).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.openTrade(ticket)).isEmpty();
	}

	@Test
	void aPositionClosedSinceTheBackupStaysClosedBecauseItsResultIsBooked() {
		Ticket ticket = f.buy(1, "EURUSD", 100);
		TradeRecord backup = f.trade(ticket);
		f.engine.close(ticket);
		double balance = f.state(login).balance();

		assertThat(f.engine.restoreOrder(backup).code()).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.openTrade(ticket)).isEmpty();
		assertThat(f.state(login).balance()).isEqualTo(balance);
	}

	@Test
	void anEditedClosedRecordIsPutBackWithoutMovingTheBalance() {
		Ticket ticket = f.buy(1, "EURUSD", 100);
		f.engine.close(ticket);
		TradeRecord backup = f.closed(ticket);
		f.engine.modifyRecord(new TradeRecordUpdate(ticket, null, 1.2, null, null, "wrong", null, null, null, 9_999.0));
		double balance = f.state(login).balance();

		assertThat(f.engine.restoreOrder(backup).code()).isEqualTo(ReturnCode.OK);

		assertThat(f.engine.history(login)).contains(backup);
		assertThat(f.state(login).balance()).isEqualTo(balance);
		assertThat(f.events.modified.getLast()).isEqualTo(backup);
	}

	@Test
	void aClosedRecordTheHistoryNoLongerHoldsIsRefusedSinceBookingItAgainWouldCountItTwice() {
		Ticket ticket = f.buy(1, "EURUSD", 100);
		f.engine.close(ticket);
		TradeRecord closed = f.closed(ticket);
		// The account is deleted with its history and created again (its balance booked anew).
		f.engine.removeAccount(login);
		f.account(1, 9_980);

		assertThat(f.engine.restoreOrder(closed).code()).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.history(login)).extracting(TradeRecord::cmd).containsExactly(TradeCommand.BALANCE);
	}

	@Test
	void ticketsOfAnotherAccountOrNeverHandedOutAreRefused() {
		Ticket ticket = f.buy(1, "EURUSD", 10);
		TradeRecord mine = f.trade(ticket);
		f.engine.close(ticket);
		f.account(2, 1_000);
		TradeRecord claimedByAnother = withLoginAndTicket(mine, Login.of(2), ticket);
		TradeRecord neverHandedOut = withLoginAndTicket(mine, login, Ticket.of(999));

		assertThat(f.engine.restoreOrder(claimedByAnother).code()).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.restoreOrder(neverHandedOut).code()).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.allOpenTrades()).isEmpty();
	}

	private static TradeRecord withLoginAndTicket(TradeRecord t, Login login, Ticket ticket) {
		return new TradeRecord(ticket, login, t.symbol(), t.digits(), t.cmd(), t.volume(), t.openTime(), t.openPrice(), t.sl(),
				t.tp(), t.closeTime(), t.expiration(), t.closePrice(), t.convRateOpen(), t.convRateClose(), t.commission(),
				t.storage(), t.profit(), t.marginRate(), t.comment(), t.magic());
	}
}
