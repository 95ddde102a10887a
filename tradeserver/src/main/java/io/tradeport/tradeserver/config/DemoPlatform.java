package io.tradeport.tradeserver.config;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;

import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.GroupConfig.CommissionType;
import io.tradeport.tradeserver.engine.GroupConfig.MarginType;
import io.tradeport.tradeserver.engine.GroupConfig.Security;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.SymbolConfig.MarginMode;
import io.tradeport.tradeserver.engine.SymbolConfig.ProfitMode;
import io.tradeport.tradeserver.engine.SymbolConfig.SwapType;
import io.tradeport.tradeserver.engine.TradeSessions;
import io.tradeport.tradeserver.engine.TradeSessions.Window;

/**
 * The demo platform a fresh server starts with: groups, symbols, a few client accounts, opening
 * quotes and the demo managers. Settings are those of a typical retail MT4 broker.
 */
public final class DemoPlatform {

	/** Security types (ConSymbolGroup positions). */
	public static final int FOREX = 0;
	public static final int METALS = 1;
	public static final int INDICES = 2;

	public static final int ADMIN_LOGIN = 1;
	public static final String DEFAULT_ADMIN_PASSWORD = "Manager1";
	public static final int DEALER_LOGIN = 2;
	public static final String DEALER_PASSWORD = "Dealer1";
	public static final String CLIENT_PASSWORD = "Demo1234";
	public static final String CLIENT_INVESTOR_PASSWORD = "Invest123";

	public record Symbol(SymbolConfig config, String description, double bid, double ask) {
	}

	public record Client(int login, String name, String email, String group, double deposit) {
	}

	private DemoPlatform() {
	}

	public static List<String> symbolGroups() {
		return List.of("Forex", "Metals", "Indices");
	}

	public static List<GroupConfig> groups() {
		Security forex = Security.DEFAULT.withLots(1, 10_000, 1);
		Security metals = Security.DEFAULT.withLots(1, 5_000, 1);
		Security indices = Security.DEFAULT.withLots(10, 5_000, 10);
		return List.of(
				GroupConfig.builder("demoforex", "USD").defaultLeverage(100)
					.levels(MarginType.PERCENT, 100, 50)
					.security(FOREX, forex).security(METALS, metals).security(INDICES, indices)
					.build(),
				GroupConfig.builder("demoforex-eur", "EUR").defaultLeverage(200)
					.levels(MarginType.PERCENT, 80, 30)
					.security(FOREX, forex).security(METALS, metals).security(INDICES, indices)
					.build(),
				// Raw spreads with a commission of 7 USD per round lot, charged at open.
				GroupConfig.builder("demopro", "USD").defaultLeverage(500)
					.levels(MarginType.PERCENT, 100, 50)
					.security(FOREX, forex.withCommission(7, CommissionType.MONEY, true))
					.security(METALS, metals.withCommission(7, CommissionType.MONEY, true))
					.security(INDICES, indices)
					.build());
	}

	public static List<Symbol> symbols() {
		// Forex and metals trade around the clock on weekdays; the index has a daily break.
		TradeSessions fx = TradeSessions.weekdays(new Window(0, 24 * 60));
		TradeSessions index = TradeSessions.weekdays(Window.of(1, 0, 23, 15));
		return List.of(
				new Symbol(SymbolConfig.forex("EURUSD", 5).type(FOREX).stopsLevel(10).sessions(fx)
					.swap(SwapType.POINTS, -7.2, 2.1).tripleSwapDay(DayOfWeek.WEDNESDAY).build(),
						"Euro vs US Dollar", 1.15820, 1.15834),
				new Symbol(SymbolConfig.forex("GBPUSD", 5).type(FOREX).stopsLevel(10).sessions(fx)
					.swap(SwapType.POINTS, -4.9, -0.8).build(),
						"Great Britain Pound vs US Dollar", 1.31150, 1.31168),
				new Symbol(SymbolConfig.forex("USDJPY", 3).type(FOREX).stopsLevel(10).sessions(fx)
					.swap(SwapType.POINTS, 12.6, -27.4).build(),
						"US Dollar vs Japanese Yen", 156.410, 156.424),
				new Symbol(SymbolConfig.forex("EURJPY", 3).type(FOREX).stopsLevel(15).sessions(fx)
					.swap(SwapType.POINTS, 6.1, -19.5).build(),
						"Euro vs Japanese Yen", 181.150, 181.172),
				// Gold: 100 troy ounces per lot, margin by leverage in USD.
				new Symbol(SymbolConfig.builder("XAUUSD").type(METALS).digits(2).contractSize(100)
					.profitMode(ProfitMode.CFD).marginMode(MarginMode.CFD_LEVERAGE).currencies("USD", "USD")
					.stopsLevel(50).sessions(fx).swap(SwapType.POINTS, -35.0, 12.0).build(),
						"Gold vs US Dollar", 4050.25, 4050.55),
				// Dow Jones index CFD: 1 USD per point per lot, margin by leverage.
				new Symbol(SymbolConfig.builder("US30").type(INDICES).digits(1).contractSize(1)
					.profitMode(ProfitMode.CFD).marginMode(MarginMode.CFD_LEVERAGE).currencies("USD", "USD")
					.stopsLevel(50).sessions(index).swapEnabled(false).build(),
						"Dow Jones Industrial Average CFD", 46210.0, 46212.5));
	}

	public static List<Client> clients() {
		return List.of(
				new Client(1001, "Demo Trader", "trader@example.com", "demoforex", 10_000),
				new Client(1002, "Anna Schmidt", "anna@example.com", "demoforex-eur", 5_000),
				new Client(1003, "Pro Trader", "pro@example.com", "demopro", 50_000));
	}

	/** Manager 1: administrator with every right; its password comes from the server settings. */
	public static ManagerAccount administrator(String password) {
		return ServerConfig.administrator(ADMIN_LOGIN, "Administrator", password);
	}

	/** Manager 2: a dealer of the demo groups who can see and trade, but not configure or move money. */
	public static ManagerAccount dealer() {
		return ManagerAccount.create(DEALER_LOGIN, "Dealer", DEALER_PASSWORD, "demo*",
				EnumSet.of(ManagerRight.BROKER, ManagerRight.SEE_TRADES, ManagerRight.TRADES, ManagerRight.ONLINE,
						ManagerRight.MARKET_WATCH, ManagerRight.USER_DETAILS));
	}

	/** Next login handed out for new accounts (ConCommon.lastlogin). */
	public static int firstFreeLogin() {
		return 1004;
	}
}
