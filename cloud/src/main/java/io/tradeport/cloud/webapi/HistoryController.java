package io.tradeport.cloud.webapi;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.HistoryRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.TradingGrpc;

/** {@code MT4 v2 :: History}: an account's closed trades and balance records, asked of the server. */
@RestController
class HistoryController {

	private final PlatformConnections connections;

	HistoryController(PlatformConnections connections) {
		this.connections = connections;
	}

	/** Records whose close time is in the window (UTC; everything without one); an unknown account is NotFound. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TradesUserHistory/{login}")
	ApiResponse<List<Mt4Trade>> tradesUserHistory(CalledPlatform platform, @PathVariable int login,
			@RequestParam(required = false) @Nullable String fromTime, @RequestParam(required = false) @Nullable String toTime) {
		Mt4UsersController.requirePositive(login);
		var from = DateTimes.parse("fromTime", fromTime);
		var to = DateTimes.parse("toTime", toTime);
		var fromMillis = from == null ? 0 : DateTimes.millis("fromTime", from);
		var toMillis = to == null ? 0 : Math.max(1, DateTimes.millis("toTime", to));
		DateTimes.requireOrdered(fromMillis, toMillis);
		var history = TradeRecordsController.everyPage((size, after) -> TradeRecordsController.slice(connections.call(platform.id(),
				channel -> TradingGrpc.newBlockingStub(channel).getHistory(HistoryRequest.newBuilder().setLogin(login).setFrom(fromMillis)
					.setTo(toMillis).setLimit(size).setAfterOrder(after).build()))));
		if (history.isEmpty()) {
			// The server answers an unknown account with an empty history too.
			GatewayRefusals.orNotFound(() -> connections.call(platform.id(), channel -> AccountsGrpc.newBlockingStub(channel)
				.getUser(LoginRef.newBuilder().setLogin(login).build())));
		}
		return ApiResponse.ok(TradesController.sorted(history.stream()));
	}
}
