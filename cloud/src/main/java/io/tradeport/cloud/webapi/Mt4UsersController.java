package io.tradeport.cloud.webapi;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.AddUserRequest;
import io.tradeport.gateway.v1.BalanceCheckRequest;
import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.GroupOperationRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.TradingGrpc;
import io.tradeport.gateway.v1.User;
import io.tradeport.gateway.v1.UserList;
import io.tradeport.gateway.v1.UsersFilter;

/**
 * {@code MT4 v2 :: Users}: user records from the pumping cache ({@code Get}) or from the server ({@code Request}),
 * and their changes, which always go to the server.
 */
@RestController
class Mt4UsersController {

	/** The contract's MT4User: field names and types as the SDK expects them. */
	record MT4User(int login, String group, String name, @Nullable Instant registrationDate, @Nullable Instant lastDate,
			String externalId, String status, String country, String city, String state, String zipCode, String address,
			String leadSource, String phone, String email, String comment, int leverage, int agentAccount, int lastIP,
			double balance, double credit, double prevMonthBalance, double prevBalance, double prevMonthEquity,
			double prevEquity, double interestRate, double taxes, int enableFlags, int sendReports, long mqid, int userColor) {

		static MT4User of(User user) {
			return new MT4User(user.getLogin(), user.getGroup(), user.getName(), instant(user.getRegistrationTime()),
					instant(user.getLastTime()), user.getExternalId(), user.getStatus(), user.getCountry(), user.getCity(),
					user.getState(), user.getZipCode(), user.getAddress(), user.getLeadSource(), user.getPhone(), user.getEmail(),
					user.getComment(), user.getLeverage(), user.getAgentAccount(), 0, user.getBalance(), user.getCredit(),
					user.getPrevMonthBalance(), user.getPrevBalance(), user.getPrevMonthEquity(), user.getPrevEquity(),
					user.getInterestRate(), user.getTaxes(), UserFields.flags(user), user.getSendReports() ? 1 : 0, user.getMqid(),
					user.getUserColor());
		}

		private static @Nullable Instant instant(long epochMillis) {
			return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
		}
	}

	/** The contract's MT4UserCreate. Passwords are not part of it: see {@link #userRecordNew}. */
	record MT4UserCreate(@Nullable Integer login, @Nullable String group, @Nullable String name, @Nullable String externalId,
			@Nullable String status, @Nullable String country, @Nullable String city, @Nullable String state,
			@Nullable String zipCode, @Nullable String address, @Nullable String leadSource, @Nullable String phone,
			@Nullable String email, @Nullable String comment, @Nullable Integer leverage, @Nullable Integer agentAccount,
			@Nullable Double interestRate, @Nullable Double taxes, @Nullable Integer enableFlags, @Nullable Integer sendReports,
			@Nullable Long mqid, @Nullable Integer userColor) {

		MT4UserUpdate fields() {
			return new MT4UserUpdate(group, name, externalId, status, country, city, state, zipCode, address, leadSource, phone,
					email, comment, leverage, agentAccount, null, null, interestRate, taxes, enableFlags, sendReports, mqid, userColor);
		}
	}

	/** The contract's MT4UserUpdate; a field left out (or null) keeps its value. */
	record MT4UserUpdate(@Nullable String group, @Nullable String name, @Nullable String externalId, @Nullable String status,
			@Nullable String country, @Nullable String city, @Nullable String state, @Nullable String zipCode,
			@Nullable String address, @Nullable String leadSource, @Nullable String phone, @Nullable String email,
			@Nullable String comment, @Nullable Integer leverage, @Nullable Integer agentAccount, @Nullable Double balance,
			@Nullable Double credit, @Nullable Double interestRate, @Nullable Double taxes, @Nullable Integer enableFlags,
			@Nullable Integer sendReports, @Nullable Long mqid, @Nullable Integer userColor) {
	}

	record MT4BalanceDiff(int login, double diff) {
	}

	record MT4UsersGroupOp(@Nullable String command, @Nullable String newGroup, @Nullable Integer leverage,
			@Nullable List<Integer> logins) {
	}

	private static final Map<String, GroupOperationRequest.Command> GROUP_COMMANDS = Map.of(
			"Delete", GroupOperationRequest.Command.DELETE, "Enable", GroupOperationRequest.Command.ENABLE,
			"Disable", GroupOperationRequest.Command.DISABLE, "Leverage", GroupOperationRequest.Command.SET_LEVERAGE,
			"SetGroup", GroupOperationRequest.Command.MOVE_TO_GROUP);

	/** What one gateway call answers when the list is fetched whole: the gateway's page limit. */
	private static final int GATEWAY_PAGE = Pages.MAX_LIMIT;

	/** Groups one AdmUsersRequestSafe may name. */
	private static final int MAX_GROUPS = 64;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PlatformPumps pumps;
	private final PlatformConnections connections;
	private final UsersSyncSessions syncSessions;

	Mt4UsersController(PlatformPumps pumps, PlatformConnections connections, UsersSyncSessions syncSessions) {
		this.pumps = pumps;
		this.connections = connections;
		this.syncSessions = syncSessions;
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/UserRecordGet/{login}")
	ApiResponse<MT4User> userRecordGet(CalledPlatform platform, @PathVariable int login) {
		requirePositive(login);
		var user = pumps.cache(platform.id()).user(login)
			.orElseThrow(() -> new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No account " + login, null));
		return ApiResponse.ok(MT4User.of(user));
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/UserRecordRequest/{login}")
	ApiResponse<MT4User> userRecordRequest(CalledPlatform platform, @PathVariable int login) {
		requirePositive(login);
		return ApiResponse.ok(MT4User.of(user(platform.id(), login)));
	}

	/** Logins that do not exist (or that the platform's manager may not see) are left out, as the contract says. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/UserRecordsRequest")
	ApiResponse<List<MT4User>> userRecordsRequest(CalledPlatform platform, @RequestParam(required = false) @Nullable List<Integer> logins) {
		var wanted = requireLogins(logins);
		var users = allUsers(platform.id(), UsersFilter.newBuilder().addAllLogins(wanted));
		return ApiResponse.ok(users.stream().map(MT4User::of).toList());
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/UsersRequest")
	ApiResponse<List<MT4User>> usersRequest(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		var page = Pages.<User>ofServer(limit, cursor, User::getLogin, (size, after) -> {
			if (size == 0) {
				return new Pages.Slice<>(allUsers(platform.id(), UsersFilter.newBuilder().setAfterLogin(after)), false);
			}
			var answer = connections.call(platform.id(), channel -> AccountsGrpc.newBlockingStub(channel)
				.getUsers(UsersFilter.newBuilder().setLimit(size).setAfterLogin(after).build()));
			return new Pages.Slice<>(answer.getUsersList(), answer.getHasMore());
		});
		return ApiResponse.page(page.items().stream().map(MT4User::of).toList(), page.paging());
	}

	/**
	 * The accounts of a group, or of a comma-separated list of groups as the contract's description allows (its
	 * 16 characters then bound each name). Wildcards are not group names: refused rather than widened into a mask.
	 */
	@GetMapping("/api/v2/MT4/{tradePlatform}/AdmUsersRequestSafe/{group}")
	ApiResponse<List<MT4User>> admUsersRequestSafe(CalledPlatform platform, @PathVariable String group) {
		var names = new ArrayList<String>();
		for (var name : group.split(",")) {
			if (!name.isBlank()) {
				Mt4GroupsController.requireGroupName(name.trim());
				names.add(name.trim());
			}
		}
		if (names.isEmpty() || names.size() > MAX_GROUPS || names.stream().anyMatch(name -> name.contains("*") || name.contains("?") || name.startsWith("!"))) {
			throw ApiException.validation("group names 1 to " + MAX_GROUPS + " groups (comma-separated), without wildcards");
		}
		var users = allUsers(platform.id(), UsersFilter.newBuilder().setGroupMask(String.join(",", names)));
		return ApiResponse.ok(users.stream().map(MT4User::of).toList());
	}

	/**
	 * The accounts are created without a usable password, as the contract says: the gateway needs one, so the
	 * account gets a random one that nobody learns, until {@code UserPasswordSet} sets the real one.
	 */
	@PostMapping("/api/v2/MT4/{tradePlatform}/UserRecordNew")
	ApiResponse<MT4User> userRecordNew(CalledPlatform platform, @RequestBody MT4UserCreate body) {
		var login = body.login() == null ? 0 : body.login();
		if (login < 0) {
			throw ApiException.validation("login must be 0 (the server assigns one) or positive");
		}
		if (body.group() == null || body.group().isBlank()) {
			throw ApiException.validation("group is required");
		}
		// Without flags the account is enabled: a client that leaves them out wants a usable account.
		var user = User.newBuilder().setLogin(login).setEnable(true);
		UserFields.apply(body.fields(), user);
		var request = AddUserRequest.newBuilder().setUser(user).setPassword(unusablePassword()).build();
		var created = connections.call(platform.id(), channel -> AccountsGrpc.newBlockingStub(channel).addUser(request));
		return ApiResponse.ok(MT4User.of(created));
	}

	/** The record is read live and the given fields laid over it; the server's answer is echoed. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/UserRecordUpdate/{login}")
	ApiResponse<MT4User> userRecordUpdate(CalledPlatform platform, @PathVariable int login, @RequestBody MT4UserUpdate body) {
		requirePositive(login);
		return ApiResponse.ok(MT4User.of(update(platform.id(), login, body)));
	}

	/** Only the fields present in the body change; unknown keys are ignored (see {@link PatchBodies}). */
	@PatchMapping("/api/v2/MT4/{tradePlatform}/UserRecord/{login}")
	ApiResponse<MT4User> userRecordPatch(CalledPlatform platform, @PathVariable int login, @RequestBody byte[] body) {
		requirePositive(login);
		return ApiResponse.ok(MT4User.of(update(platform.id(), login, PatchBodies.read(body, MT4UserUpdate.class))));
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/UsersGroupOp")
	ApiResponse<Boolean> usersGroupOp(CalledPlatform platform, @RequestBody MT4UsersGroupOp body) {
		var command = GROUP_COMMANDS.get(body.command() == null ? "" : body.command());
		if (command == null) {
			throw ApiException.validation("Unknown command \"" + body.command() + "\"; one of " + GROUP_COMMANDS.keySet());
		}
		var logins = requireLogins(body.logins());
		var request = GroupOperationRequest.newBuilder().setCommand(command).addAllLogins(logins);
		if (command == GroupOperationRequest.Command.MOVE_TO_GROUP) {
			if (body.newGroup() == null) {
				throw ApiException.validation("SetGroup needs newGroup");
			}
			Mt4GroupsController.requireGroupName(body.newGroup());
			request.setNewGroup(body.newGroup());
		}
		if (command == GroupOperationRequest.Command.SET_LEVERAGE) {
			if (body.leverage() == null || body.leverage() < 1) {
				throw ApiException.validation("Leverage needs a positive leverage");
			}
			request.setLeverage(body.leverage());
		}
		connections.call(platform.id(), channel -> AccountsGrpc.newBlockingStub(channel).groupOperation(request.build()));
		return ApiResponse.ok(true);
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/AdmBalanceCheck/{login}")
	ApiResponse<MT4BalanceDiff> admBalanceCheck(CalledPlatform platform, @PathVariable int login) {
		requirePositive(login);
		var diffs = connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
			.checkBalance(BalanceCheckRequest.newBuilder().addLogins(login).build()));
		var diff = diffs.getDiffsList().stream().filter(candidate -> candidate.getLogin() == login).findFirst()
			.orElseThrow(() -> new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No account " + login, null));
		return ApiResponse.ok(new MT4BalanceDiff(login, diff.getDiff()));
	}

	/** Only accounts whose balance disagrees with their history are listed; without logins, every account is checked. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/AdmBalanceCheck")
	ApiResponse<List<MT4BalanceDiff>> admBalanceCheckBatch(CalledPlatform platform,
			@RequestParam(required = false) @Nullable List<Integer> logins) {
		var wanted = logins == null || logins.isEmpty() ? List.<Integer>of() : requireLogins(logins);
		var diffs = connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
			.checkBalance(BalanceCheckRequest.newBuilder().addAllLogins(wanted).build()));
		return ApiResponse.ok(diffs.getDiffsList().stream()
			.filter(diff -> diff.getDiff() != 0)
			.map(diff -> new MT4BalanceDiff(diff.getLogin(), diff.getDiff()))
			.sorted(Comparator.comparingInt(MT4BalanceDiff::login))
			.toList());
	}

	/** Explicit logins only: a fix of every account at once is too easy to send by mistake. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/AdmBalanceFix")
	ApiResponse<Boolean> admBalanceFix(CalledPlatform platform, @RequestParam(required = false) @Nullable List<Integer> logins) {
		var wanted = requireLogins(logins);
		connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
			.fixBalance(BalanceCheckRequest.newBuilder().addAllLogins(wanted).build()));
		return ApiResponse.ok(true);
	}

	/**
	 * Starts this caller's incremental read of user records ({@code UsersSyncRead}) at {@code timestamp}, MT4's
	 * server-local unix seconds. The server keeps no change times, so the replica is the platform's pump: its
	 * cache knows when each record last changed. The session lives on this node.
	 */
	@PostMapping("/api/v2/MT4/{tradePlatform}/UsersSyncStart")
	ApiResponse<Boolean> usersSyncStart(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer timestamp) {
		if (timestamp != null && timestamp < 0) {
			throw ApiException.validation("timestamp must be 0 (everything) or positive unix seconds");
		}
		var since = Instant.EPOCH;
		if (timestamp != null && timestamp > 0) {
			var info = connections.call(platform.id(), channel -> ManagerSessionGrpc.newBlockingStub(channel)
				.getServerInfo(GetServerInfoRequest.getDefaultInstance()));
			since = Instant.ofEpochSecond(timestamp - info.getServerTimeOffsetMinutes() * 60L);
		}
		// Starts the pump now, so that the first read finds its changes, and fails as NoConnect when it cannot.
		pumps.cache(platform.id());
		syncSessions.start(platform, since);
		return ApiResponse.ok(true);
	}

	private User user(TradePlatformId platform, int login) {
		return connections.call(platform, channel -> AccountsGrpc.newBlockingStub(channel)
			.getUser(LoginRef.newBuilder().setLogin(login).build()));
	}

	private User update(TradePlatformId platform, int login, MT4UserUpdate fields) {
		var user = user(platform, login).toBuilder();
		UserFields.apply(fields, user);
		var changed = user.build();
		return connections.call(platform, channel -> AccountsGrpc.newBlockingStub(channel).updateUser(changed));
	}

	/** Every matching user, fetched in the gateway's pages so that no answer outgrows a gRPC message. */
	private List<User> allUsers(TradePlatformId platform, UsersFilter.Builder filter) {
		var users = new ArrayList<User>();
		UserList page;
		do {
			var request = filter.setLimit(GATEWAY_PAGE).build();
			page = connections.call(platform, channel -> AccountsGrpc.newBlockingStub(channel).getUsers(request));
			users.addAll(page.getUsersList());
			if (!page.getUsersList().isEmpty()) {
				filter.setAfterLogin(page.getUsersList().getLast().getLogin());
			}
		}
		while (page.getHasMore() && !page.getUsersList().isEmpty());
		return users;
	}

	static List<Integer> requireLogins(@Nullable List<Integer> logins) {
		if (logins == null || logins.isEmpty()) {
			throw ApiException.validation("logins: give at least one login");
		}
		for (var login : logins) {
			if (login == null || login <= 0) {
				throw ApiException.validation("logins must be positive numbers");
			}
		}
		return List.copyOf(logins);
	}

	static void requirePositive(int login) {
		if (login <= 0) {
			throw ApiException.validation("login must be a positive number");
		}
	}

	private static String unusablePassword() {
		var bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return "Tp" + HexFormat.of().formatHex(bytes) + "9";
	}
}
