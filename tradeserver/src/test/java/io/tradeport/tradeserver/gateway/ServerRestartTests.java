package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.grpc.Status;
import io.tradeport.gateway.v1.BalanceCheckRequest;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.LastTicksRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.PumpRequest;
import io.tradeport.gateway.v1.ServerCommand;
import io.tradeport.gateway.v1.ServerCommandRequest;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.Tick;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransactionType;

/**
 * Protocol 1.2: SrvRestart restarts the price feed and the timers, SrvFeedsRestart the feed alone,
 * while the engine, its journal, the sessions and the pump streams keep running.
 */
class ServerRestartTests {

	@TempDir
	Path dataDir;

	private static List<String> run(Gateway.Manager admin, ServerCommand command) {
		return admin.admin().runServerCommand(ServerCommandRequest.newBuilder().setCommand(command).build()).getLinesList();
	}

	private static int transact(Gateway.Manager admin, TradeTransactionRequest.Builder request) {
		return admin.trading().tradeTransaction(request.build()).getOrder();
	}

	private static long lastTick(Gateway.Manager admin, String symbol) {
		return admin.market().getLastTicks(LastTicksRequest.newBuilder().setSymbol(symbol).setLimit(1).build()).getTicks(0).getTime();
	}

	/** Moves the test clock and waits until the feed's ticks of {@code symbol} have caught up with it. */
	private static void feedCatchesUp(Gateway gateway, Gateway.Manager admin, String symbol) {
		gateway.clock.advance(Duration.ofSeconds(10));
		long now = gateway.clock.millis();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> lastTick(admin, symbol) >= now);
	}

	@Test
	void aSoftRestartKeepsTradesAndStreamsAndTheFeedThenQuotesTheSymbolsTheEngineHasNow() throws InterruptedException {
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withFeed(true))) {
			Gateway.Manager admin = gateway.admin();
			int position = transact(admin, TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
				.setOrderBy(1001).setSymbol("EURUSD").setCmd(TradeCommand.BUY).setVolume(10));
			Trade before = admin.trading().getTrade(TicketRef.newBuilder().setOrder(position).build());
			PumpTests.Replica replica = new PumpTests.Replica();
			admin.pump().subscribe(PumpRequest.getDefaultInstance(), replica);
			replica.snapshot();
			// A symbol added while the feed runs, with an opening quote: the running feed does not know it.
			Symbol eurusd = admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setKey("EURUSD").build())
				.getRecords(0).getSymbol();
			admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setPos(-1)
				.setRecord(ConfigRecord.newBuilder().setSymbol(eurusd.toBuilder().setName("EURUSDm"))).build());
			admin.market().sendTick(Tick.newBuilder().setSymbol("EURUSDm").setBid(1.15820).setAsk(1.15834).build());
			long opening = lastTick(admin, "EURUSDm");
			feedCatchesUp(gateway, admin, "EURUSD");
			assertThat(lastTick(admin, "EURUSDm")).isEqualTo(opening);

			List<String> lines = run(admin, ServerCommand.SRV_RESTART);

			assertThat(lines).anyMatch(l -> l.startsWith("engine timers restarted")).anyMatch(l -> l.startsWith("server timers restarted"))
				.contains("price feed restarted: 7 symbols from their last prices");
			feedCatchesUp(gateway, admin, "EURUSDm");
			assertThat(replica.next(e -> e.hasTick() && e.getTick().getSymbol().equals("EURUSDm") && e.getTick().getTime() > opening))
				.isNotNull();
			assertThat(replica.closed).isNotDone();
			Trade after = admin.trading().getTrade(TicketRef.newBuilder().setOrder(position).build());
			assertThat(after.getOpen()).isTrue();
			assertThat(after.getOpenPrice()).isEqualTo(before.getOpenPrice());
			assertThat(admin.accounts().getUser(LoginRef.newBuilder().setLogin(1001).build()).getBalance()).isEqualTo(10_000);
		}
	}

	@Test
	void theTimersRunAgainAfterARestartSoAPendingOrderStillExpires() {
		try (Gateway gateway = new Gateway()) {
			Gateway.Manager admin = gateway.admin();
			int order = transact(admin, TradeTransactionRequest.newBuilder().setType(TransactionType.TT_ORDER_PENDING_OPEN)
				.setOrderBy(1001).setSymbol("EURUSD").setCmd(TradeCommand.BUY_LIMIT).setVolume(10).setPrice(1.14000)
				.setExpiration(Gateway.TUESDAY_10_00.plus(Duration.ofMinutes(10)).toEpochMilli()));

			assertThat(run(admin, ServerCommand.SRV_RESTART)).contains("price feed: off on this server");
			gateway.clock.advance(Duration.ofMinutes(11));

			await().atMost(Duration.ofSeconds(10)).until(() -> !admin.trading().getTrade(TicketRef.newBuilder().setOrder(order)
				.build()).getOpen());
			assertThat(admin.trading().getTrade(TicketRef.newBuilder().setOrder(order).build()).getComment()).contains("[expired]");
		}
	}

	@Test
	void everyTransactionAcknowledgedAroundRestartsIsKeptAlsoAcrossAProcessRestart() throws InterruptedException {
		AtomicInteger acknowledged = new AtomicInteger();
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir).withFeed(true))) {
			Gateway.Manager admin = gateway.admin();
			AtomicBoolean running = new AtomicBoolean(true);
			Thread client = Thread.ofPlatform().start(() -> {
				while (running.get()) {
					transact(admin, TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE)
						.setCmd(TradeCommand.BALANCE).setOrderBy(1001).setPrice(1));
					acknowledged.incrementAndGet();
				}
			});
			for (int restart = 0; restart < 3; restart++) {
				int seen = acknowledged.get();
				await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.get() >= seen + 10);
				assertThat(run(admin, ServerCommand.SRV_RESTART)).hasSize(3);
			}
			running.set(false);
			client.join();

			assertThat(admin.accounts().getUser(LoginRef.newBuilder().setLogin(1001).build()).getBalance())
				.isEqualTo(10_000 + acknowledged.get());
		}
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir))) {
			Gateway.Manager admin = gateway.admin();
			assertThat(admin.accounts().getUser(LoginRef.newBuilder().setLogin(1001).build()).getBalance())
				.isEqualTo(10_000 + acknowledged.get());
			assertThat(admin.trading().checkBalance(BalanceCheckRequest.newBuilder().addLogins(1001).build()).getDiffs(0).getDiff())
				.isZero();
		}
	}

	@Test
	void theFeedRestartsAloneAndIsRefusedWhereThereIsNoFeed() {
		try (Gateway withFeed = new Gateway(TradeServerSettings.loopback().withFeed(true)); Gateway without = new Gateway()) {
			assertThat(run(withFeed.admin(), ServerCommand.SRV_FEEDS_RESTART)).containsExactly("price feed restarted: 6 symbols from their last prices");
			feedCatchesUp(withFeed, withFeed.admin(), "GBPUSD");

			var refused = refusal(() -> run(without.admin(), ServerCommand.SRV_FEEDS_RESTART));
			assertThat(refused.status()).isEqualTo(Status.Code.FAILED_PRECONDITION);
			assertThat(refused.retCode()).isEqualTo(2);
			assertThat(refusal(() -> run(without.dealer(), ServerCommand.SRV_RESTART)).retCode()).isEqualTo(7);
		}
	}
}
