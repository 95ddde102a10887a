package io.tradeport.cloud.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import io.reactivex.rxjava3.core.Single;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.NodeScripts;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatforms;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The hubs with clients nobody here wrote: the official SDK's realtime client under Node and Microsoft's Java
 * client, against built-in servers presenting as MT4 (with a live feed) and MT5; and what a hostile or broken
 * client gets.
 */
@TradeportApplicationTest
class RealtimeHubsTests {

	private static TradeServer mt4Server;
	private static TradeServer mt5Server;

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	ApiClients clients;

	@Autowired
	TradePlatforms platforms;

	@Autowired
	PlatformFeeds feeds;

	@BeforeAll
	static void tradeServers() {
		mt4Server = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password").withFeed(true));
		mt5Server = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password")
			.withPlatform(TradeServerSettings.Platform.MT5));
	}

	@AfterAll
	static void stopThem() {
		mt4Server.close();
		mt5Server.close();
	}

	@Test
	void theOfficialSdksRealtimeClientFollowsTicksTradesUsersSymbolsAndMarginCalls() {
		var http = new Http(port);
		var mine = fixtures.newPlatformOnGateway("realtime-sdk", mt4Server.port(), "gateway-password", Set.of("read", "trade", "admin"), http);
		var mt5 = platforms.create(mine.owned().organization(), "Realtime MT5", PlatformType.MT5, mine.owned().owner());
		platforms.setManagerApi(mine.owned().organization(), mt5, "127.0.0.1:" + mt5Server.port(), 1, "gateway-password", mine.owned().owner());
		var client = clients.register(mine.owned().organization(), "realtime " + UUID.randomUUID(), Set.of("read", "trade", "admin"),
				mine.owned().owner());
		var theirs = fixtures.newPlatformOnGateway("realtime-theirs", mt4Server.port(), "gateway-password", Set.of("read"), http);

		var result = NodeScripts.run("sdk-realtime.mjs", Http.form("API_BASE_URL", "http://127.0.0.1:" + port, "AUTHORITY",
				"http://127.0.0.1:" + port, "CLIENT_ID", client.clientId(), "CLIENT_SECRET", client.clientSecret(), "PLATFORM",
				mine.platform().toString(), "MT5_PLATFORM", mt5.toString(), "FOREIGN_PLATFORM", theirs.platform().toString()));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("ok - connected", "ok - OnTick after SubscribeToTicks", "ok - StreamTicks(EURUSD)",
				"ok - StreamTicks() with no symbol", "ok - StreamTrades", "ok - StreamUserUpdates", "ok - StreamSymbolUpdates",
				"ok - StreamMarginCallUpdates", "ok - MT5 hub", "ok - another organization's platform is refused");
	}

	@Test
	void microsoftsJavaClientReceivesStatusAndTicksAndItsCancelledStreamLeavesTheServer() throws Exception {
		var http = new Http(port);
		var mine = fixtures.newPlatformOnGateway("realtime-java", mt4Server.port(), "gateway-password", Set.of("read"), http);
		var connection = connect(mine);
		try {
			var statuses = new CopyOnWriteArrayList<Map<?, ?>>();
			var ticks = new CopyOnWriteArrayList<Map<?, ?>>();
			connection.on("OnConnectionStatus", statuses::add, Map.class);
			connection.on("OnTick", ticks::add, Map.class);
			connection.start().blockingAwait(10, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(10)).until(() -> !statuses.isEmpty());
			assertThat(statuses.getFirst().get("connected")).isEqualTo(true);

			connection.invoke("SubscribeToTicks", "EURUSD").blockingAwait(10, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(20)).until(() -> ticks.stream().anyMatch(tick -> "EURUSD".equals(tick.get("symbol"))));
			assertThat(((Number) ticks.getFirst().get("bid")).doubleValue()).isPositive();

			var feed = feeds.of(mine.platform());
			var before = feed.tapCount();
			var first = connection.stream(Map.class, "StreamTicks", "GBPUSD").firstOrError().timeout(20, TimeUnit.SECONDS).blockingGet();
			assertThat(first.get("symbol")).isEqualTo("GBPUSD");
			await("the cancelled stream's tap is gone").atMost(Duration.ofSeconds(10)).until(() -> feed.tapCount() == before);

			assertThatThrownBy(() -> connection.invoke(Object.class, "NoSuchMethod").blockingGet())
				.hasMessageContaining("Unknown hub method");
			assertThatThrownBy(() -> connection.invoke("SubscribeToTicks", "THIRTEEN-CHARS").blockingAwait())
				.hasMessageContaining("1 to 12 characters");
			connection.invoke("UnsubscribeFromTicks", "EURUSD").blockingAwait(10, TimeUnit.SECONDS);
		}
		finally {
			connection.stop().blockingAwait(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void onConnectionStatusFollowsThePlatformGoingDownAndComingBack() {
		var server = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password"));
		var serverPort = server.port();
		var http = new Http(port);
		var mine = fixtures.newPlatformOnGateway("realtime-status", serverPort, "gateway-password", Set.of("read"), http);
		var connection = connect(mine);
		var statuses = new CopyOnWriteArrayList<Boolean>();
		connection.on("OnConnectionStatus", status -> statuses.add((Boolean) status.get("connected")), Map.class);
		TradeServer again = null;
		try {
			connection.start().blockingAwait(10, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(10)).until(() -> statuses.contains(true));
			server.close();
			await().atMost(Duration.ofSeconds(10)).until(() -> statuses.getLast().equals(false));
			again = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password").withPort(serverPort));
			await().atMost(Duration.ofSeconds(40)).until(() -> statuses.getLast().equals(true));
			assertThat(statuses).containsSubsequence(true, false, true);
		}
		finally {
			connection.stop().blockingAwait(10, TimeUnit.SECONDS);
			if (again != null) {
				again.close();
			}
		}
	}

	@Test
	void aWrongTokenAForeignPlatformOrAMissingOneAreRefusedAtNegotiateAndAtTheUpgrade() throws Exception {
		var http = new Http(port);
		var mine = fixtures.newPlatformOnGateway("realtime-refused", mt4Server.port(), "gateway-password", Set.of("read"), http);
		var theirs = fixtures.newPlatformOnGateway("realtime-other", mt4Server.port(), "gateway-password", Set.of("read"), http);
		var hub = "/hubs/mt4/v2";

		assertThat(negotiate(hub + "?tradePlatform=" + mine.platform(), null)).isEqualTo(401);
		assertThat(negotiate(hub + "?tradePlatform=" + mine.platform(), "Bearer not-a-token")).isEqualTo(401);
		assertThat(negotiate(hub + "?tradePlatform=" + theirs.platform(), mine.bearer())).isEqualTo(403);
		assertThat(negotiate(hub, mine.bearer())).isEqualTo(403);
		assertThat(negotiate("/hubs/mt5/v2?tradePlatform=" + mine.platform(), mine.bearer())).as("an MT4 platform on the MT5 hub").isEqualTo(403);
		assertThat(negotiate(hub + "?tradePlatform=" + mine.platform(), mine.bearer())).isEqualTo(200);

		var token = mine.bearer().substring("Bearer ".length());
		assertThat(upgrade(hub + "?tradePlatform=" + theirs.platform() + "&access_token=" + token)).as("foreign platform, no negotiate").isFalse();
		assertThat(upgrade(hub + "?tradePlatform=" + mine.platform() + "&access_token=garbage")).isFalse();
		assertThat(upgrade(hub + "?tradePlatform=" + mine.platform() + "&access_token=" + token)).as("the same, allowed").isTrue();
	}

	@Test
	void aMalformedRecordOrAnOversizedMessageClosesThatConnectionWithAnErrorAndOthersCarryOn() throws Exception {
		var http = new Http(port);
		var mine = fixtures.newPlatformOnGateway("realtime-malformed", mt4Server.port(), "gateway-password", Set.of("read"), http);
		var token = mine.bearer().substring("Bearer ".length());
		var bystander = connect(mine);
		var statuses = new CopyOnWriteArrayList<Map<?, ?>>();
		bystander.on("OnConnectionStatus", statuses::add, Map.class);
		bystander.start().blockingAwait(10, TimeUnit.SECONDS);
		try {
			for (var bad : new String[] { "{\"type\":1,\"target\":", "{\"type\":1,\"target\":\"X\",\"arguments\":[\"" + "x".repeat(40_000) + "\"]}" }) {
				var received = new StringBuilder();
				var closed = new CompletableFuture<Integer>();
				try (var client = HttpClient.newHttpClient()) {
					var socket = client.newWebSocketBuilder()
						.buildAsync(URI.create("ws://127.0.0.1:" + port + "/hubs/mt4/v2?tradePlatform=" + mine.platform() + "&access_token=" + token),
								new WebSocket.Listener() {
									@Override
									public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
										synchronized (received) {
											received.append(data);
										}
										webSocket.request(1);
										return null;
									}

									@Override
									public java.util.concurrent.CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
										closed.complete(statusCode);
										return null;
									}
								})
						.join();
					socket.sendText("{\"protocol\":\"json\",\"version\":1}\u001e", true).join();
					socket.sendText(bad + "\u001e", true).join();
					assertThat(closed.get(10, TimeUnit.SECONDS)).as("closed").isNotNull();
				}
				synchronized (received) {
					assertThat(received.toString()).contains("\"type\":7").contains("\"error\"");
				}
			}
			assertThat(bystander.invoke(Object.class, "NoSuchMethod").onErrorReturnItem("refused").blockingGet()).isEqualTo("refused");
			assertThat(statuses).isNotEmpty();
		}
		finally {
			bystander.stop().blockingAwait(10, TimeUnit.SECONDS);
		}
	}

	private HubConnection connect(ApiClientFixtures.ConnectedPlatform platform) {
		var token = platform.bearer().substring("Bearer ".length());
		return HubConnectionBuilder.create("http://127.0.0.1:" + port + "/hubs/mt4/v2?tradePlatform=" + platform.platform())
			.withAccessTokenProvider(Single.defer(() -> Single.just(token)))
			.build();
	}

	private int negotiate(String hubPath, String authorization) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + hubPath.replaceFirst("(\\?|$)", "/negotiate$1")
				+ (hubPath.contains("?") ? "&" : "?") + "negotiateVersion=1"))
			.POST(HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try (var client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
	}

	private boolean upgrade(String hubPathAndQuery) {
		try (var client = HttpClient.newHttpClient()) {
			var socket = client.newWebSocketBuilder()
				.buildAsync(URI.create("ws://127.0.0.1:" + port + hubPathAndQuery), new WebSocket.Listener() {
				})
				.orTimeout(10, TimeUnit.SECONDS)
				.join();
			socket.abort();
			return true;
		}
		catch (CompletionException refused) {
			return false;
		}
	}
}
