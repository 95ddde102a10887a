package io.tradeport.tradeserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.AddUserRequest;
import io.tradeport.gateway.v1.BalanceCheckRequest;
import io.tradeport.gateway.v1.CheckPasswordRequest;
import io.tradeport.gateway.v1.ConHoliday;
import io.tradeport.gateway.v1.ConManager;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.GetCurrentManagerRequest;
import io.tradeport.gateway.v1.HistoryRequest;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.SetPasswordRequest;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradesFilter;
import io.tradeport.gateway.v1.TradingGrpc;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.gateway.v1.User;
import io.tradeport.tradeserver.config.DemoPlatform;

/**
 * The runnable server as a broker runs it ({@link TradeServerMain} with a data directory and the
 * live feed) in a child JVM, driven through a real gRPC client and killed with SIGKILL under load.
 * After a restart on the same directory every transaction the gateway acknowledged is there with
 * its ticket and amount, nothing is there twice, and the balances add up; and so is every change
 * to the server-side stores (managers, configuration, passwords) acknowledged just before the kill.
 */
class TradeServerCrashTests {

	private static final int CLIENTS = 4;
	private static final Pattern PORT = Pattern.compile("gateway port:\\s+(\\d+)");

	@TempDir
	Path directory;

	/** One acknowledged transaction: its ticket, what it was and, for money, the amount. */
	private record Ack(int login, int ticket, String kind, double amount) {
	}

	/** A child server and a manager session on it. */
	private static final class Child implements AutoCloseable {

		final Process process;
		final ManagedChannel channel;
		final TradingGrpc.TradingBlockingStub trading;
		final AccountsGrpc.AccountsBlockingStub accounts;
		final ConfigurationGrpc.ConfigurationBlockingStub config;

		Child(Path data, Path stderr) throws Exception {
			process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
					"-cp", System.getProperty("java.class.path"), TradeServerMain.class.getName(),
					"--host", "127.0.0.1", "--port", "0", "--data-dir", data.toString(), "--traders", "0")
				.redirectError(stderr.toFile())
				.start();
			CompletableFuture<Integer> port = new CompletableFuture<>();
			// Keeps reading stdout so the child never blocks on a full pipe.
			Thread.ofVirtual().start(() -> {
				try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = reader.readLine()) != null) {
						Matcher matcher = PORT.matcher(line);
						if (matcher.find()) {
							port.complete(Integer.parseInt(matcher.group(1)));
						}
					}
				}
				catch (java.io.IOException ex) {
					// The child died; the port future below times out or was completed already.
				}
				port.completeExceptionally(new IllegalStateException("the child ended without printing its port"));
			});
			int gatewayPort;
			try {
				gatewayPort = port.get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				process.destroyForcibly().waitFor();
				throw new AssertionError("child did not start; stderr: " + Files.readString(stderr), ex);
			}
			channel = NettyChannelBuilder.forAddress("127.0.0.1", gatewayPort).usePlaintext().build();
			String token = ManagerSessionGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder()
				.setLogin(DemoPlatform.ADMIN_LOGIN).setPassword(DemoPlatform.DEFAULT_ADMIN_PASSWORD).build()).getSessionToken();
			Metadata headers = new Metadata();
			headers.put(Metadata.Key.of("x-tradeport-session", Metadata.ASCII_STRING_MARSHALLER), token);
			var auth = MetadataUtils.newAttachHeadersInterceptor(headers);
			trading = TradingGrpc.newBlockingStub(channel).withInterceptors(auth);
			accounts = AccountsGrpc.newBlockingStub(channel).withInterceptors(auth);
			config = ConfigurationGrpc.newBlockingStub(channel).withInterceptors(auth);
		}

		TradingGrpc.TradingBlockingStub trading() {
			return trading.withDeadlineAfter(10, TimeUnit.SECONDS);
		}

		@Override
		public void close() throws InterruptedException {
			channel.shutdownNow();
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void everyTransactionAcknowledgedThroughTheGatewaySurvivesAKillDashNineAndNothingIsDuplicated() throws Exception {
		Path data = directory.resolve("ts-data");
		Path stderr = directory.resolve("child-stderr.txt");
		List<Integer> logins = new ArrayList<>();
		List<Ack> acks = new ArrayList<>();
		AtomicInteger inFlight = new AtomicInteger();

		try (Child child = new Child(data, stderr)) {
			for (int i = 0; i < CLIENTS; i++) {
				User user = child.accounts.addUser(AddUserRequest.newBuilder()
					.setUser(User.newBuilder().setGroup("demoforex").setEnable(true).setName("Crash " + i))
					.setPassword("Crash1234").build());
				logins.add(user.getLogin());
			}
			List<Ack> acknowledged = java.util.Collections.synchronizedList(acks);
			// Kill once 400 operations are acknowledged, or after 6 s of load, whichever comes first.
			CountDownLatch count = new CountDownLatch(400);
			List<Thread> clients = new ArrayList<>();
			for (int login : logins) {
				clients.add(Thread.ofPlatform().start(() -> load(child, login, acknowledged, count, inFlight)));
			}
			count.await(6, TimeUnit.SECONDS);
			// SIGKILL: no shutdown hook, no flush; whatever was acknowledged must be on disk.
			child.process.toHandle().destroyForcibly();
			for (Thread client : clients) {
				client.join(20_000);
			}
			child.process.waitFor(10, TimeUnit.SECONDS);
			assertThat(child.process.exitValue()).isEqualTo(137);
		}
		List<Ack> before = List.copyOf(acks);
		System.out.printf("server crash test: %d acknowledged (%d opens) before the kill%n", before.size(),
				before.stream().filter(a -> a.kind().equals("open")).count());
		assertThat(before).as("acknowledged before the kill; stderr: %s", Files.readString(stderr))
			.filteredOn(a -> a.kind().equals("balance")).hasSizeGreaterThan(20);

		try (Child child = new Child(data, stderr)) {
			Map<Integer, Trade> seen = new HashMap<>();
			List<Integer> duplicates = new ArrayList<>();
			for (int login : logins) {
				List<Trade> trades = new ArrayList<>(child.trading().getHistory(HistoryRequest.newBuilder().setLogin(login).build())
					.getTradesList());
				trades.addAll(child.trading().getOpenTrades(TradesFilter.newBuilder().setLogin(login).build()).getTradesList());
				for (Trade trade : trades) {
					if (seen.put(trade.getOrder(), trade) != null) {
						duplicates.add(trade.getOrder());
					}
				}
			}
			assertThat(duplicates).as("tickets seen twice").isEmpty();

			for (Ack ack : before) {
				Trade trade = seen.get(ack.ticket());
				assertThat(trade).as("acknowledged %s", ack).isNotNull();
				assertThat(trade.getLogin()).isEqualTo(ack.login());
				switch (ack.kind()) {
					case "balance" -> {
						assertThat(trade.getCmd()).isEqualTo(TradeCommand.BALANCE);
						assertThat(trade.getProfit()).isEqualTo(ack.amount());
					}
					case "open" -> assertThat(trade.getCmd()).isEqualTo(TradeCommand.BUY);
					case "close" -> assertThat(trade.getCloseTime()).as("closed %s", ack).isPositive();
					default -> throw new AssertionError(ack.kind());
				}
			}
			// Only a transaction in flight at the kill may be there without its acknowledgement.
			Set<Integer> acknowledgedTickets = new HashSet<>();
			before.forEach(a -> acknowledgedTickets.add(a.ticket()));
			long unacknowledgedBalances = seen.values().stream()
				.filter(t -> t.getCmd() == TradeCommand.BALANCE && !acknowledgedTickets.contains(t.getOrder()))
				.count();
			assertThat(unacknowledgedBalances).isLessThanOrEqualTo(inFlight.get());
			// Balance = initial deposit + deposits/withdrawals + closed profits, per MT4's balance check.
			assertThat(child.trading().checkBalance(BalanceCheckRequest.newBuilder().addAllLogins(logins).build()).getDiffsList())
				.hasSize(CLIENTS)
				.allSatisfy(d -> assertThat(d.getDiff()).isZero());

			// And the server carries on with fresh tickets.
			int next = child.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE)
				.setCmd(TradeCommand.BALANCE).setOrderBy(logins.getFirst()).setPrice(1).build()).getOrder();
			assertThat(seen).doesNotContainKey(next);
		}
	}

	@Test
	void serverSideChangesAcknowledgedThroughTheGatewaySurviveAKillDashNineRightAfterTheAcknowledgement() throws Exception {
		Path data = directory.resolve("ts-data");
		Path stderr = directory.resolve("child-stderr.txt");
		ConHoliday newYear = ConHoliday.newBuilder().setYear(2027).setMonth(1).setDay(1).setTo(1440).setSymbol("*")
			.setDescription("New Year").setEnable(true).build();
		try (Child child = new Child(data, stderr)) {
			child.config.update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.HOLIDAYS).setPos(0)
				.setRecord(ConfigRecord.newBuilder().setHoliday(newYear)).build());
			child.accounts.setPassword(SetPasswordRequest.newBuilder().setLogin(1001).setPassword("AfterKill1").build());
			child.config.update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.MANAGERS).setPos(-1)
				.setRecord(ConfigRecord.newBuilder().setManager(ConManager.newBuilder().setLogin(88).setName("Risk")
					.setPassword("Risk8888").setGroups("*").setRiskMan(true))).build());
			// SIGKILL as soon as the last change is acknowledged: no shutdown hook, no flush.
			child.process.toHandle().destroyForcibly();
			child.process.waitFor(10, TimeUnit.SECONDS);
			assertThat(child.process.exitValue()).isEqualTo(137);
		}
		try (Child child = new Child(data, stderr)) {
			String token = ManagerSessionGrpc.newBlockingStub(child.channel).login(LoginRequest.newBuilder()
				.setLogin(88).setPassword("Risk8888").build()).getSessionToken();
			Metadata headers = new Metadata();
			headers.put(Metadata.Key.of("x-tradeport-session", Metadata.ASCII_STRING_MARSHALLER), token);
			ConManager risk = ManagerSessionGrpc.newBlockingStub(child.channel)
				.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
				.getCurrentManager(GetCurrentManagerRequest.getDefaultInstance());
			assertThat(risk.getName()).isEqualTo("Risk");
			assertThat(risk.getRiskMan()).isTrue();
			assertThat(child.config.request(ConfigRequest.newBuilder().setSection(ConfigSection.HOLIDAYS).build())
				.getRecordsList()).extracting(ConfigRecord::getHoliday).containsExactly(newYear);
			assertThat(child.accounts.checkPassword(CheckPasswordRequest.newBuilder().setLogin(1001).setPassword("AfterKill1")
				.build()).getValid()).isTrue();
		}
	}

	/**
	 * One client: a deposit, then buys of 0.01 lot, closes of the oldest position and small
	 * withdrawals, recording each transaction only once the gateway acknowledged it. Opens are
	 * refused while the market is closed (weekends); those are simply not acknowledged.
	 */
	private static void load(Child child, int login, List<Ack> acks, CountDownLatch count, AtomicInteger inFlight) {
		List<Integer> open = new ArrayList<>();
		Map<String, Integer> refusals = new ConcurrentHashMap<>();
		inFlight.incrementAndGet();
		try {
			balance(child, login, 10_000, acks, count);
			for (int i = 0; ; i++) {
				if (i % 4 == 3) {
					balance(child, login, -10, acks, count);
				}
				else if (i % 4 == 2 && !open.isEmpty()) {
					int ticket = open.removeFirst();
					int result = transact(child, TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_CLOSE)
						.setOrderBy(login).setOrder(ticket).build(), refusals);
					if (result > 0) {
						acks.add(new Ack(login, ticket, "close", 0));
						count.countDown();
					}
				}
				else {
					int ticket = transact(child, TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
						.setOrderBy(login).setSymbol("EURUSD").setCmd(TradeCommand.BUY).setVolume(1).build(), refusals);
					if (ticket > 0) {
						open.add(ticket);
						acks.add(new Ack(login, ticket, "open", 0));
						count.countDown();
					}
				}
			}
		}
		catch (StatusRuntimeException dead) {
			// The server was killed: this client's last call is the one in flight.
		}
	}

	private static void balance(Child child, int login, double amount, List<Ack> acks, CountDownLatch count) {
		int ticket = child.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE)
			.setCmd(TradeCommand.BALANCE).setOrderBy(login).setPrice(amount).setComment("crash test").build()).getOrder();
		acks.add(new Ack(login, ticket, "balance", amount));
		count.countDown();
	}

	/** The ticket, or 0 for a business refusal; a dead server throws. */
	private static int transact(Child child, TradeTransactionRequest request, Map<String, Integer> refusals) {
		try {
			return child.trading().tradeTransaction(request).getOrder();
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE
					|| ex.getStatus().getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED
					|| ex.getStatus().getCode() == io.grpc.Status.Code.CANCELLED
					|| ex.getStatus().getCode() == io.grpc.Status.Code.UNKNOWN
					|| ex.getStatus().getCode() == io.grpc.Status.Code.INTERNAL) {
				throw ex;
			}
			refusals.merge(ex.getStatus().getCode().name(), 1, Integer::sum);
			return 0;
		}
	}
}
