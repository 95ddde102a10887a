package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.grpc.Channel;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.HistoryRequest;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeList;
import io.tradeport.gateway.v1.TradesFilter;
import io.tradeport.gateway.v1.TradingGrpc;

/**
 * {@code MT5 v2 :: Trades}: the gateway's MT4-shaped trades as MT5 sees them. Positions are the open market trades,
 * orders the pending ones, deals the history (closed trades and balance operations). All three are asked live, paged
 * by the server in ticket order: the pumped trades carry their profit as of their last change, while MT5's positions
 * show the current one.
 */
@RestController
class Mt5TradesController {

	/** MT5 counts volume in 1/10,000 lot, and in 1/100,000,000 lot with extended accuracy; MT4 in 1/100 lot. */
	private static final long VOLUME = 100;
	private static final long VOLUME_EXT = 1_000_000;

	/** The account currency's digits: MT4 keeps money in cents. */
	private static final int CURRENCY_DIGITS = 2;

	private static final Map<TradeCommand, String> ORDER_TYPES = Map.of(TradeCommand.BUY_LIMIT, "BuyLimit", TradeCommand.SELL_LIMIT,
			"SellLimit", TradeCommand.BUY_STOP, "BuyStop", TradeCommand.SELL_STOP, "SellStop");

	/**
	 * The contract's MT5Position, from an open market trade: the position id is the MT4 ticket, the expert id its magic
	 * number. MT4 keeps no update time, dealer, reason or activation state of a position (null).
	 */
	record MT5Position(@Nullable Long login, @Nullable String symbol, @AbsentWhenNull @Nullable String action,
			@Nullable Integer digits, @Nullable Integer digitsCurrency, @Nullable Double contractSize, @Nullable Long position,
			@Nullable String externalId, @Nullable Instant timeCreate, @Nullable Instant timeUpdate,
			@Nullable Instant timeCreateMsc, @Nullable Instant timeUpdateMsc, @Nullable Double priceOpen,
			@Nullable Double priceCurrent, @Nullable Double priceSL, @Nullable Double priceTP, @Nullable Long volume,
			@Nullable Long volumeExt, @Nullable Double profit, @Nullable Double storage, @Nullable Double rateProfit,
			@Nullable Double rateMargin, @Nullable Long expertId, @Nullable Long expertPositionId, @Nullable String comment,
			@Nullable Long dealer, @AbsentWhenNull @Nullable String activationMode, @Nullable Instant activationTime,
			@Nullable Double activationPrice, @AbsentWhenNull @Nullable String activationFlags,
			@AbsentWhenNull @Nullable String modificationFlags, @AbsentWhenNull @Nullable String reason) {

		static MT5Position of(Trade t, @Nullable Double contractSize) {
			return new MT5Position((long) t.getLogin(), t.getSymbol(), t.getCmd() == TradeCommand.SELL ? "Sell" : "Buy",
					t.getDigits(), CURRENCY_DIGITS, contractSize, (long) t.getOrder(),
					null, seconds(t.getOpenTime()), null,
					millis(t.getOpenTime()), null, t.getOpenPrice(),
					t.getClosePrice(), t.getSl(), t.getTp(), t.getVolume() * VOLUME,
					t.getVolume() * VOLUME_EXT, t.getProfit(), t.getStorage(), null,
					t.getMarginRate(), (long) t.getMagic(), null, t.getComment(),
					null, null, null,
					null, null,
					null, null);
		}
	}

	/** The contract's MT5Order, from a pending trade: placed, good till cancelled unless it has an expiration. */
	record MT5Order(@Nullable Long order, @Nullable String externalID, @Nullable Long login, @Nullable Long dealer,
			@Nullable Long partyID, @Nullable String symbol, @Nullable Integer digits, @Nullable Integer digitsCurrency,
			@Nullable Double contractSize, @AbsentWhenNull @Nullable String state, @AbsentWhenNull @Nullable String reason,
			@Nullable Instant timeSetup, @Nullable Instant timeExpiration, @Nullable Instant timeDone,
			@AbsentWhenNull @Nullable String type, @AbsentWhenNull @Nullable String typeFill,
			@AbsentWhenNull @Nullable String typeTime, @Nullable Double priceOrder, @Nullable Double priceTrigger,
			@Nullable Double priceCurrent, @Nullable Double priceSL, @Nullable Double priceTP, @Nullable Long volumeInitial,
			@Nullable Long volumeCurrent, @Nullable Long expertID, @Nullable Long positionID, @Nullable String comment,
			@Nullable Integer activationMode, @Nullable Instant activationTime, @Nullable Double activationPrice,
			@AbsentWhenNull @Nullable String activationFlags, @Nullable Instant timeSetupMsc, @Nullable Instant timeDoneMsc,
			@Nullable Double rateMargin, @Nullable Long positionByID, @Nullable Integer modificationFlags,
			@Nullable Long volumeInitialExt, @Nullable Long volumeCurrentExt) {

		static MT5Order of(Trade t, @Nullable Double contractSize) {
			return new MT5Order((long) t.getOrder(), null, (long) t.getLogin(), null,
					null, t.getSymbol(), t.getDigits(), CURRENCY_DIGITS,
					contractSize, "Placed", null,
					seconds(t.getOpenTime()), seconds(t.getExpiration()), null,
					ORDER_TYPES.get(t.getCmd()), null,
					t.getExpiration() == 0 ? "GtC" : "Specified", t.getOpenPrice(), null,
					t.getClosePrice(), t.getSl(), t.getTp(), t.getVolume() * VOLUME,
					t.getVolume() * VOLUME, (long) t.getMagic(), null, t.getComment(),
					null, null, null,
					null, millis(t.getOpenTime()), null,
					t.getMarginRate(), null, null,
					t.getVolume() * VOLUME_EXT, t.getVolume() * VOLUME_EXT);
		}
	}

	/**
	 * The contract's MT5Deal, from a history record, one deal per record with the MT4 ticket as its id: a closed trade
	 * is its closing deal (the opposite side, entry {@code Out}, or {@code OutBy} when closed by an opposite position),
	 * at the close price and time, with the position's open price; a balance or credit operation is a {@code Balance}
	 * or {@code Credit} deal. MT4 books no separate opening deals.
	 */
	record MT5Deal(long deal, @Nullable String externalID, @Nullable Long login, @Nullable Long dealer, @Nullable Long partyID,
			@Nullable Long order, @AbsentWhenNull @Nullable String action, @AbsentWhenNull @Nullable String entry,
			@Nullable Integer digits, @Nullable Integer digitsCurrency, @Nullable Double contractSize, @Nullable Instant time,
			@Nullable String symbol, @Nullable Double price, @Nullable Double priceSL, @Nullable Double priceTP,
			@Nullable Long volume, @Nullable Long volumeExt, @Nullable Long volumeClosed, @Nullable Long volumeClosedExt,
			@Nullable Double profit, @Nullable Double value, @Nullable Double storage, @Nullable Double commission,
			@Nullable Double obsoleteValue, @Nullable Double fee, @Nullable Double rateProfit, @Nullable Double rateMargin,
			@Nullable Long expertID, @Nullable Long positionID, @Nullable String comment, @Nullable Double profitRaw,
			@Nullable Double pricePosition, @Nullable Double tickValue, @Nullable Double tickSize, @Nullable Long flags,
			@Nullable Instant timeMsc, @AbsentWhenNull @Nullable String reason, @Nullable String gateway,
			@Nullable Double priceGateway, @Nullable Double marketBid, @Nullable Double marketAsk, @Nullable Double marketLast,
			@AbsentWhenNull @Nullable String modificationFlags) {

		static MT5Deal of(Trade t, @Nullable Double contractSize) {
			if (isMoney(t)) {
				return new MT5Deal(t.getOrder(), null, (long) t.getLogin(), null, null,
						null, t.getCmd() == TradeCommand.CREDIT ? "Credit" : "Balance", "In",
						null, CURRENCY_DIGITS, null, seconds(t.getCloseTime()),
						null, null, null, null,
						null, null, null, null,
						t.getProfit(), null, null, null,
						null, null, null, null,
						null, null, t.getComment(), null,
						null, null, null, null,
						millis(t.getCloseTime()), null, null,
						null, null, null, null,
						null);
			}
			var entry = t.getComment().startsWith("close hedge by #") ? "OutBy" : "Out";
			return new MT5Deal(t.getOrder(), null, (long) t.getLogin(), null, null,
					(long) t.getOrder(), t.getCmd() == TradeCommand.SELL ? "Buy" : "Sell", entry,
					t.getDigits(), CURRENCY_DIGITS, contractSize, seconds(t.getCloseTime()),
					t.getSymbol(), t.getClosePrice(), t.getSl(), t.getTp(),
					t.getVolume() * VOLUME, t.getVolume() * VOLUME_EXT, t.getVolume() * VOLUME, t.getVolume() * VOLUME_EXT,
					t.getProfit(), null, t.getStorage(), t.getCommission(),
					null, null, t.getConvRateClose(), t.getMarginRate(),
					(long) t.getMagic(), (long) t.getOrder(), t.getComment(), null,
					t.getOpenPrice(), null, null, null,
					millis(t.getCloseTime()), null, null,
					null, null, null, null,
					null);
		}
	}

	/** One page of trades from the server after a ticket. */
	private interface Fetch {
		TradeList page(Channel channel, int afterOrder, int limit);
	}

	private final PlatformConnections connections;
	private final PlatformPumps pumps;

	Mt5TradesController(PlatformConnections connections, PlatformPumps pumps) {
		this.connections = connections;
		this.pumps = pumps;
	}

	@GetMapping("/api/v2/MT5/{tradePlatform}/PositionByGroup/{mask}")
	ApiResponse<List<MT5Position>> positionByGroup(CalledPlatform platform, @PathVariable String mask,
			@RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
		return listed(platform, limit, cursor, openTrades(mask), Mt5TradesController::isMarket, MT5Position::of);
	}

	@GetMapping("/api/v2/MT5/{tradePlatform}/OrderByGroup/{mask}")
	ApiResponse<List<MT5Order>> orderByGroup(CalledPlatform platform, @PathVariable String mask,
			@RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
		return listed(platform, limit, cursor, openTrades(mask), trade -> ORDER_TYPES.containsKey(trade.getCmd()), MT5Order::of);
	}

	/** The whole history (closed trades and balance operations) the manager may see; deleted pending orders made no deal. */
	@GetMapping("/api/v2/MT5/{tradePlatform}/DealByGroup/{mask}")
	ApiResponse<List<MT5Deal>> dealByGroup(CalledPlatform platform, @PathVariable String mask,
			@RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
		var groupMask = requireMask(mask);
		Fetch history = (channel, afterOrder, size) -> TradingGrpc.newBlockingStub(channel)
			.getHistory(HistoryRequest.newBuilder().setGroupMask(groupMask).setLimit(size).setAfterOrder(afterOrder).build());
		return listed(platform, limit, cursor, history, trade -> isMarket(trade) || isMoney(trade), MT5Deal::of);
	}

	private static Fetch openTrades(String mask) {
		var groupMask = requireMask(mask);
		return (channel, afterOrder, size) -> TradingGrpc.newBlockingStub(channel)
			.getOpenTrades(TradesFilter.newBuilder().setGroupMask(groupMask).setLimit(size).setAfterOrder(afterOrder).build());
	}

	/**
	 * Pages of the wanted kind from the server's pages of all kinds: fetched until the page is full or the server has
	 * no more, the cursor being the last ticket returned (as {@link Pages} writes it).
	 */
	private <T> ApiResponse<List<T>> listed(CalledPlatform platform, @Nullable Integer limit, @Nullable String cursor, Fetch fetch,
			Predicate<Trade> wanted, BiFunction<Trade, @Nullable Double, T> dto) {
		Pages.requireLimit(limit);
		var after = Pages.after(cursor);
		if (after > Integer.MAX_VALUE) {
			throw ApiException.validation("cursor is not a cursor this API returned");
		}
		var want = limit == null ? Integer.MAX_VALUE : limit;
		var chunk = Math.min(want, Pages.MAX_LIMIT);
		var kept = new ArrayList<Trade>();
		var afterOrder = (int) Math.max(after, 0);
		var hasMore = false;
		while (true) {
			var from = afterOrder;
			var page = connections.call(platform.id(), channel -> fetch.page(channel, from, chunk));
			var trades = page.getTradesList();
			var next = 0;
			for (; next < trades.size() && kept.size() < want; next++) {
				afterOrder = trades.get(next).getOrder();
				if (wanted.test(trades.get(next))) {
					kept.add(trades.get(next));
				}
			}
			if (kept.size() == want) {
				hasMore = page.getHasMore() || trades.subList(next, trades.size()).stream().anyMatch(wanted);
				break;
			}
			if (!page.getHasMore() || trades.isEmpty()) {
				break;
			}
		}
		var contractSizes = kept.isEmpty() ? Map.<String, Double>of() : pumps.cache(platform.id()).symbols().stream()
			.collect(Collectors.toMap(Symbol::getName, Symbol::getContractSize, (first, second) -> first));
		var items = kept.stream().map(trade -> dto.apply(trade, contractSizes.get(trade.getSymbol()))).toList();
		var paging = new ApiResponse.Paging(hasMore ? Pages.encode(kept.getLast().getOrder()) : null, hasMore);
		return ApiResponse.page(items, paging);
	}

	private static boolean isMarket(Trade trade) {
		return trade.getCmd() == TradeCommand.BUY || trade.getCmd() == TradeCommand.SELL;
	}

	private static boolean isMoney(Trade trade) {
		return trade.getCmd() == TradeCommand.BALANCE || trade.getCmd() == TradeCommand.CREDIT;
	}

	/** An exact group name or a mask of them ({@code demo*,!demopro}), as the server reads it. */
	private static String requireMask(String mask) {
		if (mask.isBlank() || mask.length() > 512) {
			throw ApiException.validation("mask must be a group name or mask of 1 to 512 characters");
		}
		return mask;
	}

	private static @Nullable Instant seconds(long epochMillis) {
		return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS);
	}

	private static @Nullable Instant millis(long epochMillis) {
		return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
	}
}
