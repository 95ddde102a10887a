package io.tradeport.tradeserver.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tradeport.gateway.v1.RestoreBackupReply;
import io.tradeport.gateway.v1.RestoreBackupRequest;
import io.tradeport.gateway.v1.RestoreBackupResult;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.User;
import io.tradeport.tradeserver.config.Backups;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.UserDetails;
import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeResult;

/**
 * BackupRestoreUsers and BackupRestoreOrders: accounts and orders back from a backup. Kept apart
 * from the services so that the backup stores and the services can change independently.
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

	/**
	 * Each order of the backup (or each of {@code keys}) whose account is in the manager's groups is
	 * put back as {@link TradeEngine#restoreOrder} describes, in one engine unit; every ticket gets a
	 * result: 0 restored, 1 already as backed up, otherwise why not.
	 */
	RestoreBackupReply restoreOrders(ManagerAccount manager, RestoreBackupRequest request) {
		GroupMask mine = GroupMask.parse(manager.groups());
		Backups.Backup<Trade> backup = context.orderBackups.get(request.getFile())
			.orElseThrow(() -> MtException.notFound("no orders backup " + request.getFile()));
		Set<Integer> keys = new HashSet<>(request.getKeysList());
		List<Trade> orders = backup.records().stream().filter(t -> keys.isEmpty() || keys.contains(t.getOrder())).toList();
		if (!keys.isEmpty() && orders.size() < keys.size()) {
			throw MtException.notFound("not every ticket of " + keys + " is in backup " + request.getFile());
		}
		List<RestoreBackupResult> results = context.write(w -> {
			TradeEngine e = w.engine();
			// Visibility first, before anything changes: an explicit ticket of another manager's account is not found.
			List<Trade> visible = new ArrayList<>();
			for (Trade order : orders) {
				String group = e.account(Login.of(order.getLogin())).map(AccountState::group).orElse(null);
				if (group == null || mine.matches(group)) {
					visible.add(order);
				}
				else if (!keys.isEmpty()) {
					throw MtException.notFound("no order #" + order.getOrder() + " in backup " + request.getFile());
				}
			}
			List<RestoreBackupResult> done = new ArrayList<>();
			for (Trade order : visible) {
				done.add(restore(w, order));
			}
			return done;
		});
		context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(), "'" + manager.login() + "': "
				+ results.stream().filter(r -> r.getRetCode() == 0).count() + " orders restored from backup " + request.getFile());
		return RestoreBackupReply.newBuilder().addAllResults(results).build();
	}

	private static RestoreBackupResult restore(EngineAccess.Writes w, Trade order) {
		TradeEngine e = w.engine();
		RestoreBackupResult.Builder result = RestoreBackupResult.newBuilder().setKey(order.getOrder());
		if (e.account(Login.of(order.getLogin())).isEmpty()) {
			return result.setRetCode(Ret.INVALID_DATA.code)
				.setMessage("account " + order.getLogin() + " does not exist; restore it from a users backup first").build();
		}
		TradeRecord backedUp = Protos.tradeRecord(order);
		// Read before the change: why a refusal was refused depends on what the server holds now.
		Optional<TradeRecord> open = e.openTrade(backedUp.ticket());
		Optional<TradeRecord> closed = e.history(backedUp.login()).stream().filter(t -> t.ticket().equals(backedUp.ticket()))
			.findFirst();
		TradeResult outcome = w.restoreOrder(backedUp);
		result.setRetCode(outcome.code().code());
		return switch (outcome.code()) {
			case OK -> result.build();
			case OK_NONE -> result.setMessage("already as backed up").build();
			case TRADE_OFFQUOTES -> result.setMessage("no quote of " + backedUp.symbol() + " to value the position").build();
			default -> result.setMessage(reason(backedUp, open, closed)).build();
		};
	}

	private static String reason(TradeRecord backedUp, Optional<TradeRecord> open, Optional<TradeRecord> closed) {
		if (open.isPresent()) {
			return "the order changed since the backup in a way a restore cannot undo (activated, or its expiration passed)";
		}
		if (closed.isPresent()) {
			return backedUp.isOpen() && closed.get().cmd().isMarket()
					? "closed since the backup: its result is booked; re-enter it with the dealer's open"
					: "the history holds a different record under this ticket";
		}
		if (!backedUp.isOpen()) {
			return "a closed record the history no longer holds: booking it again would count it twice";
		}
		return "it cannot be restored (unknown symbol, an expired pending order, or a ticket of another account)";
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
