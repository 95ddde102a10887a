package io.tradeport.tradeserver.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.ModifyOrder;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.ReturnCode;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeResult;

/**
 * A population of simulated retail traders. Each comes online now and then, deposits when its
 * account runs low, opens market and pending orders of retail sizes (mostly 0.01 to 0.2 lots,
 * limited by its free margin) with stops in about half the cases, moves stops, closes and
 * deletes, withdraws some profit, and goes offline again.
 *
 * <p>Driven by time: {@link #advanceTo} performs every action due up to the given instant, in
 * time order. Each trader draws from its own random stream, so the same seed, the same engine
 * state and the same sequence of {@code advanceTo} calls (interleaved the same way with the feed)
 * give the same trades. Refusals (no money, bad stops, market closed...) are counted, as a real
 * terminal would show them, never thrown.
 */
public final class TraderSimulation {

	private static final int[] LOT_SIZES = { 1, 2, 5, 10, 20, 50, 100, 200 };
	private static final int[] LOT_WEIGHTS = { 25, 10, 15, 20, 10, 10, 7, 3 };

	private final Venue venue;
	private final SimulationConfig config;
	private final PriorityQueue<Trader> schedule = new PriorityQueue<>(
			(a, b) -> a.nextAt != b.nextAt ? Long.compare(a.nextAt, b.nextAt) : Integer.compare(a.login, b.login));
	private final Set<Login> online = ConcurrentHashMap.newKeySet();
	private final Map<ReturnCode, Long> refusals = new EnumMap<>(ReturnCode.class);
	private long logins;
	private long deposits;
	private long withdrawals;
	private long marketOrders;
	private long pendingOrders;
	private long modifications;
	private long closes;
	private long deletions;
	private ReturnCode lastCode = ReturnCode.OK;

	public TraderSimulation(Venue venue, SimulationConfig config, Instant start) {
		this.venue = venue;
		this.config = config;
		for (int i = 0; i < config.traders(); i++) {
			Trader trader = new Trader(config.firstLogin() + i, config.seed());
			// Spread the first logins over the first offline period rather than all at the start.
			trader.nextAt = start.toEpochMilli() + trader.exponential(config.meanOffline()) / 4;
			schedule.add(trader);
		}
	}

	/** Performs every trader action due at or before {@code now}. */
	public synchronized void advanceTo(Instant now) {
		long limit = now.toEpochMilli();
		while (!schedule.isEmpty() && schedule.peek().nextAt <= limit) {
			Trader trader = schedule.poll();
			trader.act(trader.nextAt);
			schedule.add(trader);
		}
	}

	/** Calls {@link #advanceTo} with the clock's time every {@code period}, on its own thread. */
	public AutoCloseable drive(Clock clock, Duration period) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
			.name("trader-simulation").daemon().unstarted(r));
		executor.scheduleAtFixedRate(() -> {
			try {
				advanceTo(clock.instant());
			}
			catch (RuntimeException ex) {
				// One failed round (say, the engine shutting down) must not end the schedule silently.
				Thread current = Thread.currentThread();
				current.getUncaughtExceptionHandler().uncaughtException(current, ex);
			}
		}, 0, period.toNanos(), TimeUnit.NANOSECONDS);
		return () -> {
			executor.shutdown();
			executor.awaitTermination(10, TimeUnit.SECONDS);
		};
	}

	/** Traders logged in now, like the online list of a manager terminal. */
	public Set<Login> online() {
		return Set.copyOf(online);
	}

	public synchronized SimulationStats stats() {
		return new SimulationStats(logins, deposits, withdrawals, marketOrders, pendingOrders, modifications, closes,
				deletions, refusals);
	}

	private boolean count(TradeResult result) {
		lastCode = result.code();
		if (!result.isOk()) {
			refusals.merge(result.code(), 1L, Long::sum);
		}
		return result.isOk();
	}

	/** One trader's state and habits. */
	private final class Trader {

		final int login;
		final Login id;
		final SplittableRandom random;
		long nextAt;
		boolean registered;
		boolean isOnline;
		long sessionEnd;
		/** Deposits minus withdrawals: what is above it in equity is profit the trader may take out. */
		double netDeposits;

		Trader(int login, long seed) {
			this.login = login;
			this.id = Login.of(login);
			this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + login);
		}

		long exponential(Duration mean) {
			return Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) * mean.toMillis()));
		}

		void act(long time) {
			if (!isOnline) {
				logIn(time);
				return;
			}
			lastCode = ReturnCode.OK;
			if (time < sessionEnd) {
				trade(time);
			}
			// A closed market sends people away until later, like the end of the session does.
			if (time >= sessionEnd || lastCode == ReturnCode.TRADE_MARKET_CLOSED) {
				isOnline = false;
				online.remove(id);
				nextAt = time + exponential(config.meanOffline());
				return;
			}
			nextAt = time + exponential(config.meanThink());
		}

		private void logIn(long time) {
			if (!registered) {
				venue.putAccount(AccountConfig.of(login, config.group()));
				registered = true;
			}
			isOnline = true;
			online.add(id);
			logins++;
			sessionEnd = time + exponential(config.meanSession());
			AccountState account = venue.account(id).orElseThrow();
			if (account.equity() < config.medianDeposit() / 5) {
				deposit();
			}
			nextAt = time + exponential(config.meanThink());
		}

		private void trade(long time) {
			AccountState account = venue.account(id).orElseThrow();
			List<TradeRecord> orders = venue.openTrades(id);
			List<TradeRecord> positions = orders.stream().filter(t -> t.cmd().isMarket()).toList();
			List<TradeRecord> pending = orders.stream().filter(t -> t.cmd().isPending()).toList();
			int dice = random.nextInt(100);
			if (account.equity() < config.medianDeposit() / 10 && positions.isEmpty()) {
				deposit();
			}
			else if (dice < 35) {
				openMarket(account);
			}
			else if (dice < 50) {
				openPending(account, time);
			}
			else if (dice < 75 && !positions.isEmpty()) {
				TradeRecord position = positions.get(random.nextInt(positions.size()));
				if (count(venue.close(position.ticket()))) {
					closes++;
				}
			}
			else if (dice < 82 && !pending.isEmpty()) {
				if (count(venue.delete(pending.get(random.nextInt(pending.size())).ticket()))) {
					deletions++;
				}
			}
			else if (dice < 90 && !positions.isEmpty()) {
				moveStops(positions.get(random.nextInt(positions.size())));
			}
			else if (dice < 95) {
				withdraw(account);
			}
			else {
				deposit();
			}
		}

		private void deposit() {
			double amount = Math.max(50, Math.round(config.medianDeposit() * Math.exp(0.8 * random.nextGaussian()) / 10) * 10.0);
			if (count(venue.balance(id, amount, "Deposit"))) {
				deposits++;
				netDeposits += amount;
			}
		}

		/** Takes out part of the profit, or now and then part of a losing account to cut losses. */
		private void withdraw(AccountState account) {
			double profit = account.equity() - netDeposits;
			double base = profit > 0 ? profit : random.nextInt(10) == 0 ? account.freeMargin() : 0;
			double amount = Math.floor(Math.min(base, account.freeMargin()) * (0.3 + 0.7 * random.nextDouble()) / 10) * 10;
			if (amount >= 10 && count(venue.balance(id, -amount, "Withdrawal"))) {
				withdrawals++;
				netDeposits -= amount;
			}
		}

		private void openMarket(AccountState account) {
			String symbol = config.symbols().get(random.nextInt(config.symbols().size()));
			Optional<Quote> quote = venue.quote(symbol);
			Optional<SymbolConfig> spec = venue.symbol(symbol);
			if (quote.isEmpty() || spec.isEmpty()) {
				return; // no prices yet: a terminal greys out the order button
			}
			boolean buy = random.nextBoolean();
			OpenOrder order = OpenOrder.market(login, symbol, buy ? TradeCommand.BUY : TradeCommand.SELL,
					volume(account, spec.get(), quote.get()));
			OpenOrder withStops = order;
			if (random.nextInt(100) < 55) {
				double point = spec.get().point();
				int slPoints = 100 + random.nextInt(900);
				int tpPoints = (int) (slPoints * (0.5 + 2.5 * random.nextDouble()));
				Quote q = quote.get();
				withStops = order.withStops(buy ? q.bid() - slPoints * point : q.ask() + slPoints * point,
						buy ? q.ask() + tpPoints * point : q.bid() - tpPoints * point);
			}
			// Market execution takes no stops with the opening request: a terminal sets them right after the fill.
			boolean market = spec.get().execution() == SymbolConfig.Execution.MARKET;
			TradeResult result = venue.open(market ? order : withStops);
			if (count(result)) {
				marketOrders++;
				if (market && withStops != order && result.ticket() != null) {
					count(venue.modify(new ModifyOrder(result.ticket(), 0, withStops.sl(), withStops.tp(), null)));
				}
			}
		}

		private void openPending(AccountState account, long time) {
			String symbol = config.symbols().get(random.nextInt(config.symbols().size()));
			Optional<Quote> quote = venue.quote(symbol);
			Optional<SymbolConfig> spec = venue.symbol(symbol);
			if (quote.isEmpty() || spec.isEmpty()) {
				return;
			}
			TradeCommand cmd = TradeCommand.ofCode(2 + random.nextInt(4));
			double point = spec.get().point();
			double distance = (50 + random.nextInt(450)) * point;
			Quote q = quote.get();
			double price = switch (cmd) {
				case BUY_LIMIT -> q.ask() - distance;
				case SELL_LIMIT -> q.bid() + distance;
				case BUY_STOP -> q.ask() + distance;
				default -> q.bid() - distance;
			};
			OpenOrder order = OpenOrder.pending(login, symbol, cmd, volume(account, spec.get(), q), price);
			if (random.nextInt(100) < 60) {
				double stop = (100 + random.nextInt(900)) * point;
				order = order.withStops(cmd.isBuy() ? price - stop : price + stop,
						cmd.isBuy() ? price + 2 * stop : price - 2 * stop);
			}
			if (random.nextInt(100) < 30) {
				order = order.withExpiration(Instant.ofEpochMilli(time).plus(Duration.ofHours(1 + random.nextInt(24))));
			}
			if (count(venue.open(order))) {
				pendingOrders++;
			}
		}

		private void moveStops(TradeRecord position) {
			Optional<SymbolConfig> spec = venue.symbol(position.symbol());
			if (spec.isEmpty()) {
				return;
			}
			double point = spec.get().point();
			double market = position.closePrice();
			double sl = (100 + random.nextInt(600)) * point;
			double tp = (100 + random.nextInt(1200)) * point;
			boolean buy = position.cmd().isBuy();
			ModifyOrder request = new ModifyOrder(position.ticket(), 0, buy ? market - sl : market + sl,
					buy ? market + tp : market - tp, null);
			if (count(venue.modify(request))) {
				modifications++;
			}
		}

		/**
		 * A retail size, capped so that the margin stays under half the free margin. The margin
		 * estimate assumes a forex-style symbol and ignores crosses' conversion; when it is off, the
		 * engine refuses with NO_MONEY, which is also what happens to real clients.
		 */
		private int volume(AccountState account, SymbolConfig spec, Quote quote) {
			int total = 0;
			for (int weight : LOT_WEIGHTS) {
				total += weight;
			}
			int pick = random.nextInt(total);
			int lots = LOT_SIZES[LOT_SIZES.length - 1];
			for (int i = 0; i < LOT_SIZES.length; i++) {
				pick -= LOT_WEIGHTS[i];
				if (pick < 0) {
					lots = LOT_SIZES[i];
					break;
				}
			}
			// Margin currency = account currency (USDJPY for USD): no rate; quote = account (EURUSD): the price.
			double price = spec.marginCurrency().equals(account.currency()) ? 1
					: spec.profitCurrency().equals(account.currency()) ? quote.ask() : 1;
			double marginPerLot = spec.contractSize() * price / Math.max(1, account.leverage());
			int affordable = (int) Math.floor(account.freeMargin() * 0.5 / marginPerLot * 100);
			return Math.max(1, Math.min(lots, affordable));
		}
	}
}
