package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformRefused;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.HistoryRequest;
import io.tradeport.gateway.v1.ModifyTradeRecordRequest;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeList;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradesFilter;
import io.tradeport.gateway.v1.TradingGrpc;
import io.tradeport.gateway.v1.TransactionType;

/** {@code MT4 v2 :: Trades} asked of the server: trade records open and closed, and the administrator's edits. */
@RestController
class TradeRecordsController {

	/** The contract's MT4TradeUpdate: every field optional; absent ones keep the record's value. */
	record MT4TradeUpdate(@Nullable Integer order, @Nullable Double sl, @Nullable Double tp, @Nullable Integer magic,
			@Nullable String comment, @Nullable Double commission, @Nullable Double commissionAgent, @Nullable Double storage,
			@Nullable Double profit, @Nullable Double taxes) {
	}

	/** MT4's TradeRecord.comment is char[32]. */
	static final int MAX_COMMENT = 31;

	private final PlatformConnections connections;

	TradeRecordsController(PlatformConnections connections) {
		this.connections = connections;
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/TradeRecordRequest/{order}")
	ApiResponse<Mt4Trade> tradeRecordRequest(CalledPlatform platform, @PathVariable int order) {
		TradesController.requireTicket(order);
		return ApiResponse.ok(Mt4Trade.of(trade(platform, order)));
	}

	/** Open records in one call, closed ones by ticket; tickets the server does not have are left out. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TradeRecordsRequest")
	ApiResponse<List<Mt4Trade>> tradeRecordsRequest(CalledPlatform platform, @RequestParam(required = false) @Nullable List<Integer> orders) {
		var tickets = tickets(orders);
		var found = new ArrayList<>(openTrades(platform, tickets).values());
		for (var ticket : tickets) {
			if (found.stream().noneMatch(trade -> trade.getOrder() == ticket)) {
				try {
					found.add(trade(platform, ticket));
				}
				catch (ApiException missing) {
					if (missing.code() != ApiResponse.Code.NotFound) {
						throw missing;
					}
				}
			}
		}
		return ApiResponse.ok(TradesController.sorted(found.stream()));
	}

	/** Open trades on the server, paged there by ticket. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TradesRequest")
	ApiResponse<List<Mt4Trade>> tradesRequest(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable String group) {
		if (group != null) {
			requireGroup(platform, group);
		}
		var mask = group == null ? "" : group;
		var page = Pages.<Trade>ofServer(limit, cursor, Trade::getOrder, (size, after) -> slice(connections.call(platform.id(),
				channel -> TradingGrpc.newBlockingStub(channel)
					.getOpenTrades(TradesFilter.newBuilder().setGroupMask(mask).setLimit(size).setAfterOrder(after).build()))));
		return ApiResponse.page(page.items().stream().map(Mt4Trade::of).toList(), page.paging());
	}

	/** The group's open trades, and with {@code openOnly=false} its closed ones (the history the manager may see). */
	@GetMapping("/api/v2/MT4/{tradePlatform}/AdmTradesRequest/{group}")
	ApiResponse<List<Mt4Trade>> admTradesRequest(CalledPlatform platform, @PathVariable String group,
			@RequestParam(defaultValue = "true") boolean openOnly) {
		requireGroup(platform, group);
		var trades = new ArrayList<>(everyPage((size, after) -> slice(connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
			.getOpenTrades(TradesFilter.newBuilder().setGroupMask(group).setLimit(size).setAfterOrder(after).build())))));
		if (!openOnly) {
			trades.addAll(everyPage((size, after) -> slice(connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
				.getHistory(HistoryRequest.newBuilder().setGroupMask(group).setLimit(size).setAfterOrder(after).build())))));
		}
		return ApiResponse.ok(TradesController.sorted(trades.stream()));
	}

	/**
	 * MT4's direct edit of a record, without the trade rules. The gateway keeps no agent commission and no taxes per
	 * trade (they read 0), so only 0 is accepted for them. An open position's profit follows the market and is
	 * recomputed from prices, as MT4 does after such an edit, so it is written for closed records only.
	 */
	@PostMapping("/api/v2/MT4/{tradePlatform}/AdmTradeRecordModify/{ticket}")
	ApiResponse<Mt4Trade> admTradeRecordModify(CalledPlatform platform, @PathVariable int ticket, @RequestBody MT4TradeUpdate body) {
		TradesController.requireTicket(ticket);
		if (nonZero(body.commissionAgent()) || nonZero(body.taxes())) {
			throw ApiException.validation("commissionAgent and taxes are not kept per trade by this server; send 0 or leave them out");
		}
		if (negative(body.sl()) || negative(body.tp())) {
			throw ApiException.validation("sl and tp must not be negative (0 removes the level)");
		}
		if (body.comment() != null && body.comment().length() > MAX_COMMENT) {
			throw ApiException.validation("comment has at most " + MAX_COMMENT + " characters");
		}
		var current = trade(platform, ticket);
		var change = ModifyTradeRecordRequest.newBuilder().setOrder(ticket);
		if (body.sl() != null) {
			change.setSl(body.sl());
		}
		if (body.tp() != null) {
			change.setTp(body.tp());
		}
		if (body.magic() != null) {
			change.setMagic(body.magic());
		}
		if (body.comment() != null) {
			change.setComment(body.comment());
		}
		if (body.commission() != null) {
			change.setCommission(body.commission());
		}
		if (body.storage() != null) {
			change.setStorage(body.storage());
		}
		if (body.profit() != null && !current.getOpen()) {
			change.setProfit(body.profit());
		}
		var changed = connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel).modifyTradeRecord(change.build()));
		return ApiResponse.ok(Mt4Trade.of(changed));
	}

	/**
	 * Removes open orders without closing them (pending orders, and positions where the server supports it). Every
	 * ticket is checked first, so a missing one changes nothing; positions go first, so that a server refusing to
	 * delete positions refuses before any order is gone. The gateway deletes one order per call: a refusal after
	 * some deletions names the tickets already deleted. Closed records stay in the history.
	 */
	@PostMapping("/api/v2/MT4/{tradePlatform}/AdmTradesDelete")
	ApiResponse<Boolean> admTradesDelete(CalledPlatform platform, @RequestParam(required = false) @Nullable List<Integer> orders) {
		var tickets = tickets(orders);
		var open = openTrades(platform, tickets);
		var missing = tickets.stream().filter(ticket -> !open.containsKey(ticket)).toList();
		if (!missing.isEmpty()) {
			throw TradesController.notFound("No open order " + missing + "; nothing deleted (closed records cannot be deleted)");
		}
		var positionsFirst = open.values().stream()
			.sorted(Comparator.comparing((Trade trade) -> !isPosition(trade)).thenComparingInt(Trade::getOrder))
			.toList();
		var deleted = new ArrayList<Integer>();
		for (var trade : positionsFirst) {
			var delete = TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_DELETE).setOrder(trade.getOrder()).build();
			try {
				connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel).tradeTransaction(delete));
			}
			catch (PlatformRefused refused) {
				if (deleted.isEmpty()) {
					throw refused;
				}
				throw new ApiException(ApiResponse.Code.MT4Error, HttpStatus.BAD_REQUEST, "Order #" + trade.getOrder() + " refused: "
						+ refused.getMessage() + "; already deleted: " + deleted, ResultCodes.of(refused.returnName(), refused.returnCode()));
			}
			deleted.add(trade.getOrder());
		}
		return ApiResponse.ok(true);
	}

	/** Every page of a list the gateway pages, for operations the contract does not page. */
	static List<Trade> everyPage(Pages.PagedCall<Trade> call) {
		var all = new ArrayList<Trade>();
		var after = 0;
		Pages.Slice<Trade> slice;
		do {
			slice = call.fetch(Pages.MAX_LIMIT, after);
			all.addAll(slice.items());
			after = slice.items().stream().mapToInt(Trade::getOrder).max().orElse(after);
		}
		while (slice.hasMore() && !slice.items().isEmpty());
		return all;
	}

	static Pages.Slice<Trade> slice(TradeList list) {
		return new Pages.Slice<>(list.getTradesList(), list.getHasMore());
	}

	/** A batch of tickets: 1 to 5000 positive ones, each once. */
	static List<Integer> tickets(@Nullable List<Integer> orders) {
		if (orders == null || orders.isEmpty() || orders.size() > Pages.MAX_LIMIT) {
			throw ApiException.validation("orders needs 1 to " + Pages.MAX_LIMIT + " tickets (repeat the parameter: ?orders=1&orders=2)");
		}
		if (orders.stream().anyMatch(ticket -> ticket == null || ticket <= 0)) {
			throw ApiException.validation("every ticket must be a positive number");
		}
		return List.copyOf(new LinkedHashSet<>(orders));
	}

	private Trade trade(CalledPlatform platform, int ticket) {
		return GatewayRefusals.orNotFound(() -> connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
			.getTrade(TicketRef.newBuilder().setOrder(ticket).build())));
	}

	private Map<Integer, Trade> openTrades(CalledPlatform platform, List<Integer> tickets) {
		var list = connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
			.getOpenTrades(TradesFilter.newBuilder().addAllOrders(tickets).build()));
		return list.getTradesList().stream().collect(Collectors.toMap(Trade::getOrder, Function.identity(), (first, second) -> first));
	}

	/** An exact group name the server knows (the gateway's filters take masks, which match case-insensitively). */
	private void requireGroup(CalledPlatform platform, String group) {
		TradesController.requireGroupName(group);
		GatewayRefusals.orNotFound(() -> connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.request(ConfigRequest.newBuilder().setSection(ConfigSection.GROUPS).setKey(group).build())));
	}

	private static boolean isPosition(Trade trade) {
		return trade.getCmd() == TradeCommand.BUY || trade.getCmd() == TradeCommand.SELL;
	}

	private static boolean nonZero(@Nullable Double value) {
		return value != null && value != 0;
	}

	private static boolean negative(@Nullable Double value) {
		return value != null && !(value >= 0);
	}
}
