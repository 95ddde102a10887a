package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.BackupFileRef;
import io.tradeport.gateway.v1.BackupInfo;
import io.tradeport.gateway.v1.BackupKind;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.ListBackupsRequest;
import io.tradeport.gateway.v1.RestoreBackupReply;
import io.tradeport.gateway.v1.RestoreBackupRequest;
import io.tradeport.gateway.v1.RestoreBackupResult;
import io.tradeport.gateway.v1.ServerAdminGrpc;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.User;

/**
 * {@code MT4 v2 :: Backup}: the server's full backups of users and orders, read and restored. The gateway restores a
 * backed-up record by file and key, not a record sent to it, so a restore finds, newest backup first, the backup
 * holding each given record with the given values, and restores it from there; a record no backup holds as given is
 * not found, and nothing is restored.
 */
@RestController
class BackupController {

	record MT4BackupInfo(String file, long size, Instant time) {
	}

	/** The contract's MT4UserRestoreInput: the record as a backup holds it; fields left out are not compared. */
	record MT4UserRestoreInput(@Nullable Integer login, @Nullable String group, @Nullable String name, @Nullable String email,
			@Nullable String country, @Nullable Integer leverage, @Nullable Double balance, @Nullable Double credit,
			@Nullable Integer enable, @Nullable Integer enableReadOnly) {

		boolean matches(Mt4UsersController.MT4User user) {
			return same(group, user.group()) && same(name, user.name()) && same(email, user.email()) && same(country, user.country())
					&& same(leverage, user.leverage()) && same(balance, user.balance()) && same(credit, user.credit())
					&& (enable == null || (enable != 0) == ((user.enableFlags() & 0x01) != 0))
					&& (enableReadOnly == null || (enableReadOnly != 0) == ((user.enableFlags() & 0x04) != 0));
		}
	}

	/** The contract's MT4TradeRestoreInput: the record as a backup holds it; fields left out are not compared. */
	record MT4TradeRestoreInput(@Nullable Integer order, @Nullable Integer login, @Nullable String symbol, @Nullable String tradeCommand,
			@Nullable Integer volume, @Nullable Double openPrice, @Nullable Double sl, @Nullable Double tp, @Nullable Double closePrice,
			@Nullable Double profit, @Nullable Double storage, @Nullable Double commission, @Nullable String openTime,
			@Nullable String closeTime, @Nullable String expiration, @Nullable Integer magic, @Nullable String comment) {

		boolean matches(Mt4Trade trade) {
			return same(login, trade.login()) && same(symbol, trade.symbol()) && same(tradeCommand, trade.tradeCommand())
					&& same(volume, trade.volume()) && same(openPrice, trade.openPrice()) && same(sl, trade.sl()) && same(tp, trade.tp())
					&& same(closePrice, trade.closePrice()) && same(profit, trade.profit()) && same(storage, trade.storage())
					&& same(commission, trade.commission()) && sameTime("openTime", openTime, trade.openTime())
					&& sameTime("closeTime", closeTime, trade.closeTime()) && sameTime("expiration", expiration, trade.expiration())
					&& same(magic, trade.magic()) && same(comment, trade.comment());
		}
	}

	/** One restored order, at its input's position: {@code res} 1 restored, 0 not. */
	record MT4TradeRestoreResult(long order, int res) {
	}

	/** The contract's cap of one restore. */
	private static final int MAX_RESTORE = 10_000;
	/** BackupRequest*'s response cap: 1..100,000, 10,000 by default. */
	private static final int MAX_READ = 100_000;
	private static final int DEFAULT_READ = 10_000;

	private final PlatformConnections connections;

	BackupController(PlatformConnections connections) {
		this.connections = connections;
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/BackupInfoUsers/{mode}")
	ApiResponse<List<MT4BackupInfo>> backupInfoUsers(CalledPlatform platform, @PathVariable int mode) {
		return ApiResponse.ok(list(platform, mode, BackupKind.BACKUP_USERS));
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/BackupInfoOrders/{mode}")
	ApiResponse<List<MT4BackupInfo>> backupInfoOrders(CalledPlatform platform, @PathVariable int mode) {
		return ApiResponse.ok(list(platform, mode, BackupKind.BACKUP_ORDERS));
	}

	/** {@code request}: logins separated by commas (empty: every user); at most {@code limit} users, by login. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/BackupRequestUsers/{file}")
	ApiResponse<List<Mt4UsersController.MT4User>> backupRequestUsers(CalledPlatform platform, @PathVariable String file,
			@RequestParam(required = false) @Nullable String request, @RequestParam(defaultValue = "10000") int limit) {
		var logins = keys("request", request);
		requireReadLimit(limit);
		var users = backupUsers(platform, requireFile(file)).stream()
			.filter(user -> logins.isEmpty() || logins.contains(user.getLogin()))
			.sorted(Comparator.comparingInt(User::getLogin))
			.limit(limit)
			.map(Mt4UsersController.MT4User::of)
			.toList();
		return ApiResponse.ok(users);
	}

	/** {@code request}: tickets separated by commas (empty: every order); at most {@code limit} orders, by ticket. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/BackupRequestOrders/{file}")
	ApiResponse<List<Mt4Trade>> backupRequestOrders(CalledPlatform platform, @PathVariable String file,
			@RequestParam(required = false) @Nullable String request, @RequestParam(defaultValue = "10000") int limit) {
		var tickets = keys("request", request);
		requireReadLimit(limit);
		var orders = backupOrders(platform, requireFile(file)).stream()
			.filter(trade -> tickets.isEmpty() || tickets.contains(trade.getOrder()))
			.sorted(Comparator.comparingInt(Trade::getOrder))
			.limit(limit)
			.map(Mt4Trade::of)
			.toList();
		return ApiResponse.ok(orders);
	}

	/**
	 * Accounts back as their backup holds them: an existing one gets its group, leverage, flags and details back and
	 * keeps its balance; a deleted one is created again with its balance and credit booked. All records are checked
	 * (in a backup, their group still there) before any is restored.
	 */
	@PostMapping("/api/v2/MT4/{tradePlatform}/BackupRestoreUsers")
	ApiResponse<Boolean> backupRestoreUsers(CalledPlatform platform, @RequestParam(defaultValue = "false") boolean confirm,
			@RequestBody @Nullable List<MT4UserRestoreInput> users) {
		var inputs = restoreBatch(confirm, users, MT4UserRestoreInput::login, "login");
		var files = locate(platform, BackupKind.BACKUP_USERS, inputs, MT4UserRestoreInput::login,
				file -> backupUsers(platform, file).stream().map(Mt4UsersController.MT4User::of).toList(),
				Mt4UsersController.MT4User::login, (input, user) -> input.matches(user));
		var groups = connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.request(ConfigRequest.newBuilder().setSection(ConfigSection.GROUPS).build())).getRecordsList().stream()
			.map(record -> record.getGroup().getName()).toList();
		files.values().stream().flatMap(List::stream).filter(user -> !groups.contains(user.group())).findFirst().ifPresent(user -> {
			throw TradesController.notFound("Group " + user.group() + " of login " + user.login() + " no longer exists; nothing restored");
		});
		var restored = new ArrayList<Integer>();
		for (var file : files.entrySet()) {
			var logins = file.getValue().stream().map(Mt4UsersController.MT4User::login).toList();
			for (var result : restore(platform, false, file.getKey(), logins)) {
				if (result.getRetCode() != 0) {
					throw GatewayRefusals.mt4Error(result.getRetCode(), "Login " + result.getKey() + " not restored: " + result.getMessage()
							+ (restored.isEmpty() ? "" : "; restored: " + restored));
				}
				restored.add(result.getKey());
			}
		}
		return ApiResponse.ok(true);
	}

	/** Orders back as their backup holds them; one result per input, at its position. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/BackupRestoreOrders")
	ApiResponse<List<MT4TradeRestoreResult>> backupRestoreOrders(CalledPlatform platform, @RequestParam(defaultValue = "false") boolean confirm,
			@RequestBody @Nullable List<MT4TradeRestoreInput> orders) {
		var inputs = restoreBatch(confirm, orders, MT4TradeRestoreInput::order, "order");
		var files = locate(platform, BackupKind.BACKUP_ORDERS, inputs, MT4TradeRestoreInput::order,
				file -> backupOrders(platform, file).stream().map(Mt4Trade::of).toList(), Mt4Trade::order,
				(input, trade) -> input.matches(trade));
		var results = new HashMap<Integer, Integer>();
		for (var file : files.entrySet()) {
			var tickets = file.getValue().stream().map(Mt4Trade::order).toList();
			restore(platform, true, file.getKey(), tickets).forEach(result -> results.put(result.getKey(), result.getRetCode()));
		}
		return ApiResponse.ok(inputs.stream()
			.map(input -> new MT4TradeRestoreResult(input.order(), Objects.equals(results.get(input.order()), 0) ? 1 : 0))
			.toList());
	}

	private List<MT4BackupInfo> list(CalledPlatform platform, int mode, BackupKind kind) {
		if (mode != 0) {
			throw ApiException.validation("mode: this server keeps one series of full backups, listed with mode 0");
		}
		var backups = connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel)
			.listBackups(ListBackupsRequest.newBuilder().setKind(kind).build()));
		return backups.getBackupsList().stream()
			.map(backup -> new MT4BackupInfo(backup.getFile(), backup.getSize(), Instant.ofEpochMilli(backup.getTime())))
			.toList();
	}

	private List<User> backupUsers(CalledPlatform platform, String file) {
		return GatewayRefusals.orNotFound(() -> connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel)
			.getBackupUsers(BackupFileRef.newBuilder().setFile(file).build()))).getUsersList();
	}

	private List<Trade> backupOrders(CalledPlatform platform, String file) {
		return GatewayRefusals.orNotFound(() -> connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel)
			.getBackupOrders(BackupFileRef.newBuilder().setFile(file).build()))).getTradesList();
	}

	private List<RestoreBackupResult> restore(CalledPlatform platform, boolean orders, String file, List<Integer> keys) {
		var request = RestoreBackupRequest.newBuilder().setFile(file).addAllKeys(keys).build();
		RestoreBackupReply reply = connections.call(platform.id(), channel -> orders
				? ServerAdminGrpc.newBlockingStub(channel).restoreBackupOrders(request)
				: ServerAdminGrpc.newBlockingStub(channel).restoreBackupUsers(request));
		return reply.getResultsList();
	}

	/**
	 * For each input, the newest backup holding its key with the values given: backup file to the records restored
	 * from it, in the order the backups are searched.
	 */
	private <I, R> Map<String, List<R>> locate(CalledPlatform platform, BackupKind kind, List<I> inputs, ToIntFunction<I> key,
			Function<String, List<R>> records, ToIntFunction<R> recordKey, java.util.function.BiPredicate<I, R> matches) {
		var backups = connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel)
			.listBackups(ListBackupsRequest.newBuilder().setKind(kind).build())).getBackupsList().stream()
			.sorted(Comparator.comparingLong(BackupInfo::getTime).reversed())
			.toList();
		var unresolved = new ArrayList<>(inputs);
		var files = new LinkedHashMap<String, List<R>>();
		for (var backup : backups) {
			if (unresolved.isEmpty()) {
				break;
			}
			var held = new HashMap<Integer, R>();
			records.apply(backup.getFile()).forEach(record -> held.put(recordKey.applyAsInt(record), record));
			Predicate<I> found = input -> held.containsKey(key.applyAsInt(input)) && matches.test(input, held.get(key.applyAsInt(input)));
			for (var input : List.copyOf(unresolved)) {
				if (found.test(input)) {
					files.computeIfAbsent(backup.getFile(), file -> new ArrayList<>()).add(held.get(key.applyAsInt(input)));
					unresolved.remove(input);
				}
			}
		}
		if (!unresolved.isEmpty()) {
			throw TradesController.notFound("No backup holds " + unresolved.stream().map(key::applyAsInt).toList()
					+ " with the values given (a restore puts back a backed-up record as it is); nothing restored");
		}
		return files;
	}

	private static <I> List<I> restoreBatch(boolean confirm, @Nullable List<I> inputs, Function<I, @Nullable Integer> key, String name) {
		if (!confirm) {
			throw ApiException.validation("A restore overwrites live records: add confirm=true");
		}
		if (inputs == null || inputs.isEmpty() || inputs.size() > MAX_RESTORE) {
			throw ApiException.validation("Send 1 to " + MAX_RESTORE + " records");
		}
		var seen = new HashSet<Integer>();
		for (var input : inputs) {
			var value = input == null ? null : key.apply(input);
			if (value == null || value <= 0) {
				throw ApiException.validation("every record needs a positive " + name);
			}
			if (!seen.add(value)) {
				throw ApiException.validation(name + " " + value + " is given twice");
			}
		}
		return inputs;
	}

	private static String requireFile(String file) {
		if (file.isBlank() || file.length() > 255 || file.contains("\\") || file.contains("/") || file.contains("..")) {
			throw ApiException.validation("file must be a backup file name from BackupInfoUsers or BackupInfoOrders");
		}
		return file;
	}

	private static void requireReadLimit(int limit) {
		if (limit < 1 || limit > MAX_READ) {
			throw ApiException.validation("limit must be between 1 and " + MAX_READ);
		}
	}

	/** Positive numbers separated by commas; none for an empty request. */
	private static Set<Integer> keys(String name, @Nullable String text) {
		var keys = new HashSet<Integer>();
		if (text == null || text.isBlank()) {
			return keys;
		}
		for (var part : text.split(",")) {
			try {
				var key = Integer.parseInt(part.trim());
				if (key <= 0) {
					throw new NumberFormatException();
				}
				keys.add(key);
			}
			catch (NumberFormatException notAKey) {
				throw ApiException.validation(name + " is a list of positive numbers separated by commas");
			}
		}
		return keys;
	}

	private static boolean same(@Nullable Object given, @Nullable Object held) {
		return given == null || given.equals(held);
	}

	private static boolean sameTime(String name, @Nullable String given, Instant held) {
		var time = DateTimes.parse(name, given);
		if (time == null) {
			return true;
		}
		// MT4's "not set" is 0; callers send it as 1970-01-01 or as .NET's 0001-01-01.
		return (time.isAfter(Instant.EPOCH) ? time : Instant.EPOCH).equals(held);
	}
}
