package io.tradeport.cloud.webapi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.cloud.platforms.PlatformRefused;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradingGrpc;
import io.tradeport.gateway.v1.TransactionType;

/**
 * {@code MT4 v2 :: Trades}: open trades from the pumping cache ({@code *Get}) and the trade transaction with its
 * checks (open, close, modify, delete, balance and credit); the server's reads are in {@link TradeRecordsController}.
 */
@RestController
class TradesController {

	/** The v2 DTO, in and out ("enum fields are exposed as plain strings"). */
	record MT4TradeTransaction(@Nullable String tradeTransactionType, @Nullable String tradeCommand,
			@Nullable String tradeRequestFlags, @Nullable OffsetDateTime expiration, @Nullable Integer order,
			@Nullable Integer orderBy, @Nullable String symbol, @Nullable Integer volume, @Nullable Double price,
			@Nullable Double sl, @Nullable Double tp, @Nullable Integer ieDeviation, @Nullable String comment,
			@Nullable Integer crc) {

		int orderOrZero() {
			return order == null ? 0 : order;
		}

		int orderByOrZero() {
			return orderBy == null ? 0 : orderBy;
		}

		int volumeOrZero() {
			return volume == null ? 0 : volume;
		}

		static double orZero(@Nullable Double value) {
			return value == null ? 0 : value;
		}
	}

	/** The contract names the operations, not MT4's TT_* numbers; this is the mapping onto the gateway. */
	private static final Map<String, TransactionType> TYPES = Map.ofEntries(
			Map.entry("OpenMarket", TransactionType.TT_ORDER_IE_OPEN),
			Map.entry("OpenPending", TransactionType.TT_ORDER_PENDING_OPEN),
			Map.entry("CloseMarket", TransactionType.TT_ORDER_IE_CLOSE),
			Map.entry("ModifyTrade", TransactionType.TT_ORDER_MODIFY),
			Map.entry("ModifyPending", TransactionType.TT_ORDER_MODIFY),
			Map.entry("DeletePending", TransactionType.TT_ORDER_DELETE),
			Map.entry("CloseBy", TransactionType.TT_ORDER_CLOSE_BY),
			Map.entry("CloseAll", TransactionType.TT_ORDER_CLOSE_ALL),
			Map.entry("ActivatePending", TransactionType.TT_BR_ORDER_ACTIVATE),
			Map.entry("BalanceAdd", TransactionType.TT_BR_BALANCE),
			Map.entry("CreditAdd", TransactionType.TT_BR_BALANCE));

	private static final Map<String, TradeCommand> COMMANDS = Map.of("Buy", TradeCommand.BUY, "Sell", TradeCommand.SELL,
			"BuyLimit", TradeCommand.BUY_LIMIT, "SellLimit", TradeCommand.SELL_LIMIT, "BuyStop", TradeCommand.BUY_STOP,
			"SellStop", TradeCommand.SELL_STOP, "Balance", TradeCommand.BALANCE, "Credit", TradeCommand.CREDIT);

	/** Commands of market and pending orders, what the level checks apply to. */
	private static final Set<TradeCommand> TRADE_COMMANDS = EnumSet.range(TradeCommand.BUY, TradeCommand.SELL_STOP);

	/** The contract's "default value means GTC": .NET's DateTime.MinValue. */
	private static final OffsetDateTime GOOD_TILL_CANCELLED = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	static final int MAX_SYMBOL = 12;
	static final int MAX_GROUP = 16;
	private static final int BAD_STOPS = 130;
	private static final int MODIFY_DENIED = 145;

	private final PlatformConnections connections;
	private final PlatformPumps pumps;

	TradesController(PlatformConnections connections, PlatformPumps pumps) {
		this.connections = connections;
		this.pumps = pumps;
	}

	/** Open trades from the platform's pumping cache, by ticket, in pages. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TradesGet")
	ApiResponse<List<Mt4Trade>> tradesGet(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		var page = Pages.of(pumps.cache(platform.id()).openTrades().stream().toList(), trade -> trade.getOrder(), limit, cursor);
		return ApiResponse.page(page.items().stream().map(Mt4Trade::of).toList(), page.paging());
	}

	/** One open trade from the pumping cache. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TradesGet/{ticket}")
	ApiResponse<Mt4Trade> tradesGetByTicket(CalledPlatform platform, @PathVariable int ticket) {
		requireTicket(ticket);
		return ApiResponse.ok(Mt4Trade.of(cachedOpenTrade(platform, ticket)));
	}

	/** The cache holds open trades only: a closed ticket is not found here, but by {@code TradeRecordRequest}. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TradeRecordGet/{order}")
	ApiResponse<Mt4Trade> tradeRecordGet(CalledPlatform platform, @PathVariable int order) {
		requireTicket(order);
		return ApiResponse.ok(Mt4Trade.of(cachedOpenTrade(platform, order)));
	}

	/** The group must be the account's own, as the wrapper looks trades up by group and login. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TradesGetByLogin/{login}/{group}")
	ApiResponse<List<Mt4Trade>> tradesGetByLogin(CalledPlatform platform, @PathVariable int login, @PathVariable String group) {
		Mt4UsersController.requirePositive(login);
		requireGroupName(group);
		var cache = pumps.cache(platform.id());
		cache.user(login).filter(user -> user.getGroup().equals(group))
			.orElseThrow(() -> notFound("No account " + login + " in group " + group));
		return ApiResponse.ok(sorted(cache.openTrades().stream().filter(trade -> trade.getLogin() == login)));
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/TradesGetBySymbol")
	ApiResponse<List<Mt4Trade>> tradesGetBySymbol(CalledPlatform platform, @RequestParam(required = false) @Nullable String symbol) {
		if (symbol == null || symbol.isBlank() || symbol.length() > MAX_SYMBOL) {
			throw ApiException.validation("symbol is required, at most " + MAX_SYMBOL + " characters");
		}
		var cache = pumps.cache(platform.id());
		if (cache.symbols().stream().noneMatch(known -> known.getName().equals(symbol))) {
			throw notFound("No symbol " + symbol);
		}
		return ApiResponse.ok(sorted(cache.openTrades().stream().filter(trade -> trade.getSymbol().equals(symbol))));
	}

	/** Positions only: pending orders are not market trades. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/TradesGetByMarket")
	ApiResponse<List<Mt4Trade>> tradesGetByMarket(CalledPlatform platform) {
		return ApiResponse.ok(sorted(pumps.cache(platform.id()).openTrades().stream()
			.filter(trade -> trade.getCmd() == TradeCommand.BUY || trade.getCmd() == TradeCommand.SELL)));
	}

	/** The SDK sends {@code application/json-patch+json}, which the JSON converter reads as any {@code *+json}. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/TradeTransaction")
	ApiResponse<MT4TradeTransaction> tradeTransaction(CalledPlatform platform, @RequestBody MT4TradeTransaction body) {
		var transaction = transaction(body);
		var reply = connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
			.tradeTransaction(transaction));
		var result = new MT4TradeTransaction(body.tradeTransactionType(), body.tradeCommand(), body.tradeRequestFlags(),
				body.expiration() == null ? GOOD_TILL_CANCELLED : body.expiration(), reply.getOrder(), body.orderByOrZero(), body.symbol(), body.volumeOrZero(),
				MT4TradeTransaction.orZero(body.price()), MT4TradeTransaction.orZero(body.sl()), MT4TradeTransaction.orZero(body.tp()),
				body.ieDeviation() == null ? 0 : body.ieDeviation(), body.comment(), body.crc() == null ? 0 : body.crc());
		return ApiResponse.ok(result);
	}

	/**
	 * The server's level checks of a transaction without executing it: {@code false} when the stops (130) or the
	 * freeze level (145) refuse it. The server checks against its own current quote, so the {@code price} reference
	 * is only validated; other refusals (unknown order or symbol, no quote) are errors as for the transaction.
	 */
	@PostMapping("/api/v2/MT4/{tradePlatform}/TradeCheckStops")
	ApiResponse<Boolean> tradeCheckStops(CalledPlatform platform, @RequestParam(required = false) @Nullable Double price,
			@RequestBody MT4TradeTransaction body) {
		if (price != null && !(price >= 0 && Double.isFinite(price))) {
			throw ApiException.validation("price must not be negative");
		}
		var transaction = transaction(body);
		if (transaction.getOrder() == 0 && (transaction.getSymbol().isBlank() || !TRADE_COMMANDS.contains(transaction.getCmd()))) {
			throw ApiException.validation("give the order to check, or the symbol and tradeCommand (Buy, Sell, BuyLimit, SellLimit,"
					+ " BuyStop, SellStop) of a new one");
		}
		if (!(transaction.getSl() >= 0) || !(transaction.getTp() >= 0) || !(transaction.getPrice() >= 0)) {
			throw ApiException.validation("price, sl and tp must not be negative");
		}
		try {
			connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel).checkStops(transaction));
			return ApiResponse.ok(true);
		}
		catch (PlatformRefused refused) {
			if (refused.returnCode() == BAD_STOPS || refused.returnCode() == MODIFY_DENIED) {
				return ApiResponse.ok(false);
			}
			throw GatewayRefusals.notFoundOn3(refused);
		}
	}

	/** A committed ticket has nothing to roll back: OK or OK_NONE both answer {@code true}. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/TradeClearRollback/{order}")
	ApiResponse<Boolean> tradeClearRollback(CalledPlatform platform, @PathVariable int order) {
		requireTicket(order);
		var reply = GatewayRefusals.orNotFound(() -> connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
			.clearRollback(TicketRef.newBuilder().setOrder(order).build())));
		return ApiResponse.ok(reply.getRetCode() == 0 || reply.getRetCode() == 1);
	}

	/** The contract's transaction onto the gateway's, checked at the edge. */
	static TradeTransactionRequest transaction(MT4TradeTransaction body) {
		var type = TYPES.get(body.tradeTransactionType() == null ? "" : body.tradeTransactionType());
		if (type == null) {
			throw ApiException.validation("Unknown tradeTransactionType \"" + body.tradeTransactionType() + "\"; one of " + TYPES.keySet());
		}
		var moneyOperation = type == TransactionType.TT_BR_BALANCE;
		var command = moneyOperation ? (body.tradeTransactionType().equals("CreditAdd") ? TradeCommand.CREDIT : TradeCommand.BALANCE)
				: COMMANDS.get(body.tradeCommand() == null ? "" : body.tradeCommand());
		if (command == null && (type == TransactionType.TT_ORDER_IE_OPEN || type == TransactionType.TT_ORDER_PENDING_OPEN)) {
			throw ApiException.validation("Unknown tradeCommand \"" + body.tradeCommand() + "\"; one of " + COMMANDS.keySet());
		}
		if (body.volumeOrZero() < 0 || body.orderOrZero() < 0 || body.orderByOrZero() < 0) {
			throw ApiException.validation("volume, order and orderBy must not be negative");
		}
		if (body.symbol() != null && body.symbol().length() > MAX_SYMBOL) {
			throw ApiException.validation("symbol has at most " + MAX_SYMBOL + " characters");
		}
		return TradeTransactionRequest.newBuilder()
			.setType(type)
			.setCmd(command == null ? TradeCommand.TRADE_COMMAND_UNSPECIFIED : command)
			.setOrder(body.orderOrZero())
			.setOrderBy(body.orderByOrZero())
			.setSymbol(body.symbol() == null ? "" : body.symbol())
			.setVolume(body.volumeOrZero())
			.setPrice(MT4TradeTransaction.orZero(body.price()))
			.setSl(MT4TradeTransaction.orZero(body.sl()))
			.setTp(MT4TradeTransaction.orZero(body.tp()))
			.setIeDeviation(body.ieDeviation() == null ? 0 : body.ieDeviation())
			.setComment(body.comment() == null ? "" : body.comment())
			.setExpiration(body.expiration() == null || body.expiration().getYear() <= 1 ? 0 : body.expiration().toInstant().toEpochMilli())
			.build();
	}

	static void requireTicket(int ticket) {
		if (ticket <= 0) {
			throw ApiException.validation("the ticket must be a positive number");
		}
	}

	/** An exact MT4 group name: up to 16 characters, no mask characters (the gateway would read them as a mask). */
	static void requireGroupName(@Nullable String group) {
		if (group == null || group.isBlank() || group.length() > MAX_GROUP || group.chars().anyMatch(c -> "*?,!".indexOf(c) >= 0)) {
			throw ApiException.validation("group must be a group name of 1 to " + MAX_GROUP + " characters without * ? , !");
		}
	}

	static ApiException notFound(String message) {
		return new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, message, null);
	}

	static List<Mt4Trade> sorted(Stream<Trade> trades) {
		return trades.sorted(Comparator.comparingInt(Trade::getOrder)).map(Mt4Trade::of).toList();
	}

	private Trade cachedOpenTrade(CalledPlatform platform, int ticket) {
		return pumps.cache(platform.id()).openTrade(ticket).orElseThrow(() -> notFound("No open order #" + ticket));
	}

}
