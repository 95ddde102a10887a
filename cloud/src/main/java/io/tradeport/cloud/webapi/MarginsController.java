package io.tradeport.cloud.webapi;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformCache;
import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.LevelType;
import io.tradeport.gateway.v1.MarginFilter;
import io.tradeport.gateway.v1.MarginLevel;
import io.tradeport.gateway.v1.MarginType;
import io.tradeport.gateway.v1.TradingGrpc;

/** {@code MT4 v2 :: Margins}: accounts' margin state, from the pumping cache or asked live. */
@RestController
class MarginsController {

	/** The v2 DTO; {@code volume} in hundredths of a lot and {@code updated} in unix seconds, as MT4 has them. */
	record MT4MarginLevel(int login, @Nullable String group, int leverage, long updated, double balance, double equity, long volume,
			double margin, double free, double level, String controllingType, String levelType) {

		static MT4MarginLevel of(MarginLevel level, Instant updated) {
			return new MT4MarginLevel(level.getLogin(), level.getGroup(), level.getLeverage(), updated.getEpochSecond(), level.getBalance(),
					level.getEquity(), Math.round(level.getVolume() * 100), level.getMargin(), level.getMarginFree(), level.getMarginLevel(),
					level.getMarginType() == MarginType.MARGIN_TYPE_CURRENCY ? "Currency" : "Percent", levelType(level.getLevelType()));
		}

		private static String levelType(LevelType type) {
			return switch (type) {
				case LEVEL_MARGIN_CALL -> "MarginCall";
				case LEVEL_STOP_OUT -> "StopOut";
				default -> "Ok";
			};
		}
	}

	private final PlatformPumps pumps;
	private final PlatformConnections connections;
	private final Clock clock;

	MarginsController(PlatformPumps pumps, PlatformConnections connections, Clock clock) {
		this.pumps = pumps;
		this.connections = connections;
		this.clock = clock;
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/MarginsGet")
	ApiResponse<List<MT4MarginLevel>> marginsGet(CalledPlatform platform) {
		var levels = pumps.cache(platform.id()).margins().stream()
			.map(cached -> MT4MarginLevel.of(cached.value(), cached.at()))
			.sorted(Comparator.comparingInt(MT4MarginLevel::login))
			.toList();
		return ApiResponse.ok(levels);
	}

	/** Known only for accounts the server has computed a margin for, that is with open trades: NotFound otherwise. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/MarginLevelGet/{login}")
	ApiResponse<MT4MarginLevel> marginLevelGet(CalledPlatform platform, @PathVariable int login) {
		Mt4UsersController.requirePositive(login);
		PlatformCache.Updated<MarginLevel> cached = pumps.cache(platform.id()).margin(login)
			.orElseThrow(() -> new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No margin level for account " + login, null));
		return ApiResponse.ok(MT4MarginLevel.of(cached.value(), cached.at()));
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/MarginLevelRequest/{login}")
	ApiResponse<MT4MarginLevel> marginLevelRequest(CalledPlatform platform, @PathVariable int login) {
		Mt4UsersController.requirePositive(login);
		var asked = clock.instant();
		var levels = connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
			.getMarginLevels(MarginFilter.newBuilder().addLogins(login).build()));
		var level = levels.getLevelsList().stream().filter(candidate -> candidate.getLogin() == login).findFirst()
			.orElseThrow(() -> new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No account " + login, null));
		return ApiResponse.ok(MT4MarginLevel.of(level, asked));
	}
}
