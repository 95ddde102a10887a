package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;

/** {@code MT4/MT5 v2 :: Common}. */
@RestController
class CommonController {

	private final PlatformConnections connections;

	CommonController(PlatformConnections connections) {
		this.connections = connections;
	}

	/**
	 * The server's wall-clock time ("server time") written as if it were UTC, the convention of MT4's times
	 * (time_t in server time) and of the report database; the contract wants an RFC 3339 date-time.
	 */
	@GetMapping("/api/v2/MT4/{tradePlatform}/ServerTime")
	ApiResponse<Instant> serverTimeMt4(CalledPlatform platform) {
		return ApiResponse.ok(serverTime(platform));
	}

	@GetMapping("/api/v2/MT5/{tradePlatform}/ServerTime")
	ApiResponse<Instant> serverTimeMt5(CalledPlatform platform) {
		return ApiResponse.ok(serverTime(platform));
	}

	private Instant serverTime(CalledPlatform platform) {
		var info = connections.call(platform.id(), channel -> ManagerSessionGrpc.newBlockingStub(channel)
			.getServerInfo(GetServerInfoRequest.getDefaultInstance()));
		var wallClock = LocalDateTime.ofInstant(Instant.ofEpochMilli(info.getServerTime()), ZoneOffset.ofTotalSeconds(info.getServerTimeOffsetMinutes() * 60));
		return wallClock.toInstant(ZoneOffset.UTC);
	}
}
