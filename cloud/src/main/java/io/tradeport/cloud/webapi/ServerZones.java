package io.tradeport.cloud.webapi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;

/**
 * MT4 keeps times as {@code time_t} in the server's own time zone ("server time"); the contract passes some of them
 * that way (sync timestamps, daily report days), while the gateway speaks UTC. This converts with the server's zone,
 * asked with each call since a broker may move it (or its daylight saving may change the offset).
 */
@Component
class ServerZones {

	private final PlatformConnections connections;

	ServerZones(PlatformConnections connections) {
		this.connections = connections;
	}

	ZoneId of(CalledPlatform platform) {
		var info = connections.call(platform.id(), channel -> ManagerSessionGrpc.newBlockingStub(channel)
			.getServerInfo(GetServerInfoRequest.getDefaultInstance()));
		try {
			return ZoneId.of(info.getServerZone());
		}
		catch (DateTimeException unknownZone) {
			return ZoneOffset.ofTotalSeconds(info.getServerTimeOffsetMinutes() * 60);
		}
	}

	/** Unix seconds counted in server time (MT4's {@code time_t}) as the instant they mean. */
	static Instant fromServerSeconds(long serverSeconds, ZoneId zone) {
		return LocalDateTime.ofEpochSecond(serverSeconds, 0, ZoneOffset.UTC).atZone(zone).toInstant();
	}

	/** An instant as the server's wall clock shows it, written as if it were UTC (the MT4 convention). */
	static Instant asServerTime(Instant instant, ZoneId zone) {
		return LocalDateTime.ofInstant(instant, zone).toInstant(ZoneOffset.UTC);
	}
}
