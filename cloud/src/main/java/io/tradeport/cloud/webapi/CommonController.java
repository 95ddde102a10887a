package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;

/** {@code MT4/MT5 v2 :: Common}. */
@RestController
class CommonController {

	private final Callers callers;
	private final PlatformAccess access;
	private final PlatformConnections connections;

	CommonController(Callers callers, PlatformAccess access, PlatformConnections connections) {
		this.callers = callers;
		this.access = access;
		this.connections = connections;
	}

	/**
	 * The server's wall-clock time ("server time") written as if it were UTC, the convention of MT4's times
	 * (time_t in server time) and of the report database; the contract wants an RFC 3339 date-time.
	 */
	@GetMapping("/api/v2/MT4/{tradePlatform}/ServerTime")
	ApiResponse<Instant> serverTimeMt4(@PathVariable String tradePlatform, Authentication authentication, HttpServletRequest request) {
		return ApiResponse.ok(serverTime(tradePlatform, PlatformType.MT4, authentication), ActivityId.of(request));
	}

	@GetMapping("/api/v2/MT5/{tradePlatform}/ServerTime")
	ApiResponse<Instant> serverTimeMt5(@PathVariable String tradePlatform, Authentication authentication, HttpServletRequest request) {
		return ApiResponse.ok(serverTime(tradePlatform, PlatformType.MT5, authentication), ActivityId.of(request));
	}

	private Instant serverTime(String tradePlatform, PlatformType type, Authentication authentication) {
		var platform = access.require(callers.of(authentication), tradePlatform, type);
		var info = connections.call(platform.id(), channel -> ManagerSessionGrpc.newBlockingStub(channel)
			.withDeadlineAfter(PlatformConnections.deadlineSeconds(), TimeUnit.SECONDS)
			.getServerInfo(GetServerInfoRequest.getDefaultInstance()));
		var wallClock = LocalDateTime.ofInstant(Instant.ofEpochMilli(info.getServerTime()), ZoneOffset.ofTotalSeconds(info.getServerTimeOffsetMinutes() * 60));
		return wallClock.toInstant(ZoneOffset.UTC);
	}
}
