package io.tradeport.tradeserver.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeport.gateway.v1.BalanceCheckRequest;
import io.tradeport.gateway.v1.BarsRequest;
import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.HistoryRequest;
import io.tradeport.gateway.v1.LastTicksRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.PlatformType;
import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.gateway.v1.PumpRequest;
import io.tradeport.gateway.v1.Timeframe;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.gateway.v1.User;
import io.tradeport.gateway.v1.UsersFilter;

/**
 * The server with its parts wired together: the price feed, the journal, the simulated traders and
 * the platform it presents. The feed and the traders run on the fixture's manual clock, so each
 * advance of it produces exactly the ticks and trader actions due by then.
 */
class WiredServerTests {

	@TempDir
	Path dataDir;

	@Test
	void theFeedsTicksGoThroughTheEngineToThePumpAndTheChartsAreBuiltFromThem() throws InterruptedException {
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withFeed(true))) {
			Gateway.Manager admin = gateway.admin();
			PumpTests.Replica replica = new PumpTests.Replica();
			admin.pump().subscribe(PumpRequest.getDefaultInstance(), replica);
			replica.snapshot();

			// The engine stamps each quote with its own clock when it applies it, so move time in steps
			// and let each step's ticks be applied before the next.
			long start = Gateway.TUESDAY_10_00.toEpochMilli();
			for (int step = 1; step <= 17; step++) {
				gateway.clock.advance(Duration.ofSeconds(10));
				long now = start + step * 10_000L;
				await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> admin.market()
					.getLastTicks(LastTicksRequest.newBuilder().setSymbol("EURUSD").setLimit(1).build()).getTicks(0).getTime() >= now);
			}

			PumpEvent tick = replica.next(e -> e.hasTick() && e.getTick().getSymbol().equals("EURUSD") && e.getTick().getTime() > start);
			assertThat(tick.getTick().getAsk()).isGreaterThan(tick.getTick().getBid());
			var bars = admin.market().getBars(BarsRequest.newBuilder().setSymbol("EURUSD").setTimeframe(Timeframe.M1)
				.setFrom(start).setTo(start + 180_000).build()).getBarsList();
			// About one tick a second: three minute bars (the first opened by the opening quote), each with a range.
			assertThat(bars).extracting(b -> b.getTime()).containsExactly(start, start + 60_000, start + 120_000);
			assertThat(bars).allSatisfy(b -> {
				assertThat(b.getVolume()).isGreaterThan(10);
				assertThat(b.getHigh()).isGreaterThan(b.getLow());
			});
			assertThat(admin.market().getTicks(io.tradeport.gateway.v1.TicksRequest.newBuilder().setSymbol("EURUSD")
				.setFrom(start + 1).setTo(start + 170_000).build()).getTicksCount()).isGreaterThan(100);
		}
	}

	@Test
	void itPresentsItselfAsAnMt5PlatformWhosePositionsOrdersAndDealsAreTheEnginesTrades() {
		try (Gateway mt5 = new Gateway(TradeServerSettings.loopback().withPlatform(TradeServerSettings.Platform.MT5));
				Gateway mt4 = new Gateway()) {
			assertThat(mt5.anonymous().getServerInfo(GetServerInfoRequest.getDefaultInstance()).getPlatform())
				.isEqualTo(PlatformType.PLATFORM_TYPE_MT5);
			assertThat(mt4.anonymous().getServerInfo(GetServerInfoRequest.getDefaultInstance()).getPlatform())
				.isEqualTo(PlatformType.PLATFORM_TYPE_MT4);

			Gateway.Manager admin = mt5.admin();
			int position = admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
				.setOrderBy(1001).setSymbol("EURUSD").setCmd(TradeCommand.BUY).setVolume(10).build()).getOrder();
			int order = admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_PENDING_OPEN)
				.setOrderBy(1001).setSymbol("EURUSD").setCmd(TradeCommand.BUY_LIMIT).setVolume(10).setPrice(1.0).build()).getOrder();
			int closed = admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
				.setOrderBy(1001).setSymbol("GBPUSD").setCmd(TradeCommand.SELL).setVolume(10).build()).getOrder();
			admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_CLOSE)
				.setOrderBy(1001).setOrder(closed).build());

			// Positions: open market trades; orders: open pending trades (MT5 PositionByGroup / OrderByGroup).
			var open = admin.trading().getOpenTrades(io.tradeport.gateway.v1.TradesFilter.newBuilder().setLogin(1001).build()).getTradesList();
			assertThat(open).filteredOn(t -> t.getCmd() == TradeCommand.BUY || t.getCmd() == TradeCommand.SELL)
				.extracting(Trade::getOrder).containsExactly(position);
			assertThat(open).filteredOn(t -> t.getCmd() == TradeCommand.BUY_LIMIT).extracting(Trade::getOrder).containsExactly(order);
			// Deals: the history's balance operations and closed trades (an "in" at open and an "out" at close).
			var history = admin.trading().getHistory(HistoryRequest.newBuilder().setLogin(1001).build()).getTradesList();
			assertThat(history).anySatisfy(t -> {
				assertThat(t.getCmd()).isEqualTo(TradeCommand.BALANCE);
				assertThat(t.getProfit()).isEqualTo(10_000);
			});
			assertThat(history).anySatisfy(t -> {
				assertThat(t.getOrder()).isEqualTo(closed);
				assertThat(t.getOpenTime()).isPositive();
				assertThat(t.getCloseTime()).isPositive();
			});
		}
	}

	@Test
	void withADataDirectoryEverythingAcknowledgedSurvivesARestartAndTheDemoIsSeededOnlyOnce() {
		int order;
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir))) {
			Gateway.Manager admin = gateway.admin();
			admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE)
				.setCmd(TradeCommand.BALANCE).setOrderBy(1001).setPrice(500).setComment("top-up").build());
			order = admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
				.setOrderBy(1003).setSymbol("EURUSD").setCmd(TradeCommand.BUY).setVolume(10).build()).getOrder();
		}

		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir))) {
			Gateway.Manager admin = gateway.admin();
			User trader = admin.accounts().getUser(LoginRef.newBuilder().setLogin(1001).build());
			assertThat(trader.getBalance()).as("demo deposit once, plus the top-up").isEqualTo(10_500);
			assertThat(trader.getName()).isEqualTo("Demo Trader");
			assertThat(admin.accounts().getUsers(UsersFilter.getDefaultInstance()).getUsersList()).hasSize(3);
			assertThat(admin.trading().getOpenTrades(io.tradeport.gateway.v1.TradesFilter.newBuilder().setLogin(1003).build())
				.getTradesList()).singleElement().satisfies(t -> assertThat(t.getOrder()).isEqualTo(order));
			int next = admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE)
				.setCmd(TradeCommand.BALANCE).setOrderBy(1002).setPrice(1).build()).getOrder();
			assertThat(next).as("tickets continue").isEqualTo(order + 1);
		}
	}

	@Test
	void simulatedTradersTradeThroughTheJournalAndTheirAccountsAndHistorySurviveARestart() {
		Set<Integer> logins;
		Set<Integer> closedTickets;
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir).withFeed(true)
			.withSimulatedTraders(20).withSessionIdleTimeout(Duration.ofDays(7)))) {
			Gateway.Manager admin = gateway.admin();
			for (int hour = 0; hour < 6; hour++) {
				gateway.clock.advance(Duration.ofHours(1));
				await().atMost(Duration.ofSeconds(20)).until(() -> !traders(admin).isEmpty());
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> traderHistory(admin).stream()
				.anyMatch(t -> t.getCmd() != TradeCommand.BALANCE));
			logins = traders(admin).stream().map(User::getLogin).collect(Collectors.toSet());
			// Closed records never change again, so they can be compared across the restart while the crowd trades on.
			closedTickets = traderHistory(admin).stream().map(Trade::getOrder).collect(Collectors.toSet());
		}

		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir))) {
			Gateway.Manager admin = gateway.admin();
			assertThat(traders(admin)).extracting(User::getLogin).containsAll(logins);
			assertThat(traderHistory(admin)).extracting(Trade::getOrder).containsAll(closedTickets);
			assertThat(admin.trading().checkBalance(BalanceCheckRequest.newBuilder().addAllLogins(logins).build()).getDiffsList())
				.allSatisfy(d -> assertThat(d.getDiff()).isZero());
		}
	}

	private static List<Trade> traderHistory(Gateway.Manager admin) {
		return admin.trading().getHistory(HistoryRequest.newBuilder().setGroupMask("demoforex").build()).getTradesList().stream()
			.filter(t -> t.getLogin() >= 100_000)
			.toList();
	}

	private static List<User> traders(Gateway.Manager admin) {
		return admin.accounts().getUsers(UsersFilter.getDefaultInstance()).getUsersList().stream()
			.filter(u -> u.getLogin() >= 100_000)
			.toList();
	}
}
