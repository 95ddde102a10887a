package io.tradeport.cloud.webapi;

import java.time.OffsetDateTime;
import java.util.List;
import java.time.ZoneOffset;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradingGrpc;
import io.tradeport.gateway.v1.TransactionType;

/** {@code MT4 v2 :: Trades}: the trade transaction (open, close, modify, delete, balance and credit). */
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

	/** The contract's "default value means GTC": .NET's DateTime.MinValue. */
	private static final OffsetDateTime GOOD_TILL_CANCELLED = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

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

	/** The SDK sends {@code application/json-patch+json}, which the JSON converter reads as any {@code *+json}. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/TradeTransaction")
	ApiResponse<MT4TradeTransaction> tradeTransaction(CalledPlatform platform, @RequestBody MT4TradeTransaction body) {
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
		if (body.symbol() != null && body.symbol().length() > 12) {
			throw ApiException.validation("symbol has at most 12 characters");
		}
		var transaction = TradeTransactionRequest.newBuilder()
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
		var reply = connections.call(platform.id(), channel -> TradingGrpc.newBlockingStub(channel)
			.tradeTransaction(transaction));
		var result = new MT4TradeTransaction(body.tradeTransactionType(), body.tradeCommand(), body.tradeRequestFlags(),
				body.expiration() == null ? GOOD_TILL_CANCELLED : body.expiration(), reply.getOrder(), body.orderByOrZero(), body.symbol(), body.volumeOrZero(),
				MT4TradeTransaction.orZero(body.price()), MT4TradeTransaction.orZero(body.sl()), MT4TradeTransaction.orZero(body.tp()),
				body.ieDeviation() == null ? 0 : body.ieDeviation(), body.comment(), body.crc() == null ? 0 : body.crc());
		return ApiResponse.ok(result);
	}

}
