package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.BackupKind;
import io.tradeport.gateway.v1.BalanceCheckRequest;
import io.tradeport.gateway.v1.ListBackupsRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.PumpRequest;
import io.tradeport.gateway.v1.RestoreBackupRequest;
import io.tradeport.gateway.v1.RestoreBackupResult;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransType;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.gateway.v1.User;

/** Protocol 1.1 backup restore (orders since 1.2) from the backups the server takes. */
class BackupRestoreTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	private String usersBackup() {
		return admin.admin().listBackups(ListBackupsRequest.newBuilder().setKind(BackupKind.BACKUP_USERS).build()).getBackups(0).getFile();
	}

	private User user(int login) {
		return admin.accounts().getUser(LoginRef.newBuilder().setLogin(login).build());
	}

	@Test
	void anEditedAccountGetsItsBackedUpSettingsBackAndKeepsItsBalance() {
		User before = user(1001);
		admin.accounts().updateUser(before.toBuilder().setName("Changed By Mistake").setLeverage(50).build());

		var reply = admin.admin().restoreBackupUsers(RestoreBackupRequest.newBuilder().setFile(usersBackup()).addKeys(1001).build());

		assertThat(reply.getResultsList()).singleElement().satisfies(r -> {
			assertThat(r.getKey()).isEqualTo(1001);
			assertThat(r.getRetCode()).isZero();
		});
		assertThat(user(1001).getName()).isEqualTo(before.getName());
		assertThat(user(1001).getLeverage()).isEqualTo(before.getLeverage());
		assertThat(user(1001).getBalance()).isEqualTo(before.getBalance());
	}

	@Test
	void aDeletedAccountComesBackWithItsBalanceBookedSoTheHistoryAddsUp() {
		User before = user(1002);
		admin.accounts().deleteUser(LoginRef.newBuilder().setLogin(1002).build());

		admin.admin().restoreBackupUsers(RestoreBackupRequest.newBuilder().setFile(usersBackup()).addKeys(1002).build());

		User restored = user(1002);
		assertThat(restored.getGroup()).isEqualTo(before.getGroup());
		assertThat(restored.getName()).isEqualTo(before.getName());
		assertThat(restored.getBalance()).isEqualTo(before.getBalance());
		assertThat(admin.trading().checkBalance(BalanceCheckRequest.newBuilder().addLogins(1002).build()).getDiffs(0).getDiff()).isZero();
	}

	@Test
	void unknownBackupsLoginsAndTicketsAreNotFoundAndRestoringNeedsAdmin() {
		assertThat(refusal(() -> admin.admin().restoreBackupUsers(RestoreBackupRequest.newBuilder().setFile("nope.bak").build())).status())
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> admin.admin().restoreBackupUsers(RestoreBackupRequest.newBuilder().setFile(usersBackup()).addKeys(4242)
			.build())).status()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> gateway.dealer().admin().restoreBackupUsers(RestoreBackupRequest.newBuilder().setFile(usersBackup())
			.build())).retCode()).isEqualTo(7);
		assertThat(refusal(() -> admin.admin().restoreBackupOrders(RestoreBackupRequest.newBuilder().setFile("nope.bak").build()))
			.status()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> admin.admin().restoreBackupOrders(RestoreBackupRequest.newBuilder().setFile(ordersBackup())
			.addKeys(999_999).build())).status()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> gateway.dealer().admin().restoreBackupOrders(RestoreBackupRequest.newBuilder()
			.setFile(ordersBackup()).build())).retCode()).isEqualTo(7);
	}

	// ---------------------------------------------------------------- orders

	private String ordersBackup() {
		// The newest: the tests take one after placing their orders.
		return admin.admin().listBackups(ListBackupsRequest.newBuilder().setKind(BackupKind.BACKUP_ORDERS).build()).getBackupsList()
			.getLast().getFile();
	}

	private int transact(TradeTransactionRequest.Builder request) {
		return admin.trading().tradeTransaction(request.build()).getOrder();
	}

	private Trade trade(int order) {
		return admin.trading().getTrade(TicketRef.newBuilder().setOrder(order).build());
	}

	@Test
	void aDeletedPositionAndAChangedOrderComeBackFromAnOrdersBackup() throws InterruptedException {
		int position = transact(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN).setOrderBy(1001)
			.setSymbol("EURUSD").setCmd(TradeCommand.BUY).setVolume(10).setSl(1.15000));
		int limit = transact(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_PENDING_OPEN).setOrderBy(1001)
			.setSymbol("EURUSD").setCmd(TradeCommand.BUY_LIMIT).setVolume(10).setPrice(1.14000));
		Trade positionBefore = trade(position);
		gateway.server.backup();
		String file = ordersBackup();
		transact(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_DELETE).setOrder(position));
		transact(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_MODIFY).setOrder(limit).setPrice(1.13000));
		PumpTests.Replica replica = new PumpTests.Replica();
		admin.pump().subscribe(PumpRequest.getDefaultInstance(), replica);
		replica.snapshot();

		var reply = admin.admin().restoreBackupOrders(RestoreBackupRequest.newBuilder().setFile(file).addKeys(position).addKeys(limit)
			.build());

		assertThat(reply.getResultsList()).extracting(RestoreBackupResult::getKey, RestoreBackupResult::getRetCode)
			.containsExactlyInAnyOrder(tuple(position, 0), tuple(limit, 0));
		Trade restored = trade(position);
		assertThat(restored.getOpen()).isTrue();
		assertThat(restored.getOpenTime()).isEqualTo(positionBefore.getOpenTime());
		assertThat(restored.getOpenPrice()).isEqualTo(positionBefore.getOpenPrice());
		assertThat(restored.getSl()).isEqualTo(1.15);
		assertThat(trade(limit).getOpenPrice()).isEqualTo(1.14);
		assertThat(replica.next(e -> e.hasTrade() && e.getTrade().getOrder() == position).getTrans()).isEqualTo(TransType.TRANS_ADD);
		assertThat(admin.trading().checkBalance(BalanceCheckRequest.newBuilder().addLogins(1001).build()).getDiffs(0).getDiff()).isZero();
	}

	@Test
	void restoringAWholeBackupAnswersEveryTicketAndRefusesWhatCannotComeBack() {
		int closed = transact(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN).setOrderBy(1001)
			.setSymbol("EURUSD").setCmd(TradeCommand.BUY).setVolume(10));
		gateway.server.backup();
		transact(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_CLOSE).setOrder(closed));
		double balance = user(1001).getBalance();

		var results = admin.admin().restoreBackupOrders(RestoreBackupRequest.newBuilder().setFile(ordersBackup()).build())
			.getResultsList();

		// The three demo deposits are unchanged; the position closed since the backup keeps its booked result.
		assertThat(results).filteredOn(r -> r.getKey() != closed).hasSize(3).allSatisfy(r -> assertThat(r.getRetCode()).isEqualTo(1));
		assertThat(results).filteredOn(r -> r.getKey() == closed).singleElement().satisfies(r -> {
			assertThat(r.getRetCode()).isEqualTo(3);
			assertThat(r.getMessage()).contains("closed since the backup");
		});
		assertThat(trade(closed).getOpen()).isFalse();
		assertThat(user(1001).getBalance()).isEqualTo(balance);
	}
}
