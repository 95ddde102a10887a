package io.tradeport.tradeserver.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.MarketHoliday;
import io.tradeport.tradeserver.engine.ModifyOrder;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeSessions;

class JournalFormatUnitTests {

	private static final List<Command<?>> EVERY_COMMAND = List.of(
			new Command.PutGroup(GroupConfig.builder("demo", "USD").defaultLeverage(500)
				.defaultSecurity(GroupConfig.Security.DEFAULT.withCommission(7, GroupConfig.CommissionType.MONEY, true))
				.build()),
			new Command.PutSymbol(SymbolConfig.forex("EURUSD", 5).spread(12).tripleSwapDay(DayOfWeek.WEDNESDAY)
				.sessions(TradeSessions.weekdays(TradeSessions.Window.of(0, 5, 23, 55))
					.with(DayOfWeek.SUNDAY, TradeSessions.Window.of(22, 0, 24, 0)))
				.build()),
			new Command.PutAccount(AccountConfig.of(1001, "demo").withLeverage(200).withReadOnly(true)),
			new Command.Balance(Login.of(1001), 1234.56, "Deposit über SEPA"),
			new Command.Credit(Login.of(1001), -50, ""),
			new Command.Open(OpenOrder.pending(1001, "EURUSD", TradeCommand.SELL_LIMIT, 30, 1.2345)
				.withStops(1.25, 1.2).withExpiration(Instant.parse("2026-11-30T10:00:00Z")).withComment("ea")),
			new Command.Open(OpenOrder.market(1001, "EURUSD", TradeCommand.BUY, 100)),
			new Command.Modify(ModifyOrder.stops(7, 1.1, 0)),
			new Command.Close(Ticket.of(7), 20),
			new Command.Delete(Ticket.of(8)),
			new Command.Tick("EURUSD", 1.10001, 1.10013),
			new Command.Timers(),
			new Command.RemoveAccount(Login.of(1002)),
			new Command.RemoveGroup("old"),
			new Command.Activate(Ticket.of(9)),
			new Command.FixBalance(Login.of(1001)),
			new Command.ModifyRecord(new io.tradeport.tradeserver.engine.TradeRecordUpdate(Ticket.of(7), null, 1.2, 0.0, null,
				"fixed", 42, -3.5, null, 12.0)),
			new Command.OpenAt(OpenOrder.market(1001, "EURUSD", TradeCommand.SELL, 10), 1.10005),
			new Command.CloseAt(Ticket.of(7), 10, 1.1),
			new Command.CloseBy(Ticket.of(7), Ticket.of(8)),
			new Command.CloseAll(Login.of(1001), "EURUSD"),
			new Command.RemoveSymbol("EURJPY"),
			new Command.PutSymbol(SymbolConfig.forex("GBPUSD", 5).execution(SymbolConfig.Execution.MARKET).build()),
			new Command.CloseRequested(Ticket.of(7), 10, 1.10002, 5),
			new Command.PutHolidays(List.of(MarketHoliday.allDay(2026, 12, 25),
				new MarketHoliday(0, 1, 1, 0, 720, "EUR*,!EURJPY"))),
			new Command.DeletePosition(Ticket.of(11)),
			new Command.RestoreOrder(new TradeRecord(Ticket.of(12), Login.of(1001), "EURUSD", 5, TradeCommand.SELL_LIMIT, 30,
				Instant.parse("2026-11-24T10:00:00.123Z"), 1.2345, 1.25, 1.2, null, Instant.parse("2026-11-30T10:00:00Z"), 0,
				1, 0, 0, 0, 0, 1.1, "restored", 7)));

	private static byte[] journal(List<Command<?>> commands) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long seq = 1;
		for (Command<?> command : commands) {
			out.writeBytes(JournalFormat.encode(seq, 1_700_000_000_000L + seq, command));
			seq++;
		}
		return out.toByteArray();
	}

	@Test
	void everyCommandSurvivesEncodingWithItsSequenceNumberAndTime() throws IOException {
		JournalFormat.Scan scan = JournalFormat.scan(journal(EVERY_COMMAND));

		assertThat(scan.torn()).isFalse();
		assertThat(scan.entries()).extracting(JournalEntry::command).containsExactlyElementsOf(EVERY_COMMAND);
		assertThat(scan.entries().get(2).seq()).isEqualTo(3);
		assertThat(scan.entries().get(2).timeMillis()).isEqualTo(1_700_000_000_003L);
		assertThat(EVERY_COMMAND.stream().map(Object::getClass).distinct()).containsExactlyInAnyOrderElementsOf(Command.TYPES);
	}

	@Test
	void aRecordCutAtAnyByteIsDiscardedWithEverythingAfterIt() throws IOException {
		byte[] whole = journal(EVERY_COMMAND);
		int lastStart = journal(EVERY_COMMAND.subList(0, EVERY_COMMAND.size() - 1)).length;

		for (int cut = lastStart; cut < whole.length; cut++) {
			JournalFormat.Scan scan = JournalFormat.scan(Arrays.copyOf(whole, cut));

			assertThat(scan.entries()).hasSize(EVERY_COMMAND.size() - 1);
			assertThat(scan.validLength()).isEqualTo(lastStart);
			assertThat(scan.torn()).isEqualTo(cut > lastStart);
		}
	}

	@Test
	void aFlippedBitFailsTheChecksumAndEndsTheReadableJournalThere() throws IOException {
		byte[] data = journal(EVERY_COMMAND);
		int thirdStart = journal(EVERY_COMMAND.subList(0, 2)).length;
		data[thirdStart + 20] ^= 0x10;

		JournalFormat.Scan scan = JournalFormat.scan(data);

		assertThat(scan.entries()).hasSize(2);
		assertThat(scan.validLength()).isEqualTo(thirdStart);
		assertThat(scan.torn()).isTrue();
	}

	@Test
	void zeroFilledOrGarbageTailsAreNotRecords() throws IOException {
		byte[] valid = journal(EVERY_COMMAND.subList(0, 3));
		byte[] zeros = Arrays.copyOf(valid, valid.length + 4096);
		byte[] garbage = Arrays.copyOf(valid, valid.length + 12);
		Arrays.fill(garbage, valid.length, garbage.length, (byte) 0x7f);

		assertThat(JournalFormat.scan(zeros).entries()).hasSize(3);
		assertThat(JournalFormat.scan(garbage).entries()).hasSize(3);
		assertThat(JournalFormat.scan(garbage).validLength()).isEqualTo(valid.length);
	}

	@Test
	void aValidChecksumOverAnUnknownCommandIsAnErrorNotATornTail() {
		byte[] record = JournalFormat.encode(1, 0, new Command.Timers());
		record[8 + 16 + 2] = 99; // the tag byte, after the format marker and number
		resign(record);

		assertThatThrownBy(() -> JournalFormat.scan(record)).isInstanceOf(IOException.class).hasMessageContaining("tag 99");
	}

	@Test
	void recordsOfTheFirstFormatAreReadWithTheValuesTheyImply() throws IOException {
		SymbolConfig symbol = SymbolConfig.forex("EURUSD", 5).spread(12).build();
		Command<?> legacy = new Command.PutSymbol(symbol);
		byte[] firstFormat = JournalFormat.encode(1, 0, legacy, 1);
		byte[] current = JournalFormat.encode(1, 0, legacy);

		// Format 1 had no execution mode: every symbol was instant, the builder's default.
		assertThat(JournalFormat.scan(firstFormat).entries()).extracting(JournalEntry::command).containsExactly(legacy);
		assertThat(firstFormat.length).isLessThan(current.length);
		assertThat(JournalFormat.scan(current).entries()).extracting(JournalEntry::command).containsExactly(legacy);
	}

	@Test
	void aRecordOfANewerFormatIsAnErrorNotATornTail() {
		byte[] record = JournalFormat.encode(1, 0, new Command.Timers());
		record[8 + 16 + 1] = (byte) (RecordCodec.FORMAT + 1);
		resign(record);

		assertThatThrownBy(() -> JournalFormat.scan(record)).isInstanceOf(IOException.class).hasMessageContaining("format");
	}

	private static void resign(byte[] record) {
		CRC32C crc = new CRC32C();
		crc.update(record, 8, record.length - 8);
		ByteBuffer.wrap(record).putInt(4, (int) crc.getValue());
	}
}
