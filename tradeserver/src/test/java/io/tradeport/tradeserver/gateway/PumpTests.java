package io.tradeport.tradeserver.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.tradeport.gateway.v1.AddUserRequest;
import io.tradeport.gateway.v1.ConManager;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.gateway.v1.PumpGrpc;
import io.tradeport.gateway.v1.PumpRequest;
import io.tradeport.gateway.v1.Tick;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransType;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.gateway.v1.User;

class PumpTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	/** A pump client that keeps every event and the stream's end. */
	static final class Replica implements ClientResponseObserver<PumpRequest, PumpEvent> {

		final BlockingQueue<PumpEvent> events = new LinkedBlockingQueue<>();
		final CompletableFuture<Status> closed = new CompletableFuture<>();
		volatile Throwable error;
		final List<PumpEvent> seen = new ArrayList<>();
		ClientCallStreamObserver<PumpRequest> call;

		@Override
		public void beforeStart(ClientCallStreamObserver<PumpRequest> requestStream) {
			call = requestStream;
		}

		@Override
		public void onNext(PumpEvent event) {
			events.add(event);
		}

		@Override
		public void onError(Throwable t) {
			error = t;
			closed.complete(Status.fromThrowable(t));
		}

		@Override
		public void onCompleted() {
			closed.complete(Status.OK);
		}

		/** The next event matching {@code wanted}; the ones skipped are kept in {@link #seen} too. */
		PumpEvent next(Predicate<PumpEvent> wanted) throws InterruptedException {
			while (true) {
				PumpEvent event = events.poll(10, TimeUnit.SECONDS);
				assertThat(event).as("a pump event in time").isNotNull();
				seen.add(event);
				if (wanted.test(event)) {
					return event;
				}
			}
		}

		List<PumpEvent> snapshot() throws InterruptedException {
			next(e -> e.getPayloadCase() == PumpEvent.PayloadCase.SNAPSHOT_COMPLETE);
			return List.copyOf(seen);
		}
	}

	private Replica subscribe(Gateway.Manager manager, PumpRequest request) {
		Replica replica = new Replica();
		manager.pump().subscribe(request, replica);
		return replica;
	}

	private int open(int login, String symbol) {
		return admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
			.setOrderBy(login).setSymbol(symbol).setCmd(TradeCommand.BUY).setVolume(10).build()).getOrder();
	}

	@Test
	void theSnapshotComesFirstThenTicksAndTradeChangesInSequence() throws InterruptedException {
		int before = open(1002, "EURUSD");
		Replica replica = subscribe(admin, PumpRequest.getDefaultInstance());

		List<PumpEvent> snapshot = replica.snapshot();
		assertThat(snapshot.getFirst().getStart()).satisfies(start -> {
			assertThat(start.getGroups()).isEqualTo(3);
			assertThat(start.getSymbols()).isEqualTo(6);
			assertThat(start.getUsers()).isEqualTo(3);
			assertThat(start.getTrades()).isEqualTo(1);
			assertThat(start.getMarginLevels()).isEqualTo(3);
			assertThat(start.getQuotes()).isEqualTo(6);
			assertThat(start.getBufferCapacity()).isEqualTo(10_000);
		});
		assertThat(snapshot).hasSize(1 + 3 + 6 + 3 + 1 + 3 + 6 + 1);
		assertThat(snapshot).allSatisfy(e -> assertThat(e.getTrans()).isEqualTo(TransType.TRANS_SNAPSHOT));
		assertThat(snapshot).filteredOn(e -> e.hasTrade()).singleElement().satisfies(e -> assertThat(e.getTrade().getOrder()).isEqualTo(before));

		admin.market().sendTick(Tick.newBuilder().setSymbol("EURUSD").setBid(1.15900).setAsk(1.15914).build());
		PumpEvent tick = replica.next(PumpEvent::hasTick);
		int order = open(1001, "EURUSD");
		PumpEvent trade = replica.next(PumpEvent::hasTrade);

		assertThat(tick.getTick().getBid()).isEqualTo(1.159);
		assertThat(trade.getTrans()).isEqualTo(TransType.TRANS_ADD);
		assertThat(trade.getTrade().getOrder()).isEqualTo(order);
		assertThat(trade.getTrade().getOpenPrice()).isEqualTo(1.15914);
		admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_CLOSE).setOrder(order).build());
		PumpEvent closed = replica.next(PumpEvent::hasTrade);
		assertThat(closed.getTrans()).isEqualTo(TransType.TRANS_DELETE);
		assertThat(closed.getTrade().getOpen()).isFalse();
		for (int i = 0; i < replica.seen.size(); i++) {
			assertThat(replica.seen.get(i).getSequence()).isEqualTo(i + 1);
		}
	}

	@Test
	void marginLevelsArePushedWhenPricesMoveThem() throws InterruptedException {
		open(1001, "EURUSD");
		Replica replica = subscribe(admin, PumpRequest.newBuilder().setHideTicks(true).build());
		replica.snapshot();

		admin.market().sendTick(Tick.newBuilder().setSymbol("EURUSD").setBid(1.16500).setAsk(1.16514).build());

		PumpEvent margin = replica.next(e -> e.hasMarginLevel() && e.getMarginLevel().getLogin() == 1001);
		assertThat(margin.getMarginLevel().getEquity()).isEqualTo(10_000 + 0.1 * 100_000 * (1.165 - 1.15834), org.assertj.core.api.Assertions.within(0.01));
		assertThat(replica.seen).noneMatch(e -> e.hasTick() && e.getTrans() != TransType.TRANS_SNAPSHOT);
	}

	@Test
	void userGroupAndSymbolChangesArePumped() throws InterruptedException {
		Replica replica = subscribe(admin, PumpRequest.newBuilder().setHideTicks(true).setHideMargins(true).build());
		replica.snapshot();

		User user = admin.accounts().addUser(AddUserRequest.newBuilder().setUser(User.newBuilder().setGroup("demoforex").setName("Pumped")
			.setEnable(true)).setPassword("Pump1234").build());
		PumpEvent added = replica.next(PumpEvent::hasUser);
		var group = admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.GROUPS).setKey("demopro").build()).getRecords(0);
		admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.GROUPS).setPos(-1).setRecord(group).build());
		PumpEvent groupChanged = replica.next(PumpEvent::hasGroup);
		var symbol = admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setKey("US30").build()).getRecords(0);
		admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setPos(-1)
			.setRecord(ConfigRecord.newBuilder().setSymbol(symbol.getSymbol().toBuilder().setName("DE40"))).build());
		PumpEvent symbolAdded = replica.next(PumpEvent::hasSymbol);
		admin.accounts().deleteUser(LoginRef.newBuilder().setLogin(user.getLogin()).build());
		PumpEvent deleted = replica.next(PumpEvent::hasUser);

		assertThat(added.getTrans()).isEqualTo(TransType.TRANS_ADD);
		assertThat(added.getUser().getName()).isEqualTo("Pumped");
		assertThat(groupChanged.getTrans()).isEqualTo(TransType.TRANS_UPDATE);
		assertThat(symbolAdded.getTrans()).isEqualTo(TransType.TRANS_ADD);
		assertThat(symbolAdded.getSymbol().getName()).isEqualTo("DE40");
		assertThat(deleted.getTrans()).isEqualTo(TransType.TRANS_DELETE);
		assertThat(deleted.getUser().getLogin()).isEqualTo(user.getLogin());
	}

	@Test
	void aManagerIsPumpedOnlyItsGroupsAndTradesOnlyWithSeeTrades() throws InterruptedException {
		admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.MANAGERS).setPos(-1)
			.setRecord(ConfigRecord.newBuilder().setManager(ConManager.newBuilder().setLogin(11).setName("Pro desk")
				.setPassword("Prodesk1").setGroups("demopro"))).build());
		open(1003, "EURUSD");
		Replica replica = subscribe(gateway.login(11, "Prodesk1"), PumpRequest.getDefaultInstance());

		List<PumpEvent> snapshot = replica.snapshot();

		assertThat(snapshot).filteredOn(PumpEvent::hasUser).extracting(e -> e.getUser().getLogin()).containsExactly(1003);
		assertThat(snapshot).filteredOn(PumpEvent::hasMarginLevel).hasSize(1);
		assertThat(snapshot).noneMatch(PumpEvent::hasTrade);
	}

	@Test
	void subscribingNeedsASession() {
		Replica replica = new Replica();
		PumpGrpc.newStub(gateway.channel).subscribe(PumpRequest.getDefaultInstance(), replica);

		Status status = replica.closed.join();
		assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(Gateway.mtError(replica.error).getRetCode()).isEqualTo(6);
	}

	@Test
	void stoppingTheServerEndsThePumpWithUnavailable() throws InterruptedException {
		Replica replica = subscribe(admin, PumpRequest.getDefaultInstance());
		replica.snapshot();
		long started = System.nanoTime();

		gateway.server.close();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
		assertThat(replica.closed.join().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
		assertThat(Gateway.mtError(replica.error).getRetCode()).isEqualTo(6);
	}

	@Test
	void logoutAndChangesOfTheManagerEndItsStreams() throws InterruptedException {
		var dealer = gateway.dealer();
		Replica dealerPump = subscribe(dealer, PumpRequest.getDefaultInstance());
		Replica adminPump = subscribe(admin, PumpRequest.getDefaultInstance());
		dealerPump.snapshot();
		adminPump.snapshot();
		var dealerRecord = admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.MANAGERS).setKey("2").build()).getRecords(0);

		admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.MANAGERS).setPos(-1)
			.setRecord(dealerRecord.toBuilder().setManager(dealerRecord.getManager().toBuilder().setGroups("demopro"))).build());
		admin.session().logout(io.tradeport.gateway.v1.LogoutRequest.getDefaultInstance());

		assertThat(dealerPump.closed.join().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(Gateway.mtError(dealerPump.error).getRetCode()).isEqualTo(6);
		assertThat(adminPump.closed.join().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(gateway.server.context().pump.subscriberCount()).isZero();
	}

	@Test
	void aCancelledSubscriptionIsRemoved() throws InterruptedException {
		Replica replica = subscribe(admin, PumpRequest.getDefaultInstance());
		replica.snapshot();
		assertThat(gateway.server.context().pump.subscriberCount()).isEqualTo(1);

		replica.call.cancel("done", null);

		await().atMost(Duration.ofSeconds(5)).until(() -> gateway.server.context().pump.subscriberCount() == 0);
	}

	@Test
	void aSlowSubscriberIsClosedWhileTheEngineAndFastSubscribersCarryOn() throws Exception {
		Replica fast = subscribe(admin, PumpRequest.newBuilder().setHideMargins(true).build());
		fast.snapshot();
		// A client that reads one message and then nothing, on a channel with a small window.
		ManagedChannel slowChannel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.server.port()).usePlaintext()
			.flowControlWindow(16 * 1024).build();
		try {
			Metadata headers = new Metadata();
			headers.put(Metadata.Key.of(Sessions.HEADER, Metadata.ASCII_STRING_MARSHALLER), admin.token());
			var channel = ClientInterceptors.intercept(slowChannel, MetadataUtils.newAttachHeadersInterceptor(headers));
			ClientCall<PumpRequest, PumpEvent> slow = channel.newCall(PumpGrpc.getSubscribeMethod(), CallOptions.DEFAULT);
			CompletableFuture<Status> slowClosed = new CompletableFuture<>();
			List<PumpEvent> slowEvents = new ArrayList<>();
			slow.start(new ClientCall.Listener<>() {
				@Override
				public void onMessage(PumpEvent message) {
					slowEvents.add(message);
				}

				@Override
				public void onClose(Status status, Metadata trailers) {
					slowClosed.complete(status.withDescription(status.getDescription() + " | "
							+ Gateway.mtError(status.asRuntimeException(trailers)).getRetCode()));
				}
			}, new Metadata());
			slow.sendMessage(PumpRequest.getDefaultInstance());
			slow.halfClose();
			slow.request(1);
			await().atMost(Duration.ofSeconds(5)).until(() -> gateway.server.context().pump.subscriberCount() == 2);

			// 30,000 ticks in bursts; the fast client reads each burst, the slow one fills its window, then its buffer.
			long slowestBurst = 0;
			for (int burst = 0; burst < 30; burst++) {
				int first = burst * 1000;
				long started = System.nanoTime();
				gateway.server.context().engine.submitWrite(w -> {
					for (int i = 0; i < 1000; i++) {
						w.tick("EURUSD", 1.15 + (first + i) % 100 * 0.00001, 1.1502 + (first + i) % 100 * 0.00001);
					}
					return null;
				}).get(5, TimeUnit.SECONDS);
				slowestBurst = Math.max(slowestBurst, System.nanoTime() - started);
				for (int i = 0; i < 1000; i++) {
					fast.next(PumpEvent::hasTick);
				}
			}

			assertThat(Duration.ofNanos(slowestBurst)).as("an engine command of 1,000 ticks").isLessThan(Duration.ofSeconds(2));
			await().atMost(Duration.ofSeconds(10)).until(() -> gateway.server.context().pump.subscriberCount() == 1);
			assertThat(fast.closed).isNotDone();
			for (int i = 0; i < fast.seen.size(); i++) {
				assertThat(fast.seen.get(i).getSequence()).isEqualTo(i + 1);
			}
			slow.request(Integer.MAX_VALUE);
			Status status = slowClosed.get(10, TimeUnit.SECONDS);
			assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
			assertThat(status.getDescription()).contains("pump buffer overflow").endsWith("| 4");
		}
		finally {
			slowChannel.shutdownNow();
		}
	}
}
