package io.tradeport.cloud.webapi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.ServerInfo;

/** {@code MT5 v2 :: Common}: the server's time configuration (ServerTime is in {@link CommonController}). */
@RestController
class Mt5CommonController {

	/** MT5's CIMTConTime as the contract has it: the standard zone in minutes, and whether daylight saving applies. */
	record MT5Time(int timeZone, @Nullable String timeServer, boolean daylight, int daylightState) {

		/**
		 * From the server's zone: MT5 keeps the standard offset and a daylight flag apart, so a zone that still
		 * changes its clocks is split into both. A zone the cloud cannot read is taken as the fixed offset the server reports now.
		 * The gateway carries no time-synchronisation server, so {@code timeServer} is unknown (null).
		 */
		static MT5Time of(ServerInfo info) {
			var now = Instant.ofEpochMilli(info.getServerTime());
			var rules = rules(info);
			var daylight = rules.isDaylightSavings(now) || rules.nextTransition(now) != null;
			return new MT5Time(rules.getStandardOffset(now).getTotalSeconds() / 60, null, daylight, rules.isDaylightSavings(now) ? 1 : 0);
		}

		private static ZoneRules rules(ServerInfo info) {
			try {
				return ZoneId.of(info.getServerZone()).getRules();
			}
			catch (DateTimeException unknownZone) {
				return ZoneOffset.ofTotalSeconds(info.getServerTimeOffsetMinutes() * 60).getRules();
			}
		}
	}

	private final PlatformConnections connections;

	Mt5CommonController(PlatformConnections connections) {
		this.connections = connections;
	}

	@GetMapping("/api/v2/MT5/{tradePlatform}/TimeGet")
	ApiResponse<MT5Time> timeGet(CalledPlatform platform) {
		var info = connections.call(platform.id(), channel -> ManagerSessionGrpc.newBlockingStub(channel)
			.getServerInfo(GetServerInfoRequest.getDefaultInstance()));
		return ApiResponse.ok(MT5Time.of(info));
	}
}
