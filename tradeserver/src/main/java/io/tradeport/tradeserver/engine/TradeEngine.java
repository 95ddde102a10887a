package io.tradeport.tradeserver.engine;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import io.tradeport.tradeserver.engine.MarginLevel.LevelType;
import io.tradeport.tradeserver.engine.SymbolConfig.TradeMode;

/**
 * The trade server's engine: accounts, orders, quotes and the MT4 money model in memory.
 *
 * <p>Not thread-safe by design: one thread owns it (see the package documentation and
 * {@link EngineThread}). Every method returns after the change is complete and its events were
 * delivered to the {@link EngineListener}.
 */
public final class TradeEngine {

	private static final int MAX_COMMENT = 31;
	/** Below this many affected accounts a tick is cheaper to revalue on the engine thread alone. */
	private static final int PARALLEL_MIN_ACCOUNTS = 8192;
	private static final int PARALLEL_CHUNK = 2048;

	private final Clock clock;
	private final EngineSettings settings;
	/** Not final only so that {@link #restore} can rebuild the state without sending events. */
	private EngineListener listener;

	private final Map<String, GroupState> groups = new HashMap<>();
	private final Map<String, SymbolState> symbols = new HashMap<>();
	private final List<SymbolState> symbolList = new ArrayList<>();
	private final Map<String, Integer> currencyIds = new HashMap<>();
	private final List<String> currencies = new ArrayList<>();
	private final Map<String, @Nullable Conversion> conversionCache = new HashMap<>();

	private final IntMap<Account> accounts = new IntMap<>(1024);
	private final ArrayList<Account> accountList = new ArrayList<>();
	private final IntMap<Trade> openTrades = new IntMap<>(1024);
	private final PriorityQueue<Trade> expirations = new PriorityQueue<>(
			(a, b) -> Long.compare(a.expiration, b.expiration));

	private MarketHolidays holidays = MarketHolidays.NONE;
	private int nextTicket;
	private long tickSequence;
	private Instant nextEndOfDay;

	public TradeEngine(Clock clock, EngineSettings settings, EngineListener listener) {
		this.clock = clock;
		this.settings = settings;
		this.listener = listener;
		this.nextTicket = settings.firstTicket();
		this.nextEndOfDay = endOfDayAfter(clock.instant());
	}

	// ---------------------------------------------------------------- configuration

	/** Adds or replaces a group; accounts in it are revalued under the new rules. */
	public void putGroup(GroupConfig config) {
		GroupState group = groups.get(config.name());
		int currencyId = currencyId(config.currency());
		if (group == null) {
			groups.put(config.name(), new GroupState(config, currencyId));
		}
		else {
			group.config = config;
			group.currencyId = currencyId;
		}
		rebuildConversions();
		if (group != null) {
			for (Account account : accountList) {
				if (account.group == group) {
					settle(account);
				}
			}
		}
	}

	/** Adds or replaces a symbol; its last quote and open orders stay, and their accounts are revalued. */
	public void putSymbol(SymbolConfig config) {
		SymbolState symbol = symbols.get(config.name());
		if (symbol == null) {
			symbol = new SymbolState(config);
			symbols.put(config.name(), symbol);
			symbolList.add(symbol);
		}
		else {
			symbol.configure(config);
		}
		rebuildConversions();
		for (Account account : Arrays.copyOf(symbol.holders, symbol.holderCount)) {
			settle(account);
		}
	}

	/**
	 * Creates an account or updates its settings.
	 *
	 * @throws IllegalArgumentException when the group does not exist
	 */
	public AccountState putAccount(AccountConfig config) {
		GroupState group = groups.get(config.group());
		if (group == null) {
			throw new IllegalArgumentException("unknown group " + config.group());
		}
		Account account = accounts.get(config.login().value());
		if (account == null) {
			account = new Account(config, group);
			accounts.put(config.login().value(), account);
			accountList.add(account);
		}
		else {
			account.apply(config, group);
		}
		settle(account);
		AccountState state = account.toState();
		listener.accountChanged(state);
		return state;
	}

	/**
	 * Deletes an account, as MT4's admin delete: refused with INVALID_DATA while it has open
	 * positions or pending orders, or when it does not exist. Its history goes with it.
	 */
	public ReturnCode removeAccount(Login login) {
		Account account = accounts.get(login.value());
		if (account == null || !account.orders.isEmpty()) {
			return ReturnCode.INVALID_DATA;
		}
		accounts.remove(login.value());
		accountList.remove(account);
		return ReturnCode.OK;
	}

	/** Deletes a group; refused with INVALID_DATA while accounts are in it or when it does not exist. */
	public ReturnCode removeGroup(String name) {
		GroupState group = groups.get(name);
		if (group == null) {
			return ReturnCode.INVALID_DATA;
		}
		for (Account account : accountList) {
			if (account.group == group) {
				return ReturnCode.INVALID_DATA;
			}
		}
		groups.remove(name);
		return ReturnCode.OK;
	}

	/**
	 * Deletes a symbol that no order uses, neither directly nor to convert another held symbol's
	 * profit or margin into an account currency; refused with INVALID_DATA otherwise (or unknown).
	 * Its quotes are then ignored.
	 */
	public ReturnCode removeSymbol(String name) {
		SymbolState symbol = symbols.get(name);
		if (symbol == null || symbol.holderCount > 0) {
			return ReturnCode.INVALID_DATA;
		}
		int index = symbolList.indexOf(symbol);
		symbols.remove(name);
		symbolList.remove(index);
		rebuildConversions();
		boolean[] stillNeeded = { false };
		openTrades.forEach(trade -> {
			Account account = trade.account;
			if (trade.symbol.profitConversion(account.group.currencyId) == null
					|| conversion(trade.symbol.config.marginCurrency(), account.group.config.currency()) == null) {
				stillNeeded[0] = true;
			}
		});
		if (stillNeeded[0]) {
			// A conversion step of a held symbol: put it back exactly where it was.
			symbols.put(name, symbol);
			symbolList.add(index, symbol);
			rebuildConversions();
			return ReturnCode.INVALID_DATA;
		}
		return ReturnCode.OK;
	}

	/**
	 * Replaces the holidays: on them trading in the symbols they name is refused as MARKET_CLOSED,
	 * like outside the symbol's sessions. Open positions stay; SL/TP and stop-out still act on
	 * quotes that arrive.
	 */
	public void putHolidays(List<MarketHoliday> holidays) {
		this.holidays = MarketHolidays.of(holidays);
	}

	// ---------------------------------------------------------------- queries

	public MarketHolidays holidays() {
		return holidays;
	}

	public Optional<AccountState> account(Login login) {
		Account account = accounts.get(login.value());
		return account == null ? Optional.empty() : Optional.of(account.toState());
	}

	public Optional<MarginLevel> marginLevel(Login login) {
		Account account = accounts.get(login.value());
		return account == null ? Optional.empty() : Optional.of(account.toMarginLevel());
	}

	/** Open positions and live pending orders of the account. */
	public List<TradeRecord> openTrades(Login login) {
		Account account = accounts.get(login.value());
		if (account == null) {
			return List.of();
		}
		return account.orders.stream().map(Trade::toRecord).toList();
	}

	/** Closed positions, deleted orders and balance/credit records of the account, oldest first. */
	public List<TradeRecord> history(Login login) {
		Account account = accounts.get(login.value());
		return account == null ? List.of() : List.copyOf(account.history);
	}

	/** An open position or live pending order. */
	public Optional<TradeRecord> openTrade(Ticket ticket) {
		Trade trade = openTrades.get(ticket.value());
		return trade == null ? Optional.empty() : Optional.of(trade.toRecord());
	}

	public Optional<Quote> quote(String symbol) {
		SymbolState s = symbols.get(symbol);
		return s == null || !s.hasQuote ? Optional.empty() : Optional.of(s.quote());
	}

	/** All accounts, for a pumping client's initial snapshot (UsersGet). */
	public List<AccountState> accounts() {
		return accountList.stream().map(Account::toState).toList();
	}

	/** Margin state of every account (MarginsGet). */
	public List<MarginLevel> marginLevels() {
		return accountList.stream().map(Account::toMarginLevel).toList();
	}

	/** Every open position and live pending order (TradesGet). */
	public List<TradeRecord> allOpenTrades() {
		List<TradeRecord> trades = new ArrayList<>(openTrades.size());
		openTrades.forEach(trade -> trades.add(trade.toRecord()));
		return trades;
	}

	public List<SymbolConfig> symbols() {
		return symbolList.stream().map(s -> s.config).toList();
	}

	public List<GroupConfig> groups() {
		return groups.values().stream().map(g -> g.config).toList();
	}

	public int accountCount() {
		return accountList.size();
	}

	public int openTradeCount() {
		return openTrades.size();
	}

	/** Size of the symbol → accounts index entry: accounts with open orders on the symbol. */
	int holderCount(String symbol) {
		SymbolState s = symbols.get(symbol);
		return s == null ? 0 : s.holderCount;
	}

	// ---------------------------------------------------------------- snapshots

	/** The engine's full state, for a durable snapshot; see {@link EngineState}. */
	public EngineState exportState() {
		List<EngineState.AccountImage> images = new ArrayList<>(accountList.size());
		for (Account a : accountList) {
			AccountConfig config = new AccountConfig(a.login, a.group.config.name(), a.leverageSetting, a.enabled,
					a.readOnly);
			images.add(new EngineState.AccountImage(config, a.balance, a.credit, a.balancePrev, a.dayDeposit,
					a.dayCredit, a.dayClosed, a.orders.stream().map(Trade::toRecord).toList(), a.history));
		}
		List<Quote> quotes = symbolList.stream().filter(s -> s.hasQuote).map(SymbolState::quote).toList();
		return new EngineState(nextTicket, nextEndOfDay, groups(), symbols(), quotes, images, holidays.list());
	}

	/**
	 * An engine in the state {@code state} was exported from. No events are delivered for the
	 * restored content: it is not a change.
	 */
	public static TradeEngine restore(EngineState state, Clock clock, EngineSettings settings, EngineListener listener) {
		TradeEngine engine = new TradeEngine(clock, settings, EngineListener.NONE);
		state.groups().forEach(engine::putGroup);
		state.symbols().forEach(engine::putSymbol);
		for (Quote quote : state.quotes()) {
			SymbolState symbol = engine.symbols.get(quote.symbol());
			symbol.bid = quote.bid();
			symbol.ask = quote.ask();
			symbol.quoteTime = quote.time().toEpochMilli();
			symbol.hasQuote = true;
		}
		for (EngineState.AccountImage image : state.accounts()) {
			engine.putAccount(image.config());
			Account account = engine.accounts.get(image.config().login().value());
			account.balance = image.balance();
			account.credit = image.credit();
			account.balancePrev = image.balancePrev();
			account.dayDeposit = image.dayDeposit();
			account.dayCredit = image.dayCredit();
			account.dayClosed = image.dayClosed();
			if (!image.history().isEmpty()) {
				account.history = new ArrayList<>(image.history());
			}
			for (TradeRecord r : image.openTrades()) {
				Trade trade = trade(r, account, engine.symbols.get(r.symbol()));
				engine.addOrder(account, trade);
				if (trade.cmd.isPending() && trade.expiration != 0) {
					engine.expirations.add(trade);
				}
			}
			Valuation.recalcMargin(account);
			Valuation.recalcProfit(account);
			// Derived, like margin: the exporting engine had settled every account, so no stop-out is due.
			account.levelType = account.computeLevelType();
		}
		engine.nextTicket = state.nextTicket();
		engine.nextEndOfDay = state.nextEndOfDay();
		engine.putHolidays(state.holidays());
		engine.listener = listener;
		return engine;
	}

	/** A live order exactly as {@code r} describes it: its ticket, times, prices, rates and money. */
	private static Trade trade(TradeRecord r, Account account, SymbolState symbol) {
		Trade trade = new Trade(r.ticket().value(), account, symbol, r.cmd(), r.volume(), r.comment(), r.magic());
		trade.openTime = r.openTime().toEpochMilli();
		trade.expiration = r.expiration() == null ? 0 : r.expiration().toEpochMilli();
		trade.openPrice = r.openPrice();
		trade.sl = r.sl();
		trade.tp = r.tp();
		trade.convRateOpen = r.convRateOpen();
		trade.marginRate = r.marginRate();
		trade.commission = r.commission();
		trade.storage = r.storage();
		trade.profit = r.profit();
		return trade;
	}

	// ---------------------------------------------------------------- balance and credit

	/** Deposit (positive) or withdrawal (negative), TT_BR_BALANCE with OP_BALANCE. */
	public TradeResult balance(Login login, double amount, String comment) {
		return moneyOperation(login, amount, comment, TradeCommand.BALANCE);
	}

	/** Credit in (positive) or out (negative), TT_BR_BALANCE with OP_CREDIT. */
	public TradeResult credit(Login login, double amount, String comment) {
		return moneyOperation(login, amount, comment, TradeCommand.CREDIT);
	}

	private TradeResult moneyOperation(Login login, double amount, String comment, TradeCommand cmd) {
		Account account = accounts.get(login.value());
		if (account == null || amount == 0 || !Double.isFinite(amount)) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		amount = Money.round2(amount);
		if (amount < 0) {
			if (cmd == TradeCommand.CREDIT && account.credit + amount < -0.001) {
				return TradeResult.refused(ReturnCode.TRADE_NO_MONEY);
			}
			if (account.freeMargin() + amount < -0.001) {
				return TradeResult.refused(ReturnCode.TRADE_NO_MONEY);
			}
		}
		if (cmd == TradeCommand.BALANCE) {
			account.balance = Money.round2(account.balance + amount);
			account.dayDeposit += amount;
		}
		else {
			account.credit = Money.round2(account.credit + amount);
			account.dayCredit += amount;
		}
		Instant now = clock.instant();
		Ticket ticket = new Ticket(nextTicket++);
		TradeRecord record = new TradeRecord(ticket, login, "", 0, cmd, 0, now, 0, 0, 0, now, null, 0, 0, 0, 0, 0,
				amount, 0, truncate(comment), 0);
		account.addHistory(record);
		listener.tradeClosed(record);
		settle(account);
		listener.accountChanged(account.toState());
		return TradeResult.ok(ticket);
	}

	// ---------------------------------------------------------------- client trade operations

	/** Opens a market position at the current price, or places a pending order. */
	public TradeResult open(OpenOrder order) {
		return open(order, Double.NaN);
	}

	/**
	 * A dealer's TT_BR_ORDER_OPEN at an explicit price: the position opens at {@code price}
	 * (normalised to the symbol's digits) instead of the market, with every other check of
	 * {@link #open(OpenOrder)}. Market commands only.
	 */
	public TradeResult openAt(OpenOrder order, double price) {
		if (!order.cmd().isMarket() || !(price > 0) || !Double.isFinite(price)) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		// The dealer's price is the fill, so the client's requested price and deviation do not apply.
		OpenOrder atMarket = new OpenOrder(order.login(), order.symbol(), order.cmd(), order.volume(), 0, order.sl(), order.tp(),
				0, order.expiration(), order.comment(), order.magic());
		return open(atMarket, price);
	}

	private TradeResult open(OpenOrder order, double dealerPrice) {
		Account account = accounts.get(order.login().value());
		SymbolState symbol = symbols.get(order.symbol());
		if (account == null || symbol == null || !(order.cmd().isMarket() || order.cmd().isPending())) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		ReturnCode code = checkAccess(account);
		if (code == ReturnCode.OK) {
			code = checkOpen(account, symbol, order, Double.isNaN(dealerPrice));
		}
		if (code != ReturnCode.OK) {
			return TradeResult.refused(code);
		}
		Trade trade = new Trade(nextTicket, account, symbol, order.cmd(), order.volume(), truncate(order.comment()),
				order.magic());
		trade.openTime = clock.millis();
		trade.sl = normalize(order.sl(), symbol);
		trade.tp = normalize(order.tp(), symbol);
		if (order.cmd().isPending()) {
			trade.openPrice = normalize(order.price(), symbol);
			trade.expiration = order.expiration() == null ? 0 : order.expiration().toEpochMilli();
			nextTicket++;
			addOrder(account, trade);
			if (trade.expiration != 0) {
				expirations.add(trade);
			}
			listener.tradeOpened(trade.toRecord());
			return TradeResult.ok(new Ticket(trade.ticket));
		}
		trade.openPrice = Double.isNaN(dealerPrice) ? symbol.openPrice(trade.isBuy()) : normalize(dealerPrice, symbol);
		if (!fillPosition(account, trade)) {
			return TradeResult.refused(ReturnCode.TRADE_NO_MONEY);
		}
		nextTicket++;
		listener.tradeOpened(trade.toRecord());
		settle(account);
		return TradeResult.ok(new Ticket(trade.ticket));
	}

	/** Changes SL/TP of a position, or price, SL/TP and expiration of a pending order. */
	public TradeResult modify(ModifyOrder request) {
		Trade trade = openTrades.get(request.ticket().value());
		if (trade == null) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		Account account = trade.account;
		SymbolState symbol = trade.symbol;
		ReturnCode code = checkAccess(account);
		if (code == ReturnCode.OK) {
			code = checkMarket(symbol, false);
		}
		if (code == ReturnCode.OK && OrderRules.isFrozen(trade)) {
			code = ReturnCode.TRADE_MODIFY_DENIED;
		}
		double sl = normalize(request.sl(), symbol);
		double tp = normalize(request.tp(), symbol);
		long expiration = request.expiration() == null ? 0 : request.expiration().toEpochMilli();
		double price = trade.cmd.isPending() ? normalize(request.price(), symbol) : trade.openPrice;
		if (code == ReturnCode.OK) {
			if (sl == trade.sl && tp == trade.tp && price == trade.openPrice
					&& (!trade.cmd.isPending() || expiration == trade.expiration)) {
				return new TradeResult(ReturnCode.OK_NONE, request.ticket());
			}
			if (trade.cmd.isPending()) {
				code = OrderRules.checkPendingPrice(symbol, trade.cmd, price, sl, tp);
				if (code == ReturnCode.OK) {
					code = checkExpiration(account, expiration);
				}
			}
			else {
				code = OrderRules.checkPositionStops(symbol, trade.isBuy(), sl, tp);
			}
		}
		if (code != ReturnCode.OK) {
			return TradeResult.refused(code);
		}
		trade.sl = sl;
		trade.tp = tp;
		if (trade.cmd.isPending()) {
			trade.openPrice = price;
			if (expiration != trade.expiration) {
				expirations.remove(trade);
				trade.expiration = expiration;
				if (expiration != 0) {
					expirations.add(trade);
				}
			}
		}
		listener.tradeModified(trade.toRecord());
		return TradeResult.ok(request.ticket());
	}

	/** Closes the whole position at the current price. */
	public TradeResult close(Ticket ticket) {
		Trade trade = openTrades.get(ticket.value());
		return trade == null ? TradeResult.refused(ReturnCode.INVALID_DATA) : close(ticket, trade.volume);
	}

	/**
	 * Closes {@code volume} (1/100 lot) of a position at the current price. A partial close keeps
	 * the ticket for the closed part and opens the remainder under a new ticket, as MT4 does.
	 */
	public TradeResult close(Ticket ticket, int volume) {
		return close(ticket, volume, Double.NaN, 0, 0);
	}

	/**
	 * A client's close of {@code volume} at the price it saw ({@code price}, 0 for any), filled as
	 * the symbol's execution mode says: instant execution requotes (138) when the market moved more
	 * than {@code deviation} points from it, request execution when it moved at all; market
	 * execution closes at the current price whatever was asked.
	 */
	public TradeResult close(Ticket ticket, int volume, double price, int deviation) {
		if (!(price >= 0) || !Double.isFinite(price) || deviation < 0) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		return close(ticket, volume, Double.NaN, price, deviation);
	}

	/**
	 * A dealer's TT_BR_ORDER_CLOSE at an explicit price: as {@link #close(Ticket, int)}, but the
	 * closed part is booked at {@code price} (normalised) instead of the market.
	 */
	public TradeResult closeAt(Ticket ticket, int volume, double price) {
		if (!(price > 0) || !Double.isFinite(price)) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		return close(ticket, volume, price, 0, 0);
	}

	private TradeResult close(Ticket ticket, int volume, double dealerPrice, double requested, int deviation) {
		Trade trade = openTrades.get(ticket.value());
		if (trade == null || !trade.cmd.isMarket()) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		Account account = trade.account;
		SymbolState symbol = trade.symbol;
		ReturnCode code = checkAccess(account);
		if (code == ReturnCode.OK) {
			code = checkMarket(symbol, false);
		}
		if (code == ReturnCode.OK && account.group.config.closeFifo() && hasOlderPosition(trade)) {
			code = ReturnCode.TRADE_PROHIBITED_BY_FIFO;
		}
		if (code == ReturnCode.OK) {
			GroupConfig.Security security = account.group.config.security(symbol.config.type());
			int rest = trade.volume - volume;
			if (volume <= 0 || rest < 0 || volume % security.lotStep() != 0
					|| (rest > 0 && (volume < security.lotMin() || rest < security.lotMin()))) {
				code = ReturnCode.TRADE_BAD_VOLUME;
			}
		}
		if (code == ReturnCode.OK && Double.isNaN(dealerPrice)
				&& requotes(symbol, requested, symbol.closePrice(trade.isBuy()), deviation)) {
			code = ReturnCode.TRADE_REQUOTE;
		}
		if (code != ReturnCode.OK) {
			return TradeResult.refused(code);
		}
		double price = Double.isNaN(dealerPrice) ? symbol.closePrice(trade.isBuy()) : normalize(dealerPrice, symbol);
		closePosition(trade, volume, price, null);
		settle(account);
		listener.accountChanged(account.toState());
		return TradeResult.ok(ticket);
	}

	/**
	 * MT4's close-by (TT_ORDER_CLOSE_BY): two opposite positions of one account on one symbol
	 * close against each other; in a FIFO group (close_fifo) each must be the oldest of its side
	 * (150 PROHIBITED_BY_FIFO otherwise). Both are booked at the open price of {@code by}, so {@code ticket}
	 * carries the result of the pair and {@code by} closes flat; that is the same total as closing
	 * both at any one price, without paying the spread twice. The smaller volume closes fully;
	 * the rest of the larger position stays open under a new ticket, as in a partial close.
	 */
	public TradeResult closeBy(Ticket ticket, Ticket by) {
		Trade trade = openTrades.get(ticket.value());
		Trade opposite = openTrades.get(by.value());
		if (trade == null || opposite == null || trade == opposite || !trade.cmd.isMarket() || !opposite.cmd.isMarket()
				|| trade.account != opposite.account || trade.symbol != opposite.symbol || trade.isBuy() == opposite.isBuy()) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		Account account = trade.account;
		ReturnCode code = checkAccess(account);
		if (code == ReturnCode.OK) {
			code = checkMarket(trade.symbol, false);
		}
		if (code == ReturnCode.OK && account.group.config.closeFifo() && (hasOlderOnItsSide(trade) || hasOlderOnItsSide(opposite))) {
			code = ReturnCode.TRADE_PROHIBITED_BY_FIFO;
		}
		if (code != ReturnCode.OK) {
			return TradeResult.refused(code);
		}
		closePair(trade, opposite);
		settle(account);
		listener.accountChanged(account.toState());
		return TradeResult.ok(ticket);
	}

	/**
	 * MT4's close-all (TT_ORDER_CLOSE_ALL, "multiple close by"): the account's buy and sell
	 * positions on the symbol are closed by each other, oldest with oldest, until one side is
	 * left; that net remainder stays open. OK_NONE when there is no opposite pair.
	 */
	public TradeResult closeAll(Login login, String symbolName) {
		Account account = accounts.get(login.value());
		SymbolState symbol = symbols.get(symbolName);
		if (account == null || symbol == null) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		ReturnCode code = checkAccess(account);
		if (code == ReturnCode.OK) {
			code = checkMarket(symbol, false);
		}
		if (code != ReturnCode.OK) {
			return TradeResult.refused(code);
		}
		boolean closed = false;
		while (true) {
			Trade buy = oldest(account, symbol, true);
			Trade sell = oldest(account, symbol, false);
			if (buy == null || sell == null) {
				break;
			}
			// The older of the two is the one closed, as the terminal's "multiple close by" does.
			boolean buyFirst = buy.openTime < sell.openTime || (buy.openTime == sell.openTime && buy.ticket < sell.ticket);
			closePair(buyFirst ? buy : sell, buyFirst ? sell : buy);
			closed = true;
		}
		if (!closed) {
			return new TradeResult(ReturnCode.OK_NONE, null);
		}
		settle(account);
		listener.accountChanged(account.toState());
		return new TradeResult(ReturnCode.OK, null);
	}

	private static final String CLOSE_HEDGE = "close hedge by #";

	private static @Nullable Trade oldest(Account account, SymbolState symbol, boolean buy) {
		Trade found = null;
		for (Trade t : account.orders) {
			if (t.symbol == symbol && t.cmd.isMarket() && t.isBuy() == buy
					&& (found == null || t.openTime < found.openTime || (t.openTime == found.openTime && t.ticket < found.ticket))) {
				found = t;
			}
		}
		return found;
	}

	private void closePair(Trade trade, Trade opposite) {
		int volume = Math.min(trade.volume, opposite.volume);
		double price = opposite.openPrice;
		int tradeTicket = trade.ticket;
		int oppositeTicket = opposite.ticket;
		closePosition(trade, volume, price, CLOSE_HEDGE + oppositeTicket);
		closePosition(opposite, volume, price, CLOSE_HEDGE + tradeTicket);
	}

	/**
	 * Close-by under FIFO: each of the pair must be the oldest position of its side on the symbol.
	 * Closing the oldest buy against the oldest sell closes the oldest position of all with them, so
	 * the order of closes stays first in, first out; close-all pairs them that way by construction.
	 */
	private static boolean hasOlderOnItsSide(Trade trade) {
		Trade oldest = oldest(trade.account, trade.symbol, trade.isBuy());
		return oldest != trade;
	}

	/**
	 * Open time decides age; a partial-close remainder keeps its original open time. Tickets
	 * only break ties within the same millisecond.
	 */
	private static boolean hasOlderPosition(Trade trade) {
		for (Trade other : trade.account.orders) {
			if (other != trade && other.symbol == trade.symbol && other.cmd.isMarket()
					&& (other.openTime < trade.openTime || (other.openTime == trade.openTime && other.ticket < trade.ticket))) {
				return true;
			}
		}
		return false;
	}

	/** Deletes a pending order. */
	public TradeResult delete(Ticket ticket) {
		Trade trade = openTrades.get(ticket.value());
		if (trade == null || !trade.cmd.isPending()) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		ReturnCode code = checkAccess(trade.account);
		if (code == ReturnCode.OK && trade.symbol.hasQuote && OrderRules.isFrozen(trade)) {
			code = ReturnCode.TRADE_MODIFY_DENIED;
		}
		if (code != ReturnCode.OK) {
			return TradeResult.refused(code);
		}
		cancelPending(trade, null);
		return TradeResult.ok(ticket);
	}

	/**
	 * A dealer's TT_BR_ORDER_DELETE of an open position: it is removed as if it had never been
	 * opened. Unlike a close nothing is booked: its profit, swaps and commission never reach the
	 * balance and no history record is written. The account's margin and equity are recomputed
	 * (which may bring a margin call or stop-out, as any change of the account's positions can).
	 * A back-office correction, so the trade rules (sessions, freeze level, read-only) do not apply.
	 * Pending orders are deleted with {@link #delete}.
	 */
	public TradeResult deletePosition(Ticket ticket) {
		Trade trade = openTrades.get(ticket.value());
		if (trade == null || !trade.cmd.isMarket()) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		Account account = trade.account;
		TradeRecord record = trade.toRecord();
		removeOrder(trade);
		listener.tradeDeleted(record);
		settle(account);
		listener.accountChanged(account.toState());
		return TradeResult.ok(ticket);
	}

	/**
	 * Activates a pending order now, at its order price, as a dealer's TT_BR_ORDER_ACTIVATE. An
	 * order the account cannot cover is refused with NO_MONEY and stays pending.
	 */
	public TradeResult activate(Ticket ticket) {
		Trade trade = openTrades.get(ticket.value());
		if (trade == null || !trade.cmd.isPending()) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		Account account = trade.account;
		ReturnCode code = checkAccess(account);
		if (code == ReturnCode.OK) {
			code = checkMarket(trade.symbol, true);
		}
		if (code != ReturnCode.OK) {
			return TradeResult.refused(code);
		}
		TradeCommand pendingCmd = trade.cmd;
		long placed = trade.openTime;
		trade.cmd = pendingCmd.positionCommand();
		trade.openTime = clock.millis();
		if (!fillPosition(account, trade)) {
			trade.cmd = pendingCmd;
			trade.openTime = placed;
			Valuation.recalcMargin(account);
			Valuation.recalcProfit(account);
			return TradeResult.refused(ReturnCode.TRADE_NO_MONEY);
		}
		if (trade.expiration != 0) {
			expirations.remove(trade);
			trade.expiration = 0;
		}
		listener.tradeModified(trade.toRecord());
		settle(account);
		return TradeResult.ok(ticket);
	}

	// ---------------------------------------------------------------- administration

	/**
	 * Sets the balance to the sum of the account's history (closed trades' profit, swaps and
	 * commission plus balance operations), MT4's AdmBalanceFix: the repair after direct record edits.
	 * OK_NONE when they already agree to the cent.
	 */
	public TradeResult fixBalance(Login login) {
		Account account = accounts.get(login.value());
		if (account == null) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		double sum = 0;
		for (TradeRecord t : account.history) {
			if (t.cmd() == TradeCommand.BALANCE || t.cmd().isMarket()) {
				sum += t.profit() + t.storage() + t.commission();
			}
		}
		sum = Money.round2(sum);
		if (Math.abs(account.balance - sum) < 0.005) {
			return new TradeResult(ReturnCode.OK_NONE, null);
		}
		account.balance = sum;
		settle(account);
		listener.accountChanged(account.toState());
		return new TradeResult(ReturnCode.OK, null);
	}

	/**
	 * Applies an administrator's edit of an open or closed trade record without the trade rules.
	 * Refused with INVALID_DATA for an unknown ticket, a field that does not apply to the record's
	 * state, or a price that is not positive.
	 */
	public TradeResult modifyRecord(TradeRecordUpdate u) {
		Trade trade = openTrades.get(u.ticket().value());
		if (trade != null) {
			if (u.closePrice() != null || u.profit() != null || !positiveOrNull(u.openPrice()) || !stopOrNull(u.sl())
					|| !stopOrNull(u.tp())) {
				return TradeResult.refused(ReturnCode.INVALID_DATA);
			}
			SymbolState symbol = trade.symbol;
			if (u.openPrice() != null) {
				trade.openPrice = normalize(u.openPrice(), symbol);
			}
			if (u.sl() != null) {
				trade.sl = normalize(u.sl(), symbol);
			}
			if (u.tp() != null) {
				trade.tp = normalize(u.tp(), symbol);
			}
			if (u.comment() != null) {
				trade.comment = truncate(u.comment());
			}
			if (u.magic() != null) {
				trade.magic = u.magic();
			}
			if (u.commission() != null) {
				trade.commission = Money.round2(u.commission());
			}
			if (u.storage() != null) {
				trade.storage = Money.round2(u.storage());
			}
			Account account = trade.account;
			Valuation.recalcMargin(account);
			Valuation.recalcProfit(account);
			listener.tradeModified(trade.toRecord());
			checkLevels(account);
			return TradeResult.ok(u.ticket());
		}
		// Closed records have no ticket index (a rare back-office call), so the accounts are walked.
		List<List<TradeRecord>> found = new ArrayList<>(1);
		accounts.forEach(account -> {
			if (found.isEmpty() && account.history.stream().anyMatch(t -> t.ticket().equals(u.ticket()))) {
				found.add(account.history);
			}
		});
		for (List<TradeRecord> history : found) {
			for (int i = 0; i < history.size(); i++) {
				TradeRecord t = history.get(i);
				if (!t.ticket().equals(u.ticket())) {
					continue;
				}
				if (u.openPrice() != null && !(u.openPrice() > 0) || !positiveOrNull(u.closePrice()) || !stopOrNull(u.sl())
						|| !stopOrNull(u.tp()) || (!t.cmd().isMarket() && (u.openPrice() != null || u.closePrice() != null))) {
					return TradeResult.refused(ReturnCode.INVALID_DATA);
				}
				TradeRecord changed = new TradeRecord(t.ticket(), t.login(), t.symbol(), t.digits(), t.cmd(), t.volume(),
						t.openTime(), price(u.openPrice(), t.openPrice(), t.digits()), price(u.sl(), t.sl(), t.digits()),
						price(u.tp(), t.tp(), t.digits()), t.closeTime(), t.expiration(),
						price(u.closePrice(), t.closePrice(), t.digits()), t.convRateOpen(), t.convRateClose(),
						money(u.commission(), t.commission()), money(u.storage(), t.storage()), money(u.profit(), t.profit()),
						t.marginRate(), u.comment() == null ? t.comment() : truncate(u.comment()),
						u.magic() == null ? t.magic() : u.magic());
				history.set(i, changed);
				listener.tradeModified(changed);
				return TradeResult.ok(u.ticket());
			}
		}
		return TradeResult.refused(ReturnCode.INVALID_DATA);
	}

	/**
	 * MT4's BackupRestoreOrders for one record of an orders backup, an administrator's repair like
	 * {@link #modifyRecord}: no trade rules, and the balance is never moved, so it stays the sum of
	 * the history.
	 * <ul>
	 * <li>An order open now gets the backed-up open price, SL/TP, expiration, comment, magic,
	 * commission and swaps back (same ticket, account, command and volume).
	 * <li>A closed record present in the history is put back as backed up (same ticket, account,
	 * command, volume, open and close time), like an admin edit of it.
	 * <li>A pending order deleted since the backup is live again under its ticket (its "deleted"
	 * record leaves the history); one whose expiration has passed is refused.
	 * <li>An order the server no longer has at all (a position deleted without closing, a pending
	 * order with its account) comes back under its old ticket, open price, rates and money; a
	 * position needs a quote to be valued. Levels are checked afterwards, as after any change.
	 * </ul>
	 * Refused with INVALID_DATA: a position closed since the backup (its result is booked; re-enter it
	 * with a dealer's open), a closed record the history no longer has (booking it again would count
	 * it twice), balance and credit records that are gone, an unknown account or symbol, a ticket this
	 * server never handed out. OK_NONE when the order already equals the backup.
	 */
	public TradeResult restoreOrder(TradeRecord backup) {
		Account account = accounts.get(backup.login().value());
		Ticket ticket = backup.ticket();
		if (account == null || ticket.value() <= 0 || ticket.value() >= nextTicket) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		Trade live = openTrades.get(ticket.value());
		if (live != null) {
			return restoreLive(live, account, backup);
		}
		List<TradeRecord> history = account.history;
		for (int i = 0; i < history.size(); i++) {
			TradeRecord current = history.get(i);
			if (current.ticket().equals(ticket)) {
				return restoreFromHistory(account, i, current, backup);
			}
		}
		for (Account other : accountList) {
			if (other != account && other.history.stream().anyMatch(t -> t.ticket().equals(ticket))) {
				return TradeResult.refused(ReturnCode.INVALID_DATA); // the ticket belongs to another account
			}
		}
		// Gone without a trace: deleted without closing, or with its account.
		return backup.isOpen() ? recreate(account, backup) : TradeResult.refused(ReturnCode.INVALID_DATA);
	}

	private TradeResult restoreLive(Trade live, Account account, TradeRecord backup) {
		if (live.account != account || !backup.isOpen() || live.cmd != backup.cmd() || live.volume != backup.volume()
				|| !live.symbol.name.equals(backup.symbol()) || expired(backup)) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		long expiration = backup.expiration() == null ? 0 : backup.expiration().toEpochMilli();
		if (live.openPrice == backup.openPrice() && live.sl == backup.sl() && live.tp == backup.tp()
				&& live.expiration == expiration && live.comment.equals(backup.comment()) && live.magic == backup.magic()
				&& live.commission == backup.commission() && live.storage == backup.storage()) {
			return new TradeResult(ReturnCode.OK_NONE, backup.ticket());
		}
		live.openPrice = backup.openPrice();
		live.sl = backup.sl();
		live.tp = backup.tp();
		live.comment = truncate(backup.comment());
		live.magic = backup.magic();
		live.commission = backup.commission();
		live.storage = backup.storage();
		if (live.cmd.isPending() && expiration != live.expiration) {
			expirations.remove(live);
			live.expiration = expiration;
			if (expiration != 0) {
				expirations.add(live);
			}
		}
		Valuation.recalcMargin(account);
		Valuation.recalcProfit(account);
		listener.tradeModified(live.toRecord());
		checkLevels(account);
		return TradeResult.ok(backup.ticket());
	}

	private TradeResult restoreFromHistory(Account account, int index, TradeRecord current, TradeRecord backup) {
		if (!backup.isOpen()) {
			if (current.cmd() != backup.cmd() || current.volume() != backup.volume() || !current.symbol().equals(backup.symbol())
					|| !sameMillis(current.openTime(), backup.openTime()) || !sameMillis(current.closeTime(), backup.closeTime())) {
				return TradeResult.refused(ReturnCode.INVALID_DATA);
			}
			// Backups keep milliseconds; the record keeps its own times, which the backup only rounds.
			TradeRecord restored = new TradeRecord(backup.ticket(), backup.login(), backup.symbol(), backup.digits(), backup.cmd(),
					backup.volume(), current.openTime(), backup.openPrice(), backup.sl(), backup.tp(), current.closeTime(),
					current.expiration(), backup.closePrice(), backup.convRateOpen(), backup.convRateClose(), backup.commission(),
					backup.storage(), backup.profit(), backup.marginRate(), backup.comment(), backup.magic());
			if (current.equals(restored)) {
				return new TradeResult(ReturnCode.OK_NONE, backup.ticket());
			}
			account.history.set(index, restored);
			listener.tradeModified(restored);
			return TradeResult.ok(backup.ticket());
		}
		// Only a deleted pending order comes back from the history: a closed position's result is booked.
		if (!current.cmd().isPending() || current.cmd() != backup.cmd() || current.volume() != backup.volume()) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		SymbolState symbol = symbols.get(backup.symbol());
		if (symbol == null || expired(backup)) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		account.history.remove(index);
		Trade trade = trade(backup, account, symbol);
		addOrder(account, trade);
		if (trade.expiration != 0) {
			expirations.add(trade);
		}
		listener.tradeOpened(trade.toRecord());
		return TradeResult.ok(backup.ticket());
	}

	private TradeResult recreate(Account account, TradeRecord backup) {
		SymbolState symbol = symbols.get(backup.symbol());
		if (symbol == null || !(backup.cmd().isMarket() || backup.cmd().isPending()) || backup.volume() <= 0 || expired(backup)) {
			return TradeResult.refused(ReturnCode.INVALID_DATA);
		}
		if (backup.cmd().isMarket() && (!symbol.hasQuote || symbol.profitConversion(account.group.currencyId) == null)) {
			return TradeResult.refused(ReturnCode.TRADE_OFFQUOTES);
		}
		Trade trade = trade(backup, account, symbol);
		addOrder(account, trade);
		if (trade.cmd.isPending()) {
			if (trade.expiration != 0) {
				expirations.add(trade);
			}
			listener.tradeOpened(trade.toRecord());
			return TradeResult.ok(backup.ticket());
		}
		Valuation.recalcMargin(account);
		Valuation.recalcProfit(account);
		listener.tradeOpened(trade.toRecord());
		settle(account);
		listener.accountChanged(account.toState());
		return TradeResult.ok(backup.ticket());
	}

	private static boolean sameMillis(@Nullable Instant a, @Nullable Instant b) {
		return a == null ? b == null : b != null && a.toEpochMilli() == b.toEpochMilli();
	}

	/** A pending order whose expiration has passed would only expire again at once. */
	private boolean expired(TradeRecord order) {
		return order.cmd().isPending() && order.expiration() != null && order.expiration().toEpochMilli() <= clock.millis();
	}

	private static boolean positiveOrNull(@Nullable Double price) {
		return price == null || (price > 0 && Double.isFinite(price));
	}

	private static boolean stopOrNull(@Nullable Double price) {
		return price == null || (price >= 0 && Double.isFinite(price));
	}

	private static double price(@Nullable Double value, double old, int digits) {
		return value == null ? old : value > 0 ? Money.normalizePrice(value, digits) : 0;
	}

	private static double money(@Nullable Double value, double old) {
		return value == null ? old : Money.round2(value);
	}

	/**
	 * Checks the levels of a prospective order without executing it (MT4's TradeCheckStops): for a
	 * new order, SL/TP (and a pending order's price) against the stops level; for an existing order
	 * ({@code ticket} set), also whether it is inside the freeze level. Read-only.
	 *
	 * @return OK, 130 BAD_STOPS, 145 MODIFY_DENIED (frozen), 136 OFFQUOTES (no quote), or
	 *         INVALID_DATA (unknown symbol or ticket, a command that is not an order)
	 */
	public ReturnCode checkStops(@Nullable Ticket ticket, String symbolName, TradeCommand cmd, double price, double sl,
			double tp) {
		Trade trade = ticket == null ? null : openTrades.get(ticket.value());
		if (ticket != null && trade == null) {
			return ReturnCode.INVALID_DATA;
		}
		SymbolState symbol = trade != null ? trade.symbol : symbols.get(symbolName);
		TradeCommand command = trade != null ? trade.cmd : cmd;
		if (symbol == null || !(command.isMarket() || command.isPending()) || !(sl >= 0) || !(tp >= 0)) {
			return ReturnCode.INVALID_DATA;
		}
		if (!symbol.hasQuote) {
			return ReturnCode.TRADE_OFFQUOTES;
		}
		if (trade != null && OrderRules.isFrozen(trade)) {
			return ReturnCode.TRADE_MODIFY_DENIED;
		}
		double nsl = normalize(sl, symbol);
		double ntp = normalize(tp, symbol);
		if (command.isPending()) {
			double at = trade != null && price == 0 ? trade.openPrice : normalize(price, symbol);
			return OrderRules.checkPendingPrice(symbol, command, at, nsl, ntp);
		}
		return OrderRules.checkPositionStops(symbol, command.isBuy(), nsl, ntp);
	}

	// ---------------------------------------------------------------- prices and time

	/**
	 * Applies a feed quote: triggers pending orders and SL/TP, revalues only the accounts holding
	 * the symbol or a symbol whose profit is converted through it, and runs margin call and
	 * stop-out for them.
	 *
	 * @return false when the symbol is unknown or the quote is not a valid price
	 */
	public boolean tick(String symbolName, double bid, double ask) {
		SymbolState symbol = symbols.get(symbolName);
		if (symbol == null || !(bid > 0) || !(ask > 0)) {
			return false;
		}
		int digits = symbol.config.digits();
		symbol.bid = Money.normalizePrice(bid, digits);
		symbol.ask = symbol.config.spread() > 0
				? Money.normalizePrice(symbol.bid + symbol.config.spread() * symbol.point, digits)
				: Money.normalizePrice(Math.max(ask, bid), digits);
		symbol.quoteTime = clock.millis();
		symbol.hasQuote = true;
		listener.tickApplied(symbol.quote());

		long mark = ++tickSequence;
		// Copies: triggers and stop-outs can drop accounts from the holders arrays while we iterate.
		Account[] holders = Arrays.copyOf(symbol.holders, symbol.holderCount);
		for (Account account : holders) {
			account.tickMark = mark;
		}
		revalueOnTick(holders, symbol);
		if (symbol.dependents.length > 0) {
			ArrayList<Account> others = new ArrayList<>();
			for (SymbolState dependent : symbol.dependents) {
				for (int i = 0; i < dependent.holderCount; i++) {
					Account account = dependent.holders[i];
					if (account.tickMark != mark) {
						account.tickMark = mark;
						others.add(account);
					}
				}
			}
			revalueOnTick(others.toArray(Account[]::new), null);
		}
		return true;
	}

	/**
	 * Time-driven work: expires pending orders and runs every end of day (rollover, daily
	 * reports) whose time has come. Call it periodically, e.g. once a second.
	 */
	public void processTimers() {
		long now = clock.millis();
		while (!expirations.isEmpty() && expirations.peek().expiration <= now) {
			Trade trade = expirations.poll();
			if (openTrades.get(trade.ticket) == trade && trade.cmd.isPending()) {
				cancelPending(trade, "[expired]");
			}
		}
		while (!clock.instant().isBefore(nextEndOfDay)) {
			Instant eod = nextEndOfDay;
			endOfDay(eod);
			nextEndOfDay = endOfDayAfter(eod);
		}
	}

	/** Recomputes margin and floating profit of every account; parallel over account ranges. */
	public void recalculateAll() {
		Account[] all = accountList.toArray(Account[]::new);
		int chunk = PARALLEL_CHUNK;
		int chunks = (all.length + chunk - 1) / chunk;
		// Workers write only to the accounts (and their trades) of their own range; the join at
		// the end of forEach publishes their writes to this thread.
		IntStream.range(0, chunks).parallel().forEach(c -> {
			int end = Math.min(all.length, (c + 1) * chunk);
			for (int i = c * chunk; i < end; i++) {
				Valuation.recalcMargin(all[i]);
				Valuation.recalcProfit(all[i]);
			}
		});
		for (Account account : all) {
			checkLevels(account);
		}
	}

	// ---------------------------------------------------------------- checks

	private ReturnCode checkAccess(Account account) {
		if (!account.enabled) {
			return ReturnCode.ACCOUNT_DISABLED;
		}
		return account.readOnly ? ReturnCode.TRADE_DISABLE : ReturnCode.OK;
	}

	private ReturnCode checkMarket(SymbolState symbol, boolean opening) {
		TradeMode mode = symbol.config.tradeMode();
		if (mode == TradeMode.DISABLED || (opening && mode == TradeMode.CLOSE_ONLY)) {
			return ReturnCode.TRADE_DISABLE;
		}
		LocalDateTime now = serverTime();
		if (!symbol.config.sessions().isOpen(now) || holidays.isClosed(symbol.name, now)) {
			return ReturnCode.TRADE_MARKET_CLOSED;
		}
		return symbol.hasQuote ? ReturnCode.OK : ReturnCode.TRADE_OFFQUOTES;
	}

	/**
	 * @param atMarket the fill is the market's price, so the symbol's execution mode applies; false for
	 *     the dealer's explicit price, which is the fill whatever the mode
	 */
	private ReturnCode checkOpen(Account account, SymbolState symbol, OpenOrder order, boolean atMarket) {
		GroupConfig group = account.group.config;
		GroupConfig.Security security = group.security(symbol.config.type());
		if (!security.trade()) {
			return ReturnCode.TRADE_DISABLE;
		}
		ReturnCode code = checkMarket(symbol, true);
		if (code != ReturnCode.OK) {
			return code;
		}
		boolean buy = order.cmd().isBuy();
		if (!buy && symbol.config.longOnly()) {
			return ReturnCode.TRADE_LONG_ONLY;
		}
		Conversion profitConversion = symbol.profitConversion(account.group.currencyId);
		if (profitConversion == null || Double.isNaN(profitConversion.rate(false))
				|| Double.isNaN(marginRate(account, symbol, buy))) {
			return ReturnCode.TRADE_OFFQUOTES;
		}
		int volume = order.volume();
		if (volume < security.lotMin() || volume > security.lotMax() || volume % security.lotStep() != 0) {
			return ReturnCode.TRADE_BAD_VOLUME;
		}
		if (group.maxPositions() > 0 && account.orders.size() >= group.maxPositions()) {
			return ReturnCode.TRADE_TOO_MANY_ORDERS;
		}
		if (group.hedgeProhibited()) {
			for (Trade t : account.orders) {
				if (t.symbol == symbol && t.isBuy() != buy) {
					return ReturnCode.TRADE_HEDGE_PROHIBITED;
				}
			}
		}
		double sl = normalize(order.sl(), symbol);
		double tp = normalize(order.tp(), symbol);
		if (order.cmd().isPending()) {
			code = OrderRules.checkPendingPrice(symbol, order.cmd(), normalize(order.price(), symbol), sl, tp);
			if (code == ReturnCode.OK) {
				code = checkExpiration(account, order.expiration() == null ? 0 : order.expiration().toEpochMilli());
			}
			return code;
		}
		if (atMarket) {
			if (symbol.config.execution() == SymbolConfig.Execution.MARKET && (sl != 0 || tp != 0)) {
				return ReturnCode.TRADE_BAD_STOPS;
			}
			if (requotes(symbol, order.price(), symbol.openPrice(buy), order.deviation())) {
				return ReturnCode.TRADE_REQUOTE;
			}
		}
		return OrderRules.checkPositionStops(symbol, buy, sl, tp);
	}

	/**
	 * Whether a client's {@code requested} price (0: any) is too far from the {@code market} price
	 * it would fill at, under the symbol's execution mode; see {@link SymbolConfig.Execution}.
	 */
	private static boolean requotes(SymbolState symbol, double requested, double market, int deviation) {
		int allowed = switch (symbol.config.execution()) {
			case MARKET -> -1;
			case INSTANT -> deviation;
			case REQUEST -> 0;
		};
		// A tenth of a point absorbs the binary representation of prices that are equal to the digit.
		return allowed >= 0 && requested > 0 && Math.abs(requested - market) > allowed * symbol.point + symbol.point / 10;
	}

	private ReturnCode checkExpiration(Account account, long expiration) {
		if (expiration == 0) {
			return ReturnCode.OK;
		}
		if (!account.group.config.expirationAllowed() || expiration <= clock.millis()) {
			return ReturnCode.TRADE_EXPIRATION_DENIED;
		}
		return ReturnCode.OK;
	}

	// ---------------------------------------------------------------- order lifecycle

	private void addOrder(Account account, Trade trade) {
		account.orders.add(trade);
		account.hold(trade.symbol);
		openTrades.put(trade.ticket, trade);
	}

	private void removeOrder(Trade trade) {
		Account account = trade.account;
		account.orders.remove(trade);
		account.release(trade.symbol);
		openTrades.remove(trade.ticket);
	}

	/**
	 * Turns {@code trade} (new, or a triggered pending order) into a position: fixes its rates,
	 * charges commission and checks margin. Returns false, leaving the account as it was, when
	 * the margin would grow beyond the free margin.
	 */
	private boolean fillPosition(Account account, Trade trade) {
		SymbolState symbol = trade.symbol;
		Conversion conversion = symbol.profitConversion(account.group.currencyId);
		double profitRate = conversion == null ? Double.NaN : conversion.rate(false);
		double marginRate = marginRate(account, symbol, trade.isBuy());
		if (Double.isNaN(profitRate) || Double.isNaN(marginRate)) {
			return false;
		}
		trade.convRateOpen = profitRate;
		trade.marginRate = marginRate;
		trade.commission = -commission(account, trade, profitRate);
		double marginBefore = account.margin;
		boolean isNew = openTrades.get(trade.ticket) != trade;
		if (isNew) {
			addOrder(account, trade);
		}
		Valuation.recalcMargin(account);
		Valuation.recalcProfit(account);
		if (account.margin > marginBefore + 0.001 && account.freeMargin() < 0) {
			trade.commission = 0;
			if (isNew) {
				removeOrder(trade);
				Valuation.recalcMargin(account);
				Valuation.recalcProfit(account);
			}
			return false;
		}
		return true;
	}

	private double commission(Account account, Trade trade, double profitRate) {
		GroupConfig.Security security = account.group.config.security(trade.symbol.config.type());
		double base = security.commission();
		if (base == 0) {
			return 0;
		}
		SymbolState symbol = trade.symbol;
		double lots = trade.lots();
		double amount = switch (security.commissionType()) {
			case MONEY -> security.commissionPerLot() ? base * lots : base;
			case PIPS -> base * symbol.point * symbol.profitFactor * lots * profitRate;
			case PERCENT -> base / 100 * lots * symbol.config.contractSize() * trade.openPrice * profitRate;
		};
		return Money.round2(amount);
	}

	private double marginRate(Account account, SymbolState symbol, boolean buy) {
		Conversion conversion = conversion(symbol.config.marginCurrency(), account.group.config.currency());
		return conversion == null ? Double.NaN : conversion.rate(buy);
	}

	/**
	 * Closes {@code volume} of a position at {@code price}. The realized profit is converted at
	 * the rate of the moment (conv_rates[1]) and moves the balance together with swaps and
	 * commission.
	 *
	 * @param reason appended to the comment ("[sl]", "so: ...") or null for a client close
	 */
	private void closePosition(Trade trade, int volume, double price, @Nullable String reason) {
		Account account = trade.account;
		if (volume < trade.volume) {
			Trade rest = new Trade(nextTicket++, account, trade.symbol, trade.cmd, trade.volume - volume,
					truncate("from #" + trade.ticket), trade.magic);
			double share = (double) volume / trade.volume;
			double closedCommission = Money.round2(trade.commission * share);
			double closedStorage = Money.round2(trade.storage * share);
			rest.openTime = trade.openTime;
			rest.openPrice = trade.openPrice;
			rest.sl = trade.sl;
			rest.tp = trade.tp;
			rest.convRateOpen = trade.convRateOpen;
			rest.marginRate = trade.marginRate;
			rest.commission = Money.round2(trade.commission - closedCommission);
			rest.storage = Money.round2(trade.storage - closedStorage);
			trade.commission = closedCommission;
			trade.storage = closedStorage;
			trade.volume = volume;
			trade.comment = truncate("to #" + rest.ticket);
			addOrder(account, rest);
			listener.tradeOpened(rest.toRecord());
		}
		Conversion conversion = trade.symbol.profitConversion(account.group.currencyId);
		double rate = conversion == null ? Double.NaN : conversion.rate(false);
		if (Double.isNaN(rate)) {
			rate = trade.convRateOpen;
		}
		trade.profit = Money.round2(trade.rawProfit(price) * rate);
		if (reason != null) {
			// Stop-out and close-by name the reason instead of the client's comment, as MT4 does.
			trade.comment = truncate(reason.startsWith("so:") || reason.startsWith(CLOSE_HEDGE) ? reason : trade.comment + reason);
		}
		double result = trade.profit + trade.storage + trade.commission;
		account.balance = Money.round2(account.balance + result);
		account.dayClosed += result;
		removeOrder(trade);
		TradeRecord record = trade.toClosedRecord(clock.millis(), price, rate);
		account.addHistory(record);
		listener.tradeClosed(record);
	}

	private void cancelPending(Trade trade, @Nullable String reason) {
		removeOrder(trade);
		if (trade.expiration != 0) {
			expirations.remove(trade);
		}
		if (reason != null) {
			trade.comment = truncate(trade.comment + reason);
		}
		double price = trade.symbol.hasQuote ? trade.symbol.openPrice(trade.isBuy()) : 0;
		TradeRecord record = trade.toClosedRecord(clock.millis(), price, 0);
		trade.account.addHistory(record);
		listener.tradeClosed(record);
	}

	/**
	 * Activates pending orders and fires SL/TP of {@code account}'s orders on {@code symbol}.
	 * Buy orders and the SL/TP of sells compare with the ask; sell orders and the SL/TP of buys
	 * with the bid. Returns whether the balance changed.
	 */
	private boolean runTriggers(Account account, SymbolState symbol) {
		boolean closed = false;
		ArrayList<Trade> orders = account.orders;
		for (int i = 0; i < orders.size(); i++) {
			Trade t = orders.get(i);
			if (t.symbol != symbol || !t.cmd.isPending()) {
				continue;
			}
			if (!OrderRules.pendingHit(t, symbol)) {
				continue;
			}
			TradeCommand pendingCmd = t.cmd;
			t.cmd = pendingCmd.positionCommand();
			long placed = t.openTime;
			t.openTime = clock.millis();
			if (fillPosition(account, t)) {
				if (t.expiration != 0) {
					expirations.remove(t);
					t.expiration = 0;
				}
				listener.tradeModified(t.toRecord());
			}
			else {
				t.cmd = pendingCmd;
				t.openTime = placed;
				cancelPending(t, "[no money]");
				Valuation.recalcMargin(account);
				Valuation.recalcProfit(account);
				i--;
			}
		}
		for (int i = 0; i < orders.size(); i++) {
			Trade t = orders.get(i);
			if (t.symbol != symbol || !t.cmd.isMarket()) {
				continue;
			}
			double market = symbol.closePrice(t.isBuy());
			if (OrderRules.stopLossHit(t, market)) {
				closePosition(t, t.volume, t.sl, "[sl]");
			}
			else if (OrderRules.takeProfitHit(t, market)) {
				closePosition(t, t.volume, t.tp, "[tp]");
			}
			else {
				continue;
			}
			closed = true;
			i--;
		}
		return closed;
	}

	/**
	 * Revalues the accounts a tick affects in two phases. The first only reads shared state and
	 * writes each account's own fields, so for large fans it runs in parallel over account
	 * ranges; it flags the accounts that need more. The second, on the engine thread, does what
	 * has side effects (triggers, stop-out, events) for the flagged accounts only.
	 *
	 * @param ticked the ticked symbol for its holders; null for accounts that only hold crosses
	 *     converted through it
	 */
	private void revalueOnTick(Account[] accounts, @Nullable SymbolState ticked) {
		int n = accounts.length;
		boolean[] flagged = new boolean[n];
		if (n >= PARALLEL_MIN_ACCOUNTS) {
			IntStream.range(0, (n + PARALLEL_CHUNK - 1) / PARALLEL_CHUNK).parallel().forEach(c -> {
				for (int i = c * PARALLEL_CHUNK, end = Math.min(n, (c + 1) * PARALLEL_CHUNK); i < end; i++) {
					flagged[i] = Valuation.revalue(accounts[i], ticked);
				}
			});
		}
		else {
			for (int i = 0; i < n; i++) {
				flagged[i] = Valuation.revalue(accounts[i], ticked);
			}
		}
		for (int i = 0; i < n; i++) {
			if (!flagged[i]) {
				continue;
			}
			Account account = accounts[i];
			if (ticked != null && runTriggers(account, ticked)) {
				settle(account);
				listener.accountChanged(account.toState());
			}
			else {
				settle(account);
			}
		}
	}

	// ---------------------------------------------------------------- money model

	/** Full recomputation after the account's orders, money or settings changed. */
	private void settle(Account account) {
		Valuation.recalcMargin(account);
		Valuation.recalcProfit(account);
		checkLevels(account);
	}

	/**
	 * Updates the level type and runs stop-out: while the account is at or below the stop-out
	 * level, close the position with the worst result (profit + swaps + commission) and re-evaluate.
	 */
	private void checkLevels(Account account) {
		LevelType type = account.computeLevelType();
		if (type == LevelType.STOP_OUT && !(account.group.config.stopoutSkipHedged() && Valuation.isFullyHedged(account))) {
			if (account.levelType != LevelType.STOP_OUT) {
				account.levelType = LevelType.STOP_OUT;
				listener.marginLevelChanged(account.toMarginLevel());
			}
			boolean closed = false;
			while (type == LevelType.STOP_OUT) {
				Trade worst = null;
				for (Trade t : account.orders) {
					if (t.cmd.isMarket() && (worst == null || t.floating() < worst.floating())) {
						worst = t;
					}
				}
				if (worst == null) {
					break;
				}
				String comment = String.format(Locale.ROOT, "so: %.1f%%/%.2f/%.2f", account.marginLevelPercent(),
						account.equity(), account.margin);
				closePosition(worst, worst.volume, worst.symbol.closePrice(worst.isBuy()), comment);
				closed = true;
				Valuation.recalcMargin(account);
				Valuation.recalcProfit(account);
				type = account.computeLevelType();
			}
			if (closed) {
				listener.accountChanged(account.toState());
			}
		}
		if (type != account.levelType) {
			account.levelType = type;
			listener.marginLevelChanged(account.toMarginLevel());
		}
	}

	// ---------------------------------------------------------------- end of day

	/**
	 * Rollover then daily reports for the trading day that ends at {@code eod}. No swaps are
	 * charged for Saturday and Sunday; the triple-swap day pays for the weekend instead.
	 */
	private void endOfDay(Instant eod) {
		LocalDate tradingDay = eod.minusSeconds(60).atZone(settings.serverZone()).toLocalDate();
		DayOfWeek weekday = tradingDay.getDayOfWeek();
		boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
		if (!weekend) {
			rollover(weekday);
		}
		if (!weekend || settings.statementWeekend()) {
			for (Account account : accountList) {
				DailyReport report = new DailyReport(account.login, eod, tradingDay, account.group.config.name(),
						account.balancePrev, account.balance, Money.round2(account.dayDeposit),
						Money.round2(account.dayCredit), Money.round2(account.dayClosed), account.profit,
						Money.round2(account.equity()), account.margin, Money.round2(account.freeMargin()));
				account.balancePrev = account.balance;
				account.dayDeposit = 0;
				account.dayCredit = 0;
				account.dayClosed = 0;
				listener.dailyReport(report);
			}
		}
	}

	private void rollover(DayOfWeek weekday) {
		for (Account account : accountList) {
			GroupState group = account.group;
			if (!group.config.useSwap() || account.orders.isEmpty()) {
				continue;
			}
			boolean charged = false;
			for (Trade t : account.orders) {
				SymbolConfig c = t.symbol.config;
				if (!t.cmd.isMarket() || !c.swapEnabled()) {
					continue;
				}
				double swap = swap(account, t);
				if (Double.isNaN(swap) || swap == 0) {
					continue;
				}
				t.storage = Money.round2(t.storage + (weekday == c.tripleSwapDay() ? 3 * swap : swap));
				charged = true;
				listener.tradeModified(t.toRecord());
			}
			if (charged) {
				Valuation.recalcProfit(account);
				checkLevels(account);
			}
		}
	}

	/** One day's swap of a position in the account currency, sign as configured. */
	private double swap(Account account, Trade t) {
		SymbolState symbol = t.symbol;
		SymbolConfig c = symbol.config;
		boolean buy = t.isBuy();
		double value = account.group.swap(symbol, buy);
		if (value == 0) {
			return 0;
		}
		double lots = t.lots();
		Conversion profitConversion = symbol.profitConversion(account.group.currencyId);
		double profitRate = profitConversion == null ? Double.NaN : profitConversion.rate(false);
		double amount = switch (c.swapType()) {
			case POINTS -> lots * value * symbol.point * symbol.profitFactor * profitRate;
			case BASE_CURRENCY, MARGIN_CURRENCY -> {
				Conversion conversion = conversion(c.marginCurrency(), account.group.config.currency());
				yield lots * value * (conversion == null ? Double.NaN : conversion.rate(false));
			}
			case INTEREST -> {
				double price = c.swapOpenPrice() ? t.openPrice : symbol.closePrice(buy);
				yield lots * c.contractSize() * price * value / 100 / 360 * profitRate;
			}
		};
		return Money.round2(amount);
	}

	private Instant endOfDayAfter(Instant instant) {
		ZonedDateTime now = instant.atZone(settings.serverZone());
		ZonedDateTime candidate = now.toLocalDate().atTime(settings.endOfDay()).atZone(settings.serverZone());
		if (!candidate.isAfter(now)) {
			candidate = now.toLocalDate().plusDays(1).atTime(settings.endOfDay()).atZone(settings.serverZone());
		}
		return candidate.toInstant();
	}

	// ---------------------------------------------------------------- helpers

	private LocalDateTime serverTime() {
		return LocalDateTime.ofInstant(clock.instant(), settings.serverZone());
	}

	private int currencyId(String currency) {
		Integer id = currencyIds.get(currency);
		if (id == null) {
			id = currencies.size();
			currencies.add(currency);
			currencyIds.put(currency, id);
		}
		return id;
	}

	private @Nullable Conversion conversion(String from, String to) {
		String key = from + '/' + to;
		Conversion conversion = conversionCache.get(key);
		if (conversion == null && !conversionCache.containsKey(key)) {
			conversion = Conversion.resolve(from, to, symbolList);
			conversionCache.put(key, conversion);
		}
		return conversion;
	}

	/**
	 * Resolves every symbol's profit conversion into every group currency and records which
	 * symbols a tick must also revalue. Runs only when symbols or groups change.
	 */
	private void rebuildConversions() {
		conversionCache.clear();
		for (SymbolState symbol : symbolList) {
			symbol.clearDependents();
		}
		for (SymbolState symbol : symbolList) {
			Conversion[] byCurrency = new Conversion[currencies.size()];
			for (int id = 0; id < byCurrency.length; id++) {
				Conversion conversion = conversion(symbol.config.profitCurrency(), currencies.get(id));
				byCurrency[id] = conversion;
				if (conversion != null) {
					for (SymbolState step : conversion.steps()) {
						if (step != symbol) {
							step.addDependent(symbol);
						}
					}
				}
			}
			symbol.profitConversions = byCurrency;
		}
	}

	private static double normalize(double price, SymbolState symbol) {
		return price > 0 ? Money.normalizePrice(price, symbol.config.digits()) : 0;
	}

	private static String truncate(String comment) {
		return comment.length() <= MAX_COMMENT ? comment : comment.substring(0, MAX_COMMENT);
	}
}
