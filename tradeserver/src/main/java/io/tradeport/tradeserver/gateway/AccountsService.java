package io.tradeport.tradeserver.gateway;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.grpc.stub.StreamObserver;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.AddUserRequest;
import io.tradeport.gateway.v1.CheckPasswordReply;
import io.tradeport.gateway.v1.CheckPasswordRequest;
import io.tradeport.gateway.v1.ConCommon;
import io.tradeport.gateway.v1.DeleteUserReply;
import io.tradeport.gateway.v1.GetOnlineRequest;
import io.tradeport.gateway.v1.GroupOperationReply;
import io.tradeport.gateway.v1.GroupOperationRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.OnlineList;
import io.tradeport.gateway.v1.OnlineRecord;
import io.tradeport.gateway.v1.SetPasswordReply;
import io.tradeport.gateway.v1.SetPasswordRequest;
import io.tradeport.gateway.v1.User;
import io.tradeport.gateway.v1.UserList;
import io.tradeport.gateway.v1.UsersFilter;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.ManagerRight;
import io.tradeport.tradeserver.config.Passwords;
import io.tradeport.tradeserver.config.UserDetails;
import io.tradeport.tradeserver.config.UserDirectory.PasswordMatch;
import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.ReturnCode;
import io.tradeport.tradeserver.engine.TradeEngine;

/**
 * Accounts: reads need only a session and show the accounts of the manager's groups; changes need
 * the "manager" right. Balance and credit never change here (TT_BR_BALANCE does that).
 */
final class AccountsService extends AccountsGrpc.AccountsImplBase {

	private final ServerContext context;

	AccountsService(ServerContext context) {
		this.context = context;
	}

	@Override
	public void getUsers(UsersFilter request, StreamObserver<UserList> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.manager();
			GroupMask mine = GroupMask.parse(manager.groups());
			GroupMask asked = request.getGroupMask().isBlank() ? GroupMask.ALL : GroupMask.parse(request.getGroupMask());
			Set<Integer> logins = new HashSet<>(request.getLoginsList());
			List<AccountState> accounts = context.call(e -> e.accounts()).stream()
				.filter(a -> mine.matches(a.group()) && asked.matches(a.group())
						&& (logins.isEmpty() || logins.contains(a.login().value())))
				.toList();
			var page = Paging.page(accounts, a -> a.login().value(), request.getAfterLogin(), request.getLimit());
			UserList.Builder list = UserList.newBuilder().setHasMore(page.hasMore());
			page.items().forEach(a -> list.addUsers(user(a)));
			return list.build();
		});
	}

	@Override
	public void getUser(LoginRef request, StreamObserver<User> out) {
		Calls.unary(out, () -> user(visibleAccount(request.getLogin())));
	}

	@Override
	public void addUser(AddUserRequest request, StreamObserver<User> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.MANAGER);
			User user = request.getUser();
			requireGroupVisible(manager, user.getGroup());
			if (!Passwords.isAcceptable(request.getPassword())) {
				throw MtException.of(Ret.INVALID_DATA, "the password needs at least 5 characters");
			}
			if (!request.getInvestorPassword().isEmpty() && !Passwords.isAcceptable(request.getInvestorPassword())) {
				throw MtException.of(Ret.INVALID_DATA, "the investor password needs at least 5 characters");
			}
			int login = user.getLogin() == 0 ? nextLogin() : user.getLogin();
			Instant now = context.clock.instant();
			// Hashing is slow on purpose: done here, not on the engine thread.
			UserDetails fresh = Protos.details(user.toBuilder().setLogin(login).build(),
					UserDetails.named(login, "", "", request.getPassword(), now), now);
			UserDetails details = request.getInvestorPassword().isEmpty() ? fresh
					: fresh.withInvestorPasswordHash(Passwords.hash(request.getInvestorPassword()), now);
			// Validated before anything is stored.
			AccountConfig config = new AccountConfig(Login.of(login), user.getGroup(), user.getLeverage(), user.getEnable(),
					user.getEnableReadOnly());
			AccountState created = context.write(w -> {
				TradeEngine e = w.engine();
				if (e.account(Login.of(login)).isPresent()) {
					throw MtException.of(Ret.INVALID_DATA, "account " + login + " already exists");
				}
				if (e.groups().stream().noneMatch(g -> g.name().equals(user.getGroup()))) {
					throw MtException.of(Ret.INVALID_DATA, "no group " + user.getGroup());
				}
				// Before the engine call: the pump's user event reads the personal data.
				context.users.put(details);
				return w.putAccount(config);
			});
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(),
					"'" + manager.login() + "': account " + login + " created in group " + user.getGroup());
			return user(created);
		});
	}

	/** ConCommon.last_login: the next free login, advanced past the ones in use. */
	private int nextLogin() {
		synchronized (context.sections.common) {
			ConCommon common = context.sections.common.get();
			int login = Math.max(common.getLastLogin(), 1);
			while (true) {
				int candidate = login;
				if (context.call(e -> e.account(Login.of(candidate)).isEmpty())) {
					break;
				}
				login++;
			}
			context.sections.common.set(common.toBuilder().setLastLogin(login + 1).build());
			return login;
		}
	}

	@Override
	public void updateUser(User request, StreamObserver<User> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.MANAGER);
			AccountState current = visibleAccount(request.getLogin());
			requireGroupVisible(manager, request.getGroup());
			Instant now = context.clock.instant();
			UserDetails previous = context.users.get(request.getLogin())
				.orElseGet(() -> UserDetails.named(request.getLogin(), "", "", randomPassword(), now));
			AccountConfig config = new AccountConfig(current.login(), request.getGroup(), request.getLeverage(),
					request.getEnable(), request.getEnableReadOnly());
			AccountState updated = context.write(w -> {
				if (w.engine().groups().stream().noneMatch(g -> g.name().equals(request.getGroup()))) {
					throw MtException.of(Ret.INVALID_DATA, "no group " + request.getGroup());
				}
				context.users.put(Protos.details(request, previous, now));
				return w.putAccount(config);
			});
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(),
					"'" + manager.login() + "': account " + request.getLogin() + " updated");
			return user(updated);
		});
	}

	@Override
	public void deleteUser(LoginRef request, StreamObserver<DeleteUserReply> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.MANAGER);
			visibleAccount(request.getLogin());
			ReturnCode code = context.write(w -> {
				ReturnCode result = w.removeAccount(Login.of(request.getLogin()));
				if (result == ReturnCode.OK) {
					context.pump.accountDeleted(request.getLogin());
				}
				return result;
			});
			if (code != ReturnCode.OK) {
				throw MtException.engine(code, "account " + request.getLogin() + " has open orders");
			}
			context.users.remove(request.getLogin());
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(),
					"'" + manager.login() + "': account " + request.getLogin() + " deleted");
			return DeleteUserReply.getDefaultInstance();
		});
	}

	@Override
	public void checkPassword(CheckPasswordRequest request, StreamObserver<CheckPasswordReply> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.MANAGER);
			visibleAccount(request.getLogin());
			PasswordMatch match = context.users.check(request.getLogin(), request.getPassword());
			return CheckPasswordReply.newBuilder()
				.setValid(match != PasswordMatch.NONE)
				.setInvestor(match == PasswordMatch.INVESTOR)
				.build();
		});
	}

	@Override
	public void setPassword(SetPasswordRequest request, StreamObserver<SetPasswordReply> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.MANAGER);
			visibleAccount(request.getLogin());
			if (!Passwords.isAcceptable(request.getPassword())) {
				throw MtException.of(Ret.INVALID_DATA, "the password needs at least 5 characters");
			}
			Instant now = context.clock.instant();
			UserDetails details = context.users.get(request.getLogin())
				.orElseGet(() -> UserDetails.named(request.getLogin(), "", "", randomPassword(), now));
			String hash = Passwords.hash(request.getPassword());
			context.users.put(request.getInvestor() ? details.withInvestorPasswordHash(hash, now) : details.withPasswordHash(hash, now));
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(), "'" + manager.login() + "': "
					+ (request.getInvestor() ? "investor" : "master") + " password of " + request.getLogin() + " changed");
			return SetPasswordReply.getDefaultInstance();
		});
	}

	@Override
	public void groupOperation(GroupOperationRequest request, StreamObserver<GroupOperationReply> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.MANAGER);
			if (request.getLoginsCount() == 0) {
				throw MtException.of(Ret.INVALID_DATA, "no logins");
			}
			if (request.getCommand() == GroupOperationRequest.Command.MOVE_TO_GROUP) {
				requireGroupVisible(manager, request.getNewGroup());
			}
			for (int login : request.getLoginsList()) {
				visibleAccount(login);
			}
			if (request.getCommand() == GroupOperationRequest.Command.DELETE) {
				int deleted = deleteAll(request.getLoginsList());
				context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(),
						"'" + manager.login() + "': group operation DELETE on " + deleted + " accounts");
				return GroupOperationReply.newBuilder().setChanged(deleted).build();
			}
			int changed = context.write(w -> {
				TradeEngine e = w.engine();
				if (request.getCommand() == GroupOperationRequest.Command.MOVE_TO_GROUP
						&& e.groups().stream().noneMatch(g -> g.name().equals(request.getNewGroup()))) {
					throw MtException.of(Ret.INVALID_DATA, "no group " + request.getNewGroup());
				}
				int count = 0;
				for (int login : request.getLoginsList()) {
					AccountState a = e.account(Login.of(login)).orElseThrow();
					AccountConfig config = new AccountConfig(a.login(), a.group(), a.leverage(), a.enabled(), a.readOnly());
					config = switch (request.getCommand()) {
						case MOVE_TO_GROUP -> new AccountConfig(a.login(), request.getNewGroup(), a.leverage(), a.enabled(), a.readOnly());
						case SET_LEVERAGE -> config.withLeverage(request.getLeverage());
						case ENABLE -> config.withEnabled(true);
						case DISABLE -> config.withEnabled(false);
						default -> throw MtException.of(Ret.INVALID_DATA, "unknown command " + request.getCommand());
					};
					w.putAccount(config);
					count++;
				}
				return count;
			});
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(),
					"'" + manager.login() + "': group operation " + request.getCommand() + " on " + changed + " accounts");
			return GroupOperationReply.newBuilder().setChanged(changed).build();
		});
	}

	/** All or nothing: checked and deleted in one engine command. */
	private int deleteAll(List<Integer> logins) {
		List<Integer> distinct = logins.stream().distinct().toList();
		context.write(w -> {
			for (int login : distinct) {
				if (!w.engine().openTrades(Login.of(login)).isEmpty()) {
					throw MtException.of(Ret.INVALID_DATA, "account " + login + " has open orders; nothing was deleted");
				}
			}
			for (int login : distinct) {
				w.removeAccount(Login.of(login));
				context.pump.accountDeleted(login);
			}
			return null;
		});
		distinct.forEach(context.users::remove);
		return distinct.size();
	}

	@Override
	public void getOnline(GetOnlineRequest request, StreamObserver<OnlineList> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.ONLINE);
			// Only gateway sessions connect to this server (it has no client-terminal protocol yet).
			OnlineList.Builder list = OnlineList.newBuilder();
			for (Sessions.Session session : context.sessions.active()) {
				list.addOnline(OnlineRecord.newBuilder().setLogin(session.login).setGroup("manager")
					.setIp(session.ip).setSince(session.since.toEpochMilli()));
			}
			return list.build();
		});
	}

	private User user(AccountState account) {
		return Protos.user(account, context.users.get(account.login().value()).orElse(null));
	}

	/** The account, if it exists and is in the manager's groups; otherwise NOT_FOUND (INVALID_DATA). */
	private AccountState visibleAccount(int login) {
		ManagerAccount manager = context.sessions.manager();
		if (login <= 0) {
			throw MtException.of(Ret.INVALID_DATA, "login must be positive");
		}
		AccountState account = context.call(e -> e.account(Login.of(login)))
			.orElseThrow(() -> MtException.notFound("no account " + login));
		if (!GroupMask.parse(manager.groups()).matches(account.group())) {
			throw MtException.notFound("no account " + login);
		}
		return account;
	}

	private static void requireGroupVisible(ManagerAccount manager, String group) {
		if (!GroupMask.parse(manager.groups()).matches(group)) {
			throw MtException.of(Ret.NOT_ENOUGH_RIGHTS, "group " + group + " is outside the manager's groups");
		}
	}

	private static String randomPassword() {
		return java.util.UUID.randomUUID().toString();
	}
}
