package io.tradeport.cloud.webapi;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.UsersFilter;

/**
 * {@code MT4 v2 :: Sidecar - Batch reads}: whole sets of records at once. Their {@code limit} is a cap on one
 * answer (1 to 1,000,000, 100,000 when left out), not a page size.
 */
@RestController
class Mt4BatchReadsController {

	private static final int DEFAULT_CAP = 100_000;
	private static final int MAX_CAP = 1_000_000;
	/** An MT4 user record has under 1 KiB of fields, so this many bytes hold {@code limit} users. */
	private static final int BYTES_PER_USER = 1024;

	private final PlatformConnections connections;
	private final PlatformPumps pumps;
	private final UsersSyncSessions syncSessions;

	Mt4BatchReadsController(PlatformConnections connections, PlatformPumps pumps, UsersSyncSessions syncSessions) {
		this.connections = connections;
		this.pumps = pumps;
		this.syncSessions = syncSessions;
	}

	/** One gateway call, which the server answers from one engine step: a consistent set, in login order. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/UsersSnapshot")
	ApiResponse<List<Mt4UsersController.MT4User>> usersSnapshot(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit) {
		var cap = cap(limit);
		var users = connections.call(platform.id(), channel -> AccountsGrpc.newBlockingStub(channel)
			.withMaxInboundMessageSize(Math.max(4 << 20, cap * BYTES_PER_USER))
			.getUsers(UsersFilter.newBuilder().setLimit(cap).build()));
		return ApiResponse.ok(users.getUsersList().stream().map(Mt4UsersController.MT4User::of).toList());
	}

	/** The records changed since {@code UsersSyncStart} that this caller has not read yet (see {@link UsersSyncSessions}). */
	@GetMapping("/api/v2/MT4/{tradePlatform}/UsersSyncRead")
	ApiResponse<List<Mt4UsersController.MT4User>> usersSyncRead(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit) {
		var cap = cap(limit);
		var users = syncSessions.read(platform, pumps.cache(platform.id()), cap);
		return ApiResponse.ok(users.stream().map(Mt4UsersController.MT4User::of).toList());
	}

	private static int cap(@Nullable Integer limit) {
		if (limit == null) {
			return DEFAULT_CAP;
		}
		if (limit < 1 || limit > MAX_CAP) {
			throw ApiException.validation("limit must be between 1 and " + MAX_CAP);
		}
		return limit;
	}
}
