package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.BackupFileRef;
import io.tradeport.gateway.v1.BackupInfo;
import io.tradeport.gateway.v1.BackupKind;
import io.tradeport.gateway.v1.JournalEntry;
import io.tradeport.gateway.v1.JournalRequest;
import io.tradeport.gateway.v1.JournalType;
import io.tradeport.gateway.v1.ListBackupsRequest;
import io.tradeport.gateway.v1.ReportsRequest;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.gateway.v1.User;

class ServerAdminTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	@Test
	void theJournalRecordsLoginsAndTrades() {
		admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
			.setCmd(TradeCommand.BUY).setOrderBy(1001).setSymbol("EURUSD").setVolume(10).build());

		var logins = admin.admin().getJournal(JournalRequest.newBuilder().setType(JournalType.JOURNAL_LOGINS).build()).getEntriesList();
		assertThat(logins).extracting(JournalEntry::getMessage).anyMatch(m -> m.contains("'1': manager login"));
		assertThat(logins).allSatisfy(e -> assertThat(e.getType()).isEqualTo(JournalType.JOURNAL_LOGINS));
		var trades = admin.admin().getJournal(JournalRequest.newBuilder().setType(JournalType.JOURNAL_FULL).setFilter("EURUSD").build());
		assertThat(trades.getEntriesList()).extracting(JournalEntry::getMessage).anyMatch(m -> m.contains("buy 0.1 EURUSD"));
		var before = admin.admin().getJournal(JournalRequest.newBuilder().setType(JournalType.JOURNAL_FULL).setTo(1000).build());
		assertThat(before.getEntriesList()).isEmpty();
	}

	@Test
	void reportsListClosedTradesOfTheAskedLogins() {
		int order = admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
			.setCmd(TradeCommand.SELL).setOrderBy(1001).setSymbol("EURUSD").setVolume(10).build()).getOrder();
		admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_CLOSE).setOrder(order).build());

		var report = admin.admin().getReports(ReportsRequest.newBuilder().addLogins(1001).build()).getTradesList();

		assertThat(report).extracting(t -> t.getCmd()).containsExactly(TradeCommand.BALANCE, TradeCommand.SELL);
		assertThat(admin.admin().getReports(ReportsRequest.newBuilder().addLogins(1003).build()).getTradesCount()).isEqualTo(1);
	}

	@Test
	void dailyReportsAreWrittenAtEndOfDay() {
		gateway.clock.advance(Duration.ofHours(14).plusMinutes(1));
		// The jump is longer than the idle timeout: a new session.
		var admin = gateway.admin();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
			assertThat(admin.admin().getDailyReports(ReportsRequest.getDefaultInstance()).getReportsList()).hasSize(3));
		var reports = admin.admin().getDailyReports(ReportsRequest.newBuilder().addLogins(1001).build()).getReportsList();
		assertThat(reports).singleElement().satisfies(r -> {
			assertThat(r.getTradingDay()).isEqualTo("2026-11-24");
			assertThat(r.getBalance()).isEqualTo(10_000);
			assertThat(r.getTime()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z").toEpochMilli());
		});
	}

	@Test
	void reportsNeedTheReportsRight() {
		var dealer = gateway.dealer();

		assertThat(refusal(() -> dealer.admin().getReports(ReportsRequest.getDefaultInstance())).retCode()).isEqualTo(7);
		assertThat(refusal(() -> dealer.admin().getDailyReports(ReportsRequest.getDefaultInstance())).retCode()).isEqualTo(7);
		assertThat(refusal(() -> dealer.admin().getJournal(JournalRequest.getDefaultInstance())).retCode()).isEqualTo(7);
	}

	@Test
	void theStartupBackupHoldsUsersAndOrders() {
		var users = admin.admin().listBackups(ListBackupsRequest.newBuilder().setKind(BackupKind.BACKUP_USERS).build()).getBackupsList();
		var orders = admin.admin().listBackups(ListBackupsRequest.newBuilder().setKind(BackupKind.BACKUP_ORDERS).build()).getBackupsList();

		assertThat(users).singleElement().satisfies(b -> assertThat(b.getSize()).isPositive());
		String file = users.getFirst().getFile();
		assertThat(admin.admin().getBackupUsers(BackupFileRef.newBuilder().setFile(file).build()).getUsersList())
			.extracting(User::getLogin).containsExactlyInAnyOrder(1001, 1002, 1003);
		assertThat(admin.admin().getBackupOrders(BackupFileRef.newBuilder().setFile(orders.getFirst().getFile()).build()).getTradesList())
			.hasSize(3);
		assertThat(orders).extracting(BackupInfo::getFile).noneMatch(file::equals);
	}

	@Test
	void unknownBackupsAndKindsAreRefused() {
		assertThat(refusal(() -> admin.admin().getBackupUsers(BackupFileRef.newBuilder().setFile("nope.bak").build())).status())
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> admin.admin().getBackupOrders(BackupFileRef.newBuilder().setFile("nope.bak").build())).retCode())
			.isEqualTo(3);
		assertThat(refusal(() -> admin.admin().listBackups(ListBackupsRequest.getDefaultInstance())).retCode()).isEqualTo(3);
		assertThat(refusal(() -> gateway.dealer().admin().listBackups(ListBackupsRequest.newBuilder().setKind(BackupKind.BACKUP_USERS).build()))
			.retCode()).isEqualTo(7);
	}
}
