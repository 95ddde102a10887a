package io.tradeport.cloud.webapi;

import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.GetOnlineRequest;

/**
 * {@code MT4 v2 :: Online}: who is connected to the server, one entry per login, in login order and pages.
 * {@code OnlineGet} is asked live as well: the gateway's pump carries no online records, so there is no cache of
 * them to answer from, and an empty cached list would claim that nobody is online.
 */
@RestController
class Mt4OnlineController {

	record MT4Online(int login, String group) {
	}

	private final PlatformConnections connections;

	Mt4OnlineController(PlatformConnections connections) {
		this.connections = connections;
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/OnlineGet")
	ApiResponse<List<MT4Online>> onlineGet(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return online(platform.id(), limit, cursor);
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/OnlineRequest")
	ApiResponse<List<MT4Online>> onlineRequest(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return online(platform.id(), limit, cursor);
	}

	private ApiResponse<List<MT4Online>> online(TradePlatformId platform, @Nullable Integer limit, @Nullable String cursor) {
		Pages.requireLimit(limit);
		var online = connections.call(platform, channel -> AccountsGrpc.newBlockingStub(channel).getOnline(GetOnlineRequest.getDefaultInstance()));
		// A login connected twice is one online account: the contract's entry has nothing that tells the sessions apart.
		var byLogin = new LinkedHashMap<Integer, MT4Online>();
		online.getOnlineList().forEach(record -> byLogin.putIfAbsent(record.getLogin(), new MT4Online(record.getLogin(), record.getGroup())));
		var page = Pages.of(List.copyOf(byLogin.values()), MT4Online::login, limit, cursor);
		return ApiResponse.page(page.items(), page.paging());
	}
}
