package io.tradeport.tradeserver.gateway;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.tradeport.gateway.v1.ConManager;
import io.tradeport.gateway.v1.ConPlugin;
import io.tradeport.gateway.v1.DaySessions;
import io.tradeport.gateway.v1.Group;
import io.tradeport.gateway.v1.GroupSecurity;
import io.tradeport.gateway.v1.GroupSymbolMargin;
import io.tradeport.gateway.v1.LevelType;
import io.tradeport.gateway.v1.PluginParam;
import io.tradeport.gateway.v1.SessionWindow;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.Tick;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeState;
import io.tradeport.gateway.v1.User;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.ManagerRight;
import io.tradeport.tradeserver.config.Passwords;
import io.tradeport.tradeserver.config.Plugin;
import io.tradeport.tradeserver.config.UserDetails;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.DailyReport;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.MarginLevel;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeSessions;

/** Mapping between the engine's and configuration's records and the protocol's messages. */
final class Protos {

	private Protos() {
	}

	/** An engine enum from a protocol enum number; unknown numbers are the client's error (INVALID_DATA). */
	private static <E> E pick(E[] values, int number) {
		if (number < 0 || number >= values.length) {
			throw new IllegalArgumentException("unknown enum value " + number);
		}
		return values[number];
	}

	static long millis(@Nullable Instant instant) {
		return instant == null ? 0 : instant.toEpochMilli();
	}

	static @Nullable Instant instant(long millis) {
		return millis == 0 ? null : Instant.ofEpochMilli(millis);
	}

	// ---------------------------------------------------------------- users

	static User user(AccountState account, @Nullable UserDetails details) {
		User.Builder user = User.newBuilder()
			.setLogin(account.login().value())
			.setGroup(account.group())
			.setEnable(account.enabled())
			.setEnableReadOnly(account.readOnly())
			.setLeverage(account.leverage())
			.setBalance(account.balance())
			.setCredit(account.credit())
			.setCurrency(account.currency())
			.setEquity(account.equity())
			.setMargin(account.margin())
			.setFreeMargin(account.freeMargin());
		if (details != null) {
			user.setName(details.name())
				.setEmail(details.email())
				.setPhone(details.phone())
				.setCountry(details.country())
				.setCity(details.city())
				.setState(details.state())
				.setZipCode(details.zipCode())
				.setAddress(details.address())
				.setComment(details.comment())
				.setExternalId(details.externalId())
				.setStatus(details.status())
				.setLeadSource(details.leadSource())
				.setAgentAccount(details.agentAccount())
				.setSendReports(details.sendReports())
				.setEnableChangePassword(details.enableChangePassword())
				.setRegistrationTime(millis(details.registered()))
				.setLastTime(millis(details.lastChange()))
				.setTimestamp(millis(details.lastChange()));
		}
		return user.build();
	}

	/** Personal data of {@code user}, keeping the passwords and registration time of {@code previous}. */
	static UserDetails details(User user, UserDetails previous, Instant now) {
		return new UserDetails(user.getLogin(), user.getName(), user.getEmail(), user.getPhone(), user.getCountry(),
				user.getCity(), user.getState(), user.getZipCode(), user.getAddress(), user.getComment(),
				user.getExternalId(), user.getStatus(), user.getLeadSource(), user.getAgentAccount(), user.getSendReports(),
				user.getEnableChangePassword(), previous.passwordHash(), previous.investorPasswordHash(),
				previous.registered(), now);
	}

	// ---------------------------------------------------------------- trades and money

	static Trade trade(TradeRecord t) {
		return Trade.newBuilder()
			.setOrder(t.ticket().value())
			.setLogin(t.login().value())
			.setSymbol(t.symbol())
			.setDigits(t.digits())
			.setCmd(command(t.cmd()))
			.setVolume(t.volume())
			.setOpenTime(millis(t.openTime()))
			.setOpenPrice(t.openPrice())
			.setSl(t.sl())
			.setTp(t.tp())
			.setCloseTime(millis(t.closeTime()))
			.setExpiration(millis(t.expiration()))
			.setClosePrice(t.closePrice())
			.setConvRateOpen(t.convRateOpen())
			.setConvRateClose(t.convRateClose())
			.setCommission(t.commission())
			.setStorage(t.storage())
			.setProfit(t.profit())
			.setMarginRate(t.marginRate())
			.setComment(t.comment())
			.setMagic(t.magic())
			.setOpen(t.isOpen())
			.setState(state(t))
			.build();
	}

	/** The engine's record of a protocol trade, e.g. one read from an orders backup. */
	static TradeRecord tradeRecord(Trade t) {
		Instant openTime = instant(t.getOpenTime());
		return new TradeRecord(Ticket.of(t.getOrder()), Login.of(t.getLogin()), t.getSymbol(), t.getDigits(),
				command(t.getCmd()), t.getVolume(), openTime == null ? Instant.EPOCH : openTime, t.getOpenPrice(), t.getSl(),
				t.getTp(), instant(t.getCloseTime()), instant(t.getExpiration()), t.getClosePrice(), t.getConvRateOpen(),
				t.getConvRateClose(), t.getCommission(), t.getStorage(), t.getProfit(), t.getMarginRate(), t.getComment(),
				t.getMagic());
	}

	/** The engine marks partial closes in the comments, as MT4 does; the state follows from them. */
	private static TradeState state(TradeRecord t) {
		if (t.isOpen()) {
			return t.comment().startsWith("from #") ? TradeState.TRADE_STATE_OPEN_REMAND : TradeState.TRADE_STATE_OPEN_NORMAL;
		}
		if (t.cmd().isPending()) {
			return TradeState.TRADE_STATE_DELETED;
		}
		return t.comment().startsWith("to #") ? TradeState.TRADE_STATE_CLOSED_PART : TradeState.TRADE_STATE_CLOSED_NORMAL;
	}

	static io.tradeport.gateway.v1.TradeCommand command(TradeCommand cmd) {
		return io.tradeport.gateway.v1.TradeCommand.forNumber(cmd.code() + 1);
	}

	static TradeCommand command(io.tradeport.gateway.v1.TradeCommand cmd) {
		if (cmd == io.tradeport.gateway.v1.TradeCommand.TRADE_COMMAND_UNSPECIFIED || cmd.getNumber() < 1) {
			throw MtException.of(Ret.INVALID_DATA, "cmd is required");
		}
		return TradeCommand.ofCode(cmd.getNumber() - 1);
	}

	static io.tradeport.gateway.v1.MarginLevel margin(MarginLevel m) {
		return io.tradeport.gateway.v1.MarginLevel.newBuilder()
			.setLogin(m.login().value())
			.setGroup(m.group())
			.setLeverage(m.leverage())
			.setBalance(m.balance())
			.setEquity(m.equity())
			.setVolume(m.volume())
			.setMargin(m.margin())
			.setMarginFree(m.freeMargin())
			.setMarginLevel(m.marginLevel())
			.setMarginType(m.marginType() == GroupConfig.MarginType.PERCENT
					? io.tradeport.gateway.v1.MarginType.MARGIN_TYPE_PERCENT
					: io.tradeport.gateway.v1.MarginType.MARGIN_TYPE_CURRENCY)
			.setLevelType(LevelType.forNumber(m.levelType().ordinal()))
			.build();
	}

	static io.tradeport.gateway.v1.DailyReport daily(DailyReport d) {
		return io.tradeport.gateway.v1.DailyReport.newBuilder()
			.setLogin(d.login().value())
			.setTime(millis(d.time()))
			.setTradingDay(d.tradingDay().toString())
			.setGroup(d.group())
			.setBalancePrev(d.balancePrev())
			.setBalance(d.balance())
			.setDeposit(d.deposit())
			.setCredit(d.credit())
			.setProfitClosed(d.profitClosed())
			.setProfit(d.profit())
			.setEquity(d.equity())
			.setMargin(d.margin())
			.setMarginFree(d.marginFree())
			.build();
	}

	static Tick tick(Quote q) {
		return Tick.newBuilder().setSymbol(q.symbol()).setTime(millis(q.time())).setBid(q.bid()).setAsk(q.ask()).build();
	}

	// ---------------------------------------------------------------- groups

	static Group group(GroupConfig g) {
		Group.Builder group = Group.newBuilder()
			.setName(g.name())
			.setEnable(true)
			.setCurrency(g.currency())
			.setDefaultLeverage(g.defaultLeverage())
			.setMarginCall(g.marginCall())
			.setMarginStopout(g.marginStopout())
			.setMarginType(io.tradeport.gateway.v1.MarginType.forNumber(g.marginType().ordinal()))
			.setFreeMarginMode(io.tradeport.gateway.v1.FreeMarginMode.forNumber(g.freeMarginMode().ordinal()))
			.setUseSwap(g.useSwap())
			.setHedgeProhibited(g.hedgeProhibited())
			.setCloseFifo(g.closeFifo())
			.setHedgeLargeLeg(g.hedgeLargeLeg())
			.setStopoutSkipHedged(g.stopoutSkipHedged())
			.setExpirationAllowed(g.expirationAllowed())
			.setMaxPositions(g.maxPositions())
			.setDefaultSecurity(security(-1, g.defaultSecurity()));
		g.securities().entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(e -> group.addSecurities(security(e.getKey(), e.getValue())));
		g.symbolMargins().entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(e -> group.addSymbolMargins(GroupSymbolMargin.newBuilder().setSymbol(e.getKey())
				.setSwapLong(e.getValue().swapLong()).setSwapShort(e.getValue().swapShort())
				.setMarginDivider(e.getValue().marginDivider())));
		return group.build();
	}

	private static GroupSecurity security(int type, GroupConfig.Security s) {
		return GroupSecurity.newBuilder()
			.setType(Math.max(type, 0))
			.setShow(true)
			.setTrade(s.trade())
			.setLotMin(s.lotMin())
			.setLotMax(s.lotMax())
			.setLotStep(s.lotStep())
			.setCommission(s.commission())
			.setCommissionType(io.tradeport.gateway.v1.CommissionType.forNumber(s.commissionType().ordinal()))
			.setCommissionPerLot(s.commissionPerLot())
			.build();
	}

	/** The engine's group; throws IllegalArgumentException (INVALID_DATA) for impossible values. */
	static GroupConfig groupConfig(Group g) {
		if (g.getName().isBlank() || g.getCurrency().length() != 3) {
			throw new IllegalArgumentException("a group needs a name and a 3-letter currency");
		}
		GroupConfig.Builder builder = GroupConfig.builder(g.getName(), g.getCurrency())
			.defaultLeverage(g.getDefaultLeverage())
			.levels(pick(GroupConfig.MarginType.values(), g.getMarginTypeValue()), g.getMarginCall(), g.getMarginStopout())
			.freeMarginMode(pick(GroupConfig.FreeMarginMode.values(), g.getFreeMarginModeValue()))
			.useSwap(g.getUseSwap())
			.hedgeProhibited(g.getHedgeProhibited())
			.closeFifo(g.getCloseFifo())
			.hedgeLargeLeg(g.getHedgeLargeLeg())
			.stopoutSkipHedged(g.getStopoutSkipHedged())
			.expirationAllowed(g.getExpirationAllowed())
			.maxPositions(g.getMaxPositions());
		if (g.hasDefaultSecurity()) {
			builder.defaultSecurity(security(g.getDefaultSecurity()));
		}
		for (GroupSecurity s : g.getSecuritiesList()) {
			builder.security(s.getType(), security(s));
		}
		for (GroupSymbolMargin m : g.getSymbolMarginsList()) {
			builder.symbolMargin(m.getSymbol(), new GroupConfig.SymbolMargin(m.getSwapLong(), m.getSwapShort(), m.getMarginDivider()));
		}
		return builder.build();
	}

	private static GroupConfig.Security security(GroupSecurity s) {
		return new GroupConfig.Security(s.getTrade(), s.getLotMin(), s.getLotMax(), s.getLotStep(), s.getCommission(),
				pick(GroupConfig.CommissionType.values(), s.getCommissionTypeValue()), s.getCommissionPerLot());
	}

	// ---------------------------------------------------------------- symbols

	static Symbol symbol(SymbolConfig s, String description) {
		Symbol.Builder symbol = Symbol.newBuilder()
			.setName(s.name())
			.setDescription(description)
			.setType(s.type())
			.setDigits(s.digits())
			.setPoint(s.point())
			.setContractSize(s.contractSize())
			.setProfitMode(io.tradeport.gateway.v1.ProfitMode.forNumber(s.profitMode().ordinal()))
			.setMarginMode(io.tradeport.gateway.v1.MarginMode.forNumber(s.marginMode().ordinal()))
			.setMarginCurrency(s.marginCurrency())
			.setProfitCurrency(s.profitCurrency())
			.setTickValue(s.tickValue())
			.setTickSize(s.tickSize())
			.setMarginInitial(s.marginInitial())
			.setMarginMaintenance(s.marginMaintenance())
			.setMarginHedged(s.marginHedged())
			.setMarginDivider(s.marginDivider())
			.setSpread(s.spread())
			.setStopsLevel(s.stopsLevel())
			.setFreezeLevel(s.freezeLevel())
			.setTradeMode(io.tradeport.gateway.v1.SymbolTradeMode.forNumber(s.tradeMode().ordinal()))
			.setLongOnly(s.longOnly())
			.setSwapEnable(s.swapEnabled())
			.setSwapType(io.tradeport.gateway.v1.SwapType.forNumber(s.swapType().ordinal()))
			.setSwapLong(s.swapLong())
			.setSwapShort(s.swapShort())
			.setSwapRollover3Days(s.tripleSwapDay().getValue())
			.setSwapOpenPrice(s.swapOpenPrice())
			.setExecutionMode(io.tradeport.gateway.v1.ExecutionMode.forNumber(s.execution().ordinal() + 1));
		for (DayOfWeek day : DayOfWeek.values()) {
			List<TradeSessions.Window> windows = s.sessions().days().get(day);
			DaySessions.Builder sessions = DaySessions.newBuilder().setDayOfWeek(day.getValue());
			if (windows != null) {
				windows.forEach(w -> sessions.addTrade(SessionWindow.newBuilder().setFromMinute(w.fromMinute()).setToMinute(w.toMinute())));
			}
			symbol.addSessions(sessions);
		}
		return symbol.build();
	}

	/**
	 * The engine's symbol. A symbol without any sessions listed trades around the clock (MT4's
	 * default for a new symbol); list days with no windows to close them.
	 */
	static SymbolConfig symbolConfig(Symbol s) {
		if (s.getName().isBlank()) {
			throw new IllegalArgumentException("a symbol needs a name");
		}
		TradeSessions sessions = TradeSessions.ALWAYS;
		if (s.getSessionsCount() > 0) {
			Map<DayOfWeek, List<TradeSessions.Window>> days = new EnumMap<>(DayOfWeek.class);
			for (DaySessions day : s.getSessionsList()) {
				List<TradeSessions.Window> windows = new ArrayList<>();
				day.getTradeList().forEach(w -> windows.add(new TradeSessions.Window(w.getFromMinute(), w.getToMinute())));
				days.put(DayOfWeek.of(day.getDayOfWeek()), windows);
			}
			sessions = new TradeSessions(days);
		}
		return SymbolConfig.builder(s.getName())
			.type(s.getType())
			.digits(s.getDigits())
			.contractSize(s.getContractSize())
			.profitMode(pick(SymbolConfig.ProfitMode.values(), s.getProfitModeValue()))
			.marginMode(pick(SymbolConfig.MarginMode.values(), s.getMarginModeValue()))
			.currencies(s.getMarginCurrency(), s.getProfitCurrency())
			.tick(s.getTickValue(), s.getTickSize())
			.marginInitial(s.getMarginInitial())
			.marginMaintenance(s.getMarginMaintenance())
			.marginHedged(s.getMarginHedged())
			.marginDivider(s.getMarginDivider() == 0 ? 1 : s.getMarginDivider())
			.spread(s.getSpread())
			.stopsLevel(s.getStopsLevel())
			.freezeLevel(s.getFreezeLevel())
			.tradeMode(pick(SymbolConfig.TradeMode.values(), s.getTradeModeValue()))
			.longOnly(s.getLongOnly())
			.swapEnabled(s.getSwapEnable())
			.swap(pick(SymbolConfig.SwapType.values(), s.getSwapTypeValue()), s.getSwapLong(), s.getSwapShort())
			.tripleSwapDay(s.getSwapRollover3Days() == 0 ? DayOfWeek.WEDNESDAY : DayOfWeek.of(s.getSwapRollover3Days()))
			.swapOpenPrice(s.getSwapOpenPrice())
			.sessions(sessions)
			.execution(execution(s.getExecutionModeValue()))
			.build();
	}

	/** Unset (a client older than protocol 1.2) is instant execution, what every symbol was before. */
	private static SymbolConfig.Execution execution(int mode) {
		return mode == 0 ? SymbolConfig.Execution.INSTANT : pick(SymbolConfig.Execution.values(), mode - 1);
	}

	// ---------------------------------------------------------------- managers and plugins

	private static final Map<ManagerRight, java.util.function.Function<ConManager, Boolean>> RIGHT_GETTERS = new HashMap<>();

	static {
		RIGHT_GETTERS.put(ManagerRight.MANAGER, ConManager::getManager);
		RIGHT_GETTERS.put(ManagerRight.MONEY, ConManager::getMoney);
		RIGHT_GETTERS.put(ManagerRight.ONLINE, ConManager::getOnline);
		RIGHT_GETTERS.put(ManagerRight.RISK_MAN, ConManager::getRiskMan);
		RIGHT_GETTERS.put(ManagerRight.BROKER, ConManager::getBroker);
		RIGHT_GETTERS.put(ManagerRight.ADMIN, ConManager::getAdmin);
		RIGHT_GETTERS.put(ManagerRight.LOGS, ConManager::getLogs);
		RIGHT_GETTERS.put(ManagerRight.REPORTS, ConManager::getReports);
		RIGHT_GETTERS.put(ManagerRight.TRADES, ConManager::getTrades);
		RIGHT_GETTERS.put(ManagerRight.MARKET_WATCH, ConManager::getMarketWatch);
		RIGHT_GETTERS.put(ManagerRight.EMAIL, ConManager::getEmail);
		RIGHT_GETTERS.put(ManagerRight.USER_DETAILS, ConManager::getUserDetails);
		RIGHT_GETTERS.put(ManagerRight.SEE_TRADES, ConManager::getSeeTrades);
		RIGHT_GETTERS.put(ManagerRight.NEWS, ConManager::getNews);
		RIGHT_GETTERS.put(ManagerRight.PLUGINS, ConManager::getPlugins);
		RIGHT_GETTERS.put(ManagerRight.MARKET, ConManager::getMarket);
		RIGHT_GETTERS.put(ManagerRight.NOTIFICATIONS, ConManager::getNotifications);
		RIGHT_GETTERS.put(ManagerRight.SERVER_REPORTS, ConManager::getServerReports);
		RIGHT_GETTERS.put(ManagerRight.TECH_SUPPORT, ConManager::getTechSupport);
	}

	/** The manager's record; the password is never sent back. */
	static ConManager manager(ManagerAccount m) {
		Set<ManagerRight> r = m.rights();
		return ConManager.newBuilder()
			.setLogin(m.login())
			.setName(m.name())
			.setGroups(m.groups())
			.setMailbox(m.mailbox())
			.setInfoDepth(m.infoDepth())
			.setManager(r.contains(ManagerRight.MANAGER))
			.setMoney(r.contains(ManagerRight.MONEY))
			.setOnline(r.contains(ManagerRight.ONLINE))
			.setRiskMan(r.contains(ManagerRight.RISK_MAN))
			.setBroker(r.contains(ManagerRight.BROKER))
			.setAdmin(r.contains(ManagerRight.ADMIN))
			.setLogs(r.contains(ManagerRight.LOGS))
			.setReports(r.contains(ManagerRight.REPORTS))
			.setTrades(r.contains(ManagerRight.TRADES))
			.setMarketWatch(r.contains(ManagerRight.MARKET_WATCH))
			.setEmail(r.contains(ManagerRight.EMAIL))
			.setUserDetails(r.contains(ManagerRight.USER_DETAILS))
			.setSeeTrades(r.contains(ManagerRight.SEE_TRADES))
			.setNews(r.contains(ManagerRight.NEWS))
			.setPlugins(r.contains(ManagerRight.PLUGINS))
			.setMarket(r.contains(ManagerRight.MARKET))
			.setNotifications(r.contains(ManagerRight.NOTIFICATIONS))
			.setServerReports(r.contains(ManagerRight.SERVER_REPORTS))
			.setTechSupport(r.contains(ManagerRight.TECH_SUPPORT))
			.build();
	}

	/** A new or changed manager: an empty password keeps the previous one; a new manager needs one. */
	static ManagerAccount manager(ConManager m, @Nullable ManagerAccount previous) {
		String hash;
		if (!m.getPassword().isEmpty()) {
			if (!Passwords.isAcceptable(m.getPassword())) {
				throw new IllegalArgumentException("password too short");
			}
			hash = Passwords.hash(m.getPassword());
		}
		else if (previous != null) {
			hash = previous.passwordHash();
		}
		else {
			throw new IllegalArgumentException("a new manager needs a password");
		}
		Set<ManagerRight> rights = EnumSet.noneOf(ManagerRight.class);
		RIGHT_GETTERS.forEach((right, getter) -> {
			if (getter.apply(m)) {
				rights.add(right);
			}
		});
		return new ManagerAccount(m.getLogin(), m.getName(), hash, m.getGroups().isBlank() ? "*" : m.getGroups(),
				m.getMailbox(), m.getInfoDepth(), rights);
	}

	static ConPlugin plugin(Plugin p) {
		ConPlugin.Builder plugin = ConPlugin.newBuilder()
			.setFile(p.file())
			.setName(p.name())
			.setVersion(p.version())
			.setCopyright(p.copyright())
			.setEnabled(p.enabled())
			.setConfigurable(p.configurable())
			.setManagerAccess(p.managerAccess());
		p.params().forEach(param -> plugin.addParams(PluginParam.newBuilder().setName(param.name()).setValue(param.value())));
		return plugin.build();
	}

	/**
	 * Plugins are built into the server: a manager can enable them and change their parameters,
	 * but neither add new files nor rename them.
	 */
	static Plugin plugin(ConPlugin update, Plugin existing) {
		List<Plugin.Param> params = new ArrayList<>();
		for (Plugin.Param param : existing.params()) {
			String value = update.getParamsList().stream().filter(p -> p.getName().equals(param.name()))
				.map(PluginParam::getValue).findFirst().orElse(param.value());
			params.add(new Plugin.Param(param.name(), value));
		}
		for (PluginParam p : update.getParamsList()) {
			if (existing.param(p.getName()).isEmpty()) {
				throw new IllegalArgumentException("plugin " + existing.file() + " has no parameter '" + p.getName() + "'");
			}
		}
		return new Plugin(existing.file(), existing.name(), existing.version(), existing.copyright(), update.getEnabled(),
				existing.configurable(), update.getManagerAccess(), params);
	}
}
