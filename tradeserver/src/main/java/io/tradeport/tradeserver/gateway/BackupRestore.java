package io.tradeport.tradeserver.gateway;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tradeport.gateway.v1.RestoreBackupReply;
import io.tradeport.gateway.v1.RestoreBackupRequest;
import io.tradeport.gateway.v1.RestoreBackupResult;
import io.tradeport.gateway.v1.User;
import io.tradeport.tradeserver.config.Backups;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.UserDetails;
import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.TradeEngine;

/**
 * BackupRestoreUsers: accounts back from a users backup. Kept apart from the services so that
 * the backup stores and the services can change independently.
 */
final class BackupRestore {

	private final ServerContext context;

	BackupRestore(ServerContext context) {
		this.context = context;
	}

	RestoreBackupReply restoreUsers(ManagerAccount manager, RestoreBackupRequest request) {
		GroupMask mine = GroupMask.parse(manager.groups());
		Backups.Backup<User> backup = context.userBackups.get(request.getFile())
			.orElseThrow(() -> MtException.notFound("no users backup " + request.getFile()));
		Set<Integer> keys = new HashSet<>(request.getKeysList());
		List<User> users = backup.records().stream()
			.filter(u -> (keys.isEmpty() || keys.contains(u.getLogin())) && mine.matches(u.getGroup()))
			.toList();
		if (!keys.isEmpty() && users.size() < keys.size()) {
			throw MtException.notFound("not every login of " + keys + " is in backup " + request.getFile());
		}
		RestoreBackupReply.Builder reply = RestoreBackupReply.newBuilder();
		for (User user : users) {
			reply.addResults(restore(user, request.getFile()));
		}
		context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(), "'" + manager.login() + "': "
				+ users.size() + " accounts restored from backup " + request.getFile());
		return reply.build();
	}

	private RestoreBackupResult restore(User user, String file) {
		Instant now = context.clock.instant();
		Login login = Login.of(user.getLogin());
		UserDetails previous = context.users.get(user.getLogin())
			.orElseGet(() -> UserDetails.named(user.getLogin(), "", "", java.util.UUID.randomUUID().toString(), now));
		UserDetails details = Protos.details(user, previous, now);
		AccountConfig config = new AccountConfig(login, user.getGroup(), user.getLeverage(), user.getEnable(),
				user.getEnableReadOnly());
		String problem = context.write(w -> {
			TradeEngine e = w.engine();
			if (e.groups().stream().noneMatch(g -> g.name().equals(user.getGroup()))) {
				return "group " + user.getGroup() + " no longer exists";
			}
			boolean existed = e.account(login).isPresent();
			context.users.put(details);
			w.putAccount(config);
			if (!existed) {
				// Booked, not set: the balance stays the sum of the history.
				String comment = "restored from " + file;
				if (user.getBalance() != 0) {
					w.balance(login, user.getBalance(), comment);
				}
				if (user.getCredit() > 0) {
					w.credit(login, user.getCredit(), comment);
				}
			}
			return "";
		});
		RestoreBackupResult.Builder result = RestoreBackupResult.newBuilder().setKey(user.getLogin());
		return problem.isEmpty() ? result.build() : result.setRetCode(Ret.INVALID_DATA.code).setMessage(problem).build();
	}
}
