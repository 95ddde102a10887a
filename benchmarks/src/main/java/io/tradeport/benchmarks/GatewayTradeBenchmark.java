package io.tradeport.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.AddUserRequest;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.MarginFilter;
import io.tradeport.gateway.v1.MarginLevel;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionReply;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradesFilter;
import io.tradeport.gateway.v1.TradingGrpc;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.gateway.v1.User;
import io.tradeport.tradeserver.config.DemoPlatform;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

/**
 * Trade transactions through the manager gateway: an embedded demo {@link TradeServer} on loopback
 * and a real gRPC client in the same JVM (so client and server share the machine's cores, as the
 * cloud and an embedded server do). Each caller is a dealer session acting for its own funded
 * account: TT_BR_ORDER_OPEN of 0.1 lot at the market, then TT_BR_ORDER_CLOSE, round the demo
 * symbols. Every transaction does the full work: session and rights, the engine command on the
 * engine thread (validation, margin check, margin and profit recalculated), the journal line and
 * the pump, quote and history events.
 *
 * <p>The accounts are created with AddUser and funded with TT_BR_BALANCE first, as a broker would.
 * All callers share one channel (one HTTP/2 connection), as the cloud does with its server.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class GatewayTradeBenchmark {

	private static final Metadata.Key<String> SESSION = Metadata.Key.of("x-tradeport-session",
			Metadata.ASCII_STRING_MARSHALLER);

	private TradeServer server;
	private ManagedChannel channel;
	private TradingGrpc.TradingBlockingStub trading;
	private Trader.Transactions transactions;
	private final AtomicInteger logins = new AtomicInteger();

	@Setup
	public void start() {
		server = TradeServer.start(TradeServerSettings.loopback().withClock(Tuesday.clock()));
		channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
		String token = ManagerSessionGrpc.newBlockingStub(channel)
			.login(LoginRequest.newBuilder()
				.setLogin(DemoPlatform.ADMIN_LOGIN)
				.setPassword(DemoPlatform.DEFAULT_ADMIN_PASSWORD)
				.build())
			.getSessionToken();
		Metadata headers = new Metadata();
		headers.put(SESSION, token);
		var session = MetadataUtils.newAttachHeadersInterceptor(headers);
		trading = TradingGrpc.newBlockingStub(channel).withInterceptors(session);
		AccountsGrpc.AccountsBlockingStub accounts = AccountsGrpc.newBlockingStub(channel).withInterceptors(session);
		for (int i = 0; i < Trader.ACCOUNTS; i++) {
			int login = Trader.FIRST_LOGIN + i;
			accounts.addUser(AddUserRequest.newBuilder()
				.setUser(User.newBuilder().setLogin(login).setGroup(Trader.GROUP).setName("Bench " + login).setEnable(true))
				.setPassword("Bench1234")
				.build());
			trading.tradeTransaction(TradeTransactionRequest.newBuilder()
				.setType(TransactionType.TT_BR_BALANCE)
				.setCmd(TradeCommand.BALANCE)
				.setOrderBy(login)
				.setPrice(Trader.DEPOSIT)
				.setComment("Deposit")
				.build());
		}
		transactions = new Trader.Transactions() {
			@Override
			public int open(int login, String symbol, boolean buy) {
				return require(trading.tradeTransaction(TradeTransactionRequest.newBuilder()
					.setType(TransactionType.TT_BR_ORDER_OPEN)
					.setCmd(buy ? TradeCommand.BUY : TradeCommand.SELL)
					.setOrderBy(login)
					.setSymbol(symbol)
					.setVolume(Trader.VOLUME)
					.build()));
			}

			@Override
			public void close(int ticket) {
				require(trading.tradeTransaction(TradeTransactionRequest.newBuilder()
					.setType(TransactionType.TT_BR_ORDER_CLOSE)
					.setOrder(ticket)
					.build()));
			}
		};
	}

	/**
	 * Shows the margin really moved with the trades: once the positions the callers left open are
	 * closed, every account they used has no margin left and has paid the spread of every round trip.
	 * Done here rather than per caller because JMH does not order the callers' tear-downs before this one.
	 */
	@TearDown
	public void stop() {
		List<Integer> used = new ArrayList<>();
		for (int i = 0; i < logins.get(); i++) {
			used.add(Trader.FIRST_LOGIN + i);
		}
		for (int login : used) {
			for (Trade trade : trading.getOpenTrades(TradesFilter.newBuilder().setLogin(login).build()).getTradesList()) {
				transactions.close(trade.getOrder());
			}
		}
		if (!used.isEmpty()) {
			List<MarginLevel> levels = trading.getMarginLevels(MarginFilter.newBuilder().addAllLogins(used).build())
				.getLevelsList();
			double margin = levels.stream().mapToDouble(MarginLevel::getMargin).sum();
			double paid = levels.stream().mapToDouble(l -> Trader.DEPOSIT - l.getBalance()).sum();
			System.out.printf("%n[gateway] %d accounts after the trial: margin %.2f, spreads paid %.2f USD%n",
					levels.size(), margin, paid);
			if (margin != 0 || !(paid > 0)) {
				throw new IllegalStateException("margin levels did not follow the trades: margin " + margin);
			}
		}
		channel.shutdownNow();
		server.close();
	}

	@State(Scope.Thread)
	public static class Caller {

		Trader trader;

		@Setup
		public void assign(GatewayTradeBenchmark benchmark) {
			trader = new Trader(benchmark.logins);
		}
	}

	@Benchmark
	public int transaction(Caller caller) {
		return caller.trader.next(transactions);
	}

	private static int require(TradeTransactionReply reply) {
		// Refusals arrive as gRPC errors and fail the run; a success always carries the ticket.
		if (reply.getRetCode() != 0 || reply.getOrder() == 0) {
			throw new IllegalStateException("transaction answered " + reply.getRetName());
		}
		return reply.getOrder();
	}
}
