package io.tradeport.cloud.realtime;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.tradeport.gateway.v1.LevelType;
import io.tradeport.gateway.v1.MarginLevel;
import io.tradeport.gateway.v1.MarginType;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.Tick;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TransType;
import io.tradeport.gateway.v1.User;

/**
 * The hubs' payloads with the SDK's property names and types ({@code signalr.d.ts} of {@code @mywebapi.com/sdk}):
 * MT4 numbers where the SDK types a number (command, trade mode, level type), ISO-8601 strings for times.
 */
final class Payloads {

	record ConnectionStatus(boolean connected) {
	}

	record TickPayload(String symbol, double bid, double ask, @Nullable String lastTime) {

		static TickPayload of(Tick tick) {
			return new TickPayload(tick.getSymbol(), tick.getBid(), tick.getAsk(), time(tick.getTime()));
		}
	}

	record MarginCallPayload(int login, @Nullable String group, int leverage, long updated, double balance, double equity,
			double volumeLots, double margin, double free, double level, int controllingType, int levelType) {

		static MarginCallPayload of(MarginLevel level, long eventTime) {
			return new MarginCallPayload(level.getLogin(), level.getGroup(), level.getLeverage(), eventTime / 1000, level.getBalance(),
					level.getEquity(), level.getVolume(), level.getMargin(), level.getMarginFree(), level.getMarginLevel(),
					level.getMarginType() == MarginType.MARGIN_TYPE_CURRENCY ? 1 : 0, level.getLevelTypeValue());
		}
	}

	record TradeUpdatePayload(String kind, int order, int login, String symbol, int cmd, double volumeLots, double openPrice,
			@Nullable String openTime, double sl, double tp, double closePrice, @Nullable String closeTime, double commission,
			double storage, double profit, double taxes, String comment) {

		static TradeUpdatePayload of(TransType trans, Trade trade) {
			return new TradeUpdatePayload(kindOf(trans), trade.getOrder(), trade.getLogin(), trade.getSymbol(), trade.getCmdValue() - 1,
					trade.getVolume() / 100.0, trade.getOpenPrice(), time(trade.getOpenTime()), trade.getSl(), trade.getTp(),
					trade.getClosePrice(), time(trade.getCloseTime()), trade.getCommission(), trade.getStorage(), trade.getProfit(), 0,
					trade.getComment());
		}
	}

	record UserUpdatePayload(String kind, int login, String group, String name, String country, int leverage, double balance,
			double credit, boolean enabled, boolean readOnly, @Nullable String regDate, @Nullable String lastDate, String email,
			String phone, String comment) {

		static UserUpdatePayload of(TransType trans, User user) {
			return new UserUpdatePayload(kindOf(trans), user.getLogin(), user.getGroup(), user.getName(), user.getCountry(),
					user.getLeverage(), user.getBalance(), user.getCredit(), user.getEnable(), user.getEnableReadOnly(),
					time(user.getRegistrationTime()), time(user.getLastTime()), user.getEmail(), user.getPhone(), user.getComment());
		}
	}

	record SymbolUpdatePayload(String kind, String symbol, String description, String currency, int digits, int tradeMode, int spread,
			int stopsLevel, int freezeLevel, double contractSize, double tickValue, double tickSize, double marginInitial,
			double marginMaintenance) {

		static SymbolUpdatePayload of(TransType trans, Symbol symbol) {
			return new SymbolUpdatePayload(kindOf(trans), symbol.getName(), symbol.getDescription(), symbol.getProfitCurrency(),
					symbol.getDigits(), symbol.getTradeModeValue(), symbol.getSpread(), symbol.getStopsLevel(), symbol.getFreezeLevel(),
					symbol.getContractSize(), symbol.getTickValue(), symbol.getTickSize(), symbol.getMarginInitial(),
					symbol.getMarginMaintenance());
		}
	}

	/**
	 * MT5's margin-call event: {@code type} is {@code MarginCall} or {@code StopOut}, {@code direction} {@code Enter}
	 * when the account reaches that level and {@code Leave} when it is back above it.
	 */
	record Mt5MarginCallPayload(int login, String type, String direction) {
	}

	private Payloads() {
	}

	static String levelName(LevelType type) {
		return type == LevelType.LEVEL_STOP_OUT ? "StopOut" : "MarginCall";
	}

	private static String kindOf(TransType trans) {
		return switch (trans) {
			case TRANS_DELETE -> "Deleted";
			case TRANS_UPDATE -> "Updated";
			default -> "Added";
		};
	}

	private static @Nullable String time(long epochMillis) {
		return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis).toString();
	}
}
