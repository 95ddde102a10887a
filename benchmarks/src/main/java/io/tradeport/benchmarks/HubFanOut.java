package io.tradeport.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.MarketDataGrpc;
import io.tradeport.gateway.v1.SendTickReply;
import io.tradeport.gateway.v1.Tick;

/**
 * {@code bench/realtime}'s load tool: N WebSocket clients (the JDK's {@link HttpClient}) that do what a SignalR JSON
 * client does on {@code /hubs/mt4/v2} without negotiation (handshake, {@code SubscribeToTicks(symbol)}, a ping every
 * 10 s), and a tick generator at a fixed rate R. Each client counts the {@code OnTick} records it receives and records
 * receipt wall time − the record's {@code lastTime} in one HdrHistogram, over a window after a warm-up.
 *
 * <p>Two targets, same clients, same generator pacing, same record text:
 * <ul>
 * <li>{@code --mode=hub}: ticks go to the trade server's gateway as a manager ({@code MarketData.SendTick}); the
 * trade server stamps {@code lastTime} when its engine applies the tick, the cloud's pump receives it and the hub
 * writes it once to the symbol's group.</li>
 * <li>{@code --mode=raw}: the generator writes the OnTick record itself (lastTime = its send time) to
 * {@link RawBroadcast}'s {@code /feed}, which writes it to every client.</li>
 * </ul>
 * Only the generator's ticks are counted: their bid is 3.00000–3.49999 (EURUSD's feed is near 1.16), so the demo
 * feed's own ticks on the symbol are told apart (and counted separately as "other").
 *
 * <p>Options ({@code --name=value}): mode, url (the WebSocket URL, query included), n (1000), rate (100 ticks/s),
 * warmup (10 s), seconds (30), clients (HttpClients the connections are spread over, 4), threads (their shared
 * executor, 2), symbol (EURUSD); hub: gateway (host:port), login (1), password; raw: feed (ws URL of /feed).
 * Prints one {@code result …} line of key=value pairs.
 */
public final class HubFanOut {

	private static final char RS = '\u001e';
	private static final String HANDSHAKE = "{\"protocol\":\"json\",\"version\":1}" + RS;
	private static final String PING = "{\"type\":6}" + RS;
	private static final Metadata.Key<String> SESSION = Metadata.Key.of("x-tradeport-session", Metadata.ASCII_STRING_MARSHALLER);

	private static final Recorder latencies = new Recorder(3);
	private static final LongAdder delivered = new LongAdder();
	private static final LongAdder others = new LongAdder();
	private static final AtomicInteger ready = new AtomicInteger();
	private static final AtomicInteger closed = new AtomicInteger();
	private static volatile boolean measuring;

	/** One client connection; the JDK calls a listener for one WebSocket at a time. */
	static final class Connection implements WebSocket.Listener {

		private final String subscribe;
		private final CountDownLatch subscribed;
		private final StringBuilder pending = new StringBuilder();
		private volatile WebSocket socket;
		private boolean handshaken;
		private boolean isReady;
		private String cachedSecond = "";
		private long cachedEpochSecond;

		Connection(String symbol, CountDownLatch subscribed) {
			this.subscribe = "{\"type\":1,\"invocationId\":\"1\",\"target\":\"SubscribeToTicks\",\"arguments\":[\"" + symbol + "\"]}" + RS;
			this.subscribed = subscribed;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			socket = webSocket;
			webSocket.sendText(HANDSHAKE, true);
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			Instant now = Instant.now();
			pending.append(data);
			int start = 0;
			for (int i = 0; i < pending.length(); i++) {
				if (pending.charAt(i) == RS) {
					record(pending, start, i, now);
					start = i + 1;
				}
			}
			pending.delete(0, start);
			webSocket.request(1);
			return null;
		}

		private void record(CharSequence text, int from, int to, Instant now) {
			if (!handshaken) {
				handshaken = true;
				socket.sendText(subscribe, true);
				return;
			}
			var record = text.subSequence(from, to).toString();
			if (record.startsWith("{\"type\":3")) {
				if (!isReady) {
					isReady = true;
					ready.incrementAndGet();
					subscribed.countDown();
				}
				return;
			}
			if (!record.contains("\"target\":\"OnTick\"")) {
				return;   // pings, OnConnectionStatus
			}
			int bid = record.indexOf("\"bid\":");
			if (bid < 0 || record.charAt(bid + 6) != '3') {
				others.increment();
				return;
			}
			if (!measuring) {
				return;
			}
			int time = record.indexOf("\"lastTime\":\"") + 12;
			long tickMicros = epochMillis(record, time) * 1000;
			long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
			latencies.recordValue(Math.max(0, nowMicros - tickMicros));
			delivered.increment();
		}

		/** ISO-8601 instant as Instant.toString writes it: yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z. */
		private long epochMillis(String text, int at) {
			var second = text.substring(at, at + 19);
			if (!second.equals(cachedSecond)) {
				cachedEpochSecond = LocalDateTime.parse(second).toEpochSecond(ZoneOffset.UTC);
				cachedSecond = second;
			}
			int millis = 0;
			if (text.charAt(at + 19) == '.') {
				millis = (text.charAt(at + 20) - '0') * 100 + (text.charAt(at + 21) - '0') * 10 + (text.charAt(at + 22) - '0');
			}
			return cachedEpochSecond * 1000 + millis;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.incrementAndGet();
			System.err.println("closed by the server: " + statusCode + " " + reason);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed.incrementAndGet();
			System.err.println("connection failed: " + error);
		}
	}

	/** Sends one tick; {@code seq} makes the bid distinct. */
	interface Generator extends AutoCloseable {

		void send(long seq) throws Exception;

		@Override
		default void close() {
		}
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (var arg : args) {
			var kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		var mode = options.getOrDefault("mode", "hub");
		var url = URI.create(options.get("url"));
		int n = Integer.parseInt(options.getOrDefault("n", "1000"));
		int rate = Integer.parseInt(options.getOrDefault("rate", "100"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
		int clientCount = Integer.parseInt(options.getOrDefault("clients", "4"));
		int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
		var symbol = options.getOrDefault("symbol", "EURUSD");

		ExecutorService executor = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("ws-", 0).factory());
		List<HttpClient> clients = new ArrayList<>();
		for (int i = 0; i < clientCount; i++) {
			clients.add(HttpClient.newBuilder().executor(executor).build());
		}
		var subscribed = new CountDownLatch(n);
		var connections = new ArrayList<Connection>();
		var opening = new Semaphore(50);
		long connectStart = System.nanoTime();
		for (int i = 0; i < n; i++) {
			var connection = new Connection(symbol, subscribed);
			connections.add(connection);
			opening.acquire();
			clients.get(i % clientCount).newWebSocketBuilder().buildAsync(url, connection).whenComplete((ws, error) -> {
				opening.release();
				if (error != null) {
					closed.incrementAndGet();
					System.err.println("connect failed: " + error);
				}
			});
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!subscribed.await(200, TimeUnit.MILLISECONDS) && ready.get() + closed.get() < n && System.nanoTime() < deadline) {
			// until every connection is subscribed or has failed
		}
		if (ready.get() == 0) {
			System.err.println(mode + ": no connection subscribed");
			System.exit(1);
		}
		System.err.printf("%s: %d of %d connections subscribed in %.1f s%n", mode, ready.get(), n,
				(System.nanoTime() - connectStart) / 1e9);
		var pinger = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
		pinger.scheduleAtFixedRate(() -> connections.forEach(c -> {
			var ws = c.socket;
			if (ws != null && !ws.isOutputClosed()) {
				try {
					ws.sendText(PING, true);
				}
				catch (IllegalStateException busy) {
					// a previous send still in progress
				}
			}
		}), 10, 10, TimeUnit.SECONDS);

		var sent = new AtomicLong();
		var sendErrors = new AtomicLong();
		try (Generator generator = "raw".equals(mode) ? raw(URI.create(options.get("feed")), symbol)
				: hub(options.get("gateway"), Integer.parseInt(options.getOrDefault("login", "1")), options.get("password"), symbol,
						sendErrors)) {
			var running = new java.util.concurrent.atomic.AtomicBoolean(true);
			var pacer = Thread.ofPlatform().name("tick-generator").start(() -> {
				long period = 1_000_000_000L / rate;
				long next = System.nanoTime();
				long seq = 0;
				while (running.get()) {
					try {
						generator.send(seq++);
						sent.incrementAndGet();
					}
					catch (Exception e) {
						sendErrors.incrementAndGet();
					}
					next += period;
					long wait = next - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
				}
			});
			measuring = true;
			Thread.sleep(warmup * 1000L);
			latencies.getIntervalHistogram();   // drop the warm-up
			delivered.reset();
			others.reset();
			int closedBefore = closed.get();
			long sentBefore = sent.get();
			long t0 = System.nanoTime();
			Thread.sleep(seconds * 1000L);
			Histogram window = latencies.getIntervalHistogram();
			long count = delivered.sumThenReset();
			double elapsed = (System.nanoTime() - t0) / 1e9;
			long sentInWindow = sent.get() - sentBefore;
			long otherTicks = others.sum();
			running.set(false);
			pacer.join();
			System.out.printf(java.util.Locale.ROOT,
					"result mode=%s n=%d subscribed=%d rate=%d seconds=%.1f sent=%d expected=%d delivered=%d msgsPerSec=%.0f "
							+ "p50ms=%.3f p90ms=%.3f p99ms=%.3f p999ms=%.3f maxms=%.3f other=%d closedInWindow=%d sendErrors=%d%n",
					mode, n, ready.get(), rate, elapsed, sentInWindow, sentInWindow * ready.get(), count, count / elapsed,
					window.getValueAtPercentile(50) / 1000.0, window.getValueAtPercentile(90) / 1000.0,
					window.getValueAtPercentile(99) / 1000.0, window.getValueAtPercentile(99.9) / 1000.0, window.getMaxValue() / 1000.0,
					otherTicks, closed.get() - closedBefore, sendErrors.get());
		}
		pinger.shutdownNow();
		var closing = new ArrayList<CompletableFuture<?>>();
		for (var c : connections) {
			if (c.socket != null) {
				closing.add(c.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null));
			}
		}
		CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
		System.exit(0);
	}

	private static String bid(long seq) {
		return Double.toString((300_000 + seq % 50_000) / 100_000.0);
	}

	private static Generator raw(URI feed, String symbol) {
		var client = HttpClient.newHttpClient();
		WebSocket ws = client.newWebSocketBuilder().buildAsync(feed, new WebSocket.Listener() {
		}).join();
		return new Generator() {
			@Override
			public void send(long seq) {
				var bid = bid(seq);
				var ask = Double.toString((300_014 + seq % 50_000) / 100_000.0);
				var time = Instant.ofEpochMilli(System.currentTimeMillis()).toString();
				ws.sendText("{\"type\":1,\"target\":\"OnTick\",\"arguments\":[{\"symbol\":\"" + symbol + "\",\"bid\":" + bid + ",\"ask\":" + ask
						+ ",\"lastTime\":\"" + time + "\"}]}" + RS, true).join();
			}

			@Override
			public void close() {
				ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
			}
		};
	}

	private static Generator hub(String gateway, int login, String password, String symbol, AtomicLong errors) {
		var hostPort = gateway.split(":");
		ManagedChannel channel = NettyChannelBuilder.forAddress(hostPort[0], Integer.parseInt(hostPort[1])).usePlaintext().build();
		var token = ManagerSessionGrpc.newBlockingStub(channel)
			.login(LoginRequest.newBuilder().setLogin(login).setPassword(password).build())
			.getSessionToken();
		var headers = new Metadata();
		headers.put(SESSION, token);
		var market = MarketDataGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
		var reply = new StreamObserver<SendTickReply>() {
			@Override
			public void onNext(SendTickReply value) {
			}

			@Override
			public void onError(Throwable t) {
				if (errors.incrementAndGet() < 5) {
					System.err.println("SendTick failed: " + t);
				}
			}

			@Override
			public void onCompleted() {
			}
		};
		return new Generator() {
			@Override
			public void send(long seq) {
				double bid = (300_000 + seq % 50_000) / 100_000.0;
				market.sendTick(Tick.newBuilder().setSymbol(symbol).setBid(bid).setAsk(bid + 0.00014).build(), reply);
			}

			@Override
			public void close() {
				channel.shutdown();
			}
		};
	}

	private HubFanOut() {
	}
}
