package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.BackupKind;
import io.tradeport.gateway.v1.BalanceCheckRequest;
import io.tradeport.gateway.v1.ListBackupsRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.RestoreBackupRequest;
import io.tradeport.gateway.v1.User;

/** Protocol 1.1 backup restore from the backup the server takes at start. */
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
	void unknownBackupsAndLoginsAreNotFoundAndOrdersRestoreIsUnimplemented() {
		assertThat(refusal(() -> admin.admin().restoreBackupUsers(RestoreBackupRequest.newBuilder().setFile("nope.bak").build())).status())
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> admin.admin().restoreBackupUsers(RestoreBackupRequest.newBuilder().setFile(usersBackup()).addKeys(4242)
			.build())).status()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> gateway.dealer().admin().restoreBackupUsers(RestoreBackupRequest.newBuilder().setFile(usersBackup())
			.build())).retCode()).isEqualTo(7);
		var orders = refusal(() -> admin.admin().restoreBackupOrders(RestoreBackupRequest.newBuilder().setFile("any").build()));
		assertThat(orders.status()).isEqualTo(Status.Code.UNIMPLEMENTED);
		assertThat(orders.retCode()).isEqualTo(2);
	}
}
