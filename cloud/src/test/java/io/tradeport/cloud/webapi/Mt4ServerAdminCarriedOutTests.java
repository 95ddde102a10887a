package io.tradeport.cloud.webapi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.ConFeeder;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRecords;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.ExternalCommandReply;
import io.tradeport.gateway.v1.ExternalCommandRequest;
import io.tradeport.gateway.v1.LicenseCheckReply;
import io.tradeport.gateway.v1.LicenseCheckRequest;
import io.tradeport.gateway.v1.LoginReply;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.SendNotificationReply;
import io.tradeport.gateway.v1.SendNotificationRequest;
import io.tradeport.gateway.v1.ServerAdminGrpc;
import io.tradeport.gateway.v1.ServerCommand;
import io.tradeport.gateway.v1.ServerCommandReply;
import io.tradeport.gateway.v1.ServerCommandRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the built-in server refuses, against a gateway that carries it out, as an MT4 server with datafeeds and
 * plugins would behind the sidecar: each operation sends the right gateway call and maps its answer, feeders paged
 * by name.
 */
@TradeportApplicationTest
class Mt4ServerAdminCarriedOutTests {

	private static final List<String> CALLS = new CopyOnWriteArrayList<>();
	private static Server gateway;

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	Http http;
	String bearer;
	TradePlatformId platform;

	/** Feeders "news", "alpha" and "zeta" run; "stale" is configured but not running; "alpha" has no record. */
	@BeforeAll
	static void aGatewayWithFeedersAndAPlugin() throws IOException {
		gateway = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(new ManagerSessionGrpc.ManagerSessionImplBase() {
				@Override
				public void login(LoginRequest request, StreamObserver<LoginReply> out) {
					reply(out, LoginReply.newBuilder().setSessionToken("session").build());
				}
			})
			.addService(new ServerAdminGrpc.ServerAdminImplBase() {
				@Override
				public void runServerCommand(ServerCommandRequest request, StreamObserver<ServerCommandReply> out) {
					CALLS.add(request.getCommand() + " " + request.getArgument());
					var lines = switch (request.getCommand()) {
						case SRV_FEEDERS -> List.of("zeta", "news", "alpha");
						case SRV_FEEDER_LOG -> List.of("10:00:01 connected", "10:00:02 subscribed to 28 symbols");
						default -> List.<String>of();
					};
					reply(out, ServerCommandReply.newBuilder().addAllLines(lines).build());
				}

				@Override
				public void checkLicense(LicenseCheckRequest request, StreamObserver<LicenseCheckReply> out) {
					reply(out, LicenseCheckReply.newBuilder().setRecognised(request.getName().equals("Bridge")).build());
				}

				@Override
				public void externalCommand(ExternalCommandRequest request, StreamObserver<ExternalCommandReply> out) {
					CALLS.add("EXTERNAL " + request.getJson() + " " + request.getData().toStringUtf8());
					var answer = request.getJson() ? ByteString.copyFromUtf8("{\"echo\":" + request.getData().toStringUtf8() + "}")
							: request.getData().concat(ByteString.copyFrom(new byte[] { 9 }));
					reply(out, ExternalCommandReply.newBuilder().setData(answer).build());
				}

				@Override
				public void sendNotification(SendNotificationRequest request, StreamObserver<SendNotificationReply> out) {
					CALLS.add("NOTIFY " + request.getLoginsList() + " " + request.getMessage());
					reply(out, SendNotificationReply.getDefaultInstance());
				}
			})
			.addService(new ConfigurationGrpc.ConfigurationImplBase() {
				@Override
				public void request(ConfigRequest request, StreamObserver<ConfigRecords> out) {
					var records = ConfigRecords.newBuilder().setSection(request.getSection());
					if (request.getSection() == ConfigSection.FEEDERS) {
						records.addRecords(feeder("news", 1, true)).addRecords(feeder("zeta", 0, true)).addRecords(feeder("stale", 0, false));
					}
					reply(out, records.build());
				}
			})
			.build()
			.start();
	}

	@AfterAll
	static void stopIt() {
		gateway.shutdownNow();
	}

	@BeforeEach
	void aPlatform() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("carried-out", gateway.getPort(), "any", Set.of("read", "admin"), http);
		platform = connected.platform();
		bearer = connected.bearer();
		CALLS.clear();
	}

	@Test
	void confirmedServerCommandsAreSentAndAnsweredTrue() {
		for (var command : List.of("SrvRestart", "SrvChartsSync", "SrvFeedsRestart", "SrvLiveUpdateStart")) {
			var answer = http.postRaw(path("/" + command + "?confirm=true"), "application/json", "", "Authorization", bearer);
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(answer.json().get("data").asBoolean()).isTrue();
		}
		assertThat(CALLS).containsExactly(ServerCommand.SRV_RESTART + " ", ServerCommand.SRV_CHARTS_SYNC + " ",
				ServerCommand.SRV_FEEDS_RESTART + " ", ServerCommand.SRV_LIVE_UPDATE_START + " ");
	}

	@Test
	void theRunningFeedersComeWithTheirConfigurationByNameInPages() {
		var names = new ArrayList<String>();
		var pages = 0;
		String cursor = null;
		do {
			var page = ok(http.get(path("/SrvFeeders?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)), "Authorization", bearer));
			pages++;
			assertThat(page.get("data").size()).isLessThanOrEqualTo(2);
			page.get("data").forEach(feeder -> names.add(feeder.get("name").asString()));
			var paging = page.get("meta").get("paging");
			cursor = paging.get("hasMore").asBoolean() ? paging.get("nextCursor").asString() : null;
		}
		while (cursor != null);
		assertThat(names).containsExactly("alpha", "news", "zeta");
		assertThat(pages).isEqualTo(2);

		var all = ok(http.get(path("/SrvFeeders"), "Authorization", bearer)).get("data");
		var news = all.get(1);
		assertThat(news.get("file").asString()).isEqualTo("news.feed");
		assertThat(news.get("server").asString()).isEqualTo("feeds.example.com:443");
		assertThat(news.get("dataFeedMode").asString()).isEqualTo("News");
		assertThat(news.get("enable").asInt()).isEqualTo(1);
		assertThat(news.get("timeout").asInt()).isEqualTo(120);
		assertThat(news.has("password")).isFalse();
		assertThat(all.get(0).get("file").isNull()).as("running without a configuration record").isTrue();
	}

	@Test
	void aFeedersLogIsOneText() {
		assertThat(ok(http.get(path("/SrvFeederLog/news"), "Authorization", bearer)).get("data").asString())
			.isEqualTo("10:00:01 connected\n10:00:02 subscribed to 28 symbols");
		assertThat(CALLS).containsExactly(ServerCommand.SRV_FEEDER_LOG + " news");
	}

	@Test
	void aRecognisedLicenceIsTrue() {
		assertThat(ok(http.get(path("/LicenseCheck/Bridge"), "Authorization", bearer)).get("data").asBoolean()).isTrue();
		assertThat(ok(http.get(path("/LicenseCheck/Other"), "Authorization", bearer)).get("data").asBoolean()).isFalse();
	}

	@Test
	void notificationsAndPluginCommandsGoThroughAndThePluginsAnswerComesBack() {
		var sent = http.postRaw(path("/NotificationsSend"), "application/json-patch+json", "{\"logins\":[1001,1002],\"message\":\"Hi\"}",
				"Authorization", bearer);
		assertThat(ok(sent).get("data").asBoolean()).isTrue();
		var json = http.postRaw(path("/ExternalCommandJSON"), "application/json-patch+json", "{\"command\":\"status\"}",
				"Authorization", bearer);
		assertThat(ok(json).get("data").get("echo").get("command").asString()).isEqualTo("status");
		var binary = http.postRaw(path("/ExternalCommandBinary"), "application/json-patch+json", "{\"data\":\"AQID\"}",
				"Authorization", bearer);
		assertThat(ok(binary).get("data").get("data").asString()).as("1, 2, 3 and the plugin's 9").isEqualTo("AQIDCQ==");
		assertThat(CALLS).containsExactly("NOTIFY [1001, 1002] Hi", "EXTERNAL true {\"command\":\"status\"}",
				"EXTERNAL false \u0001\u0002\u0003");
	}

	private static ConfigRecord feeder(String name, int mode, boolean enabled) {
		return ConfigRecord.newBuilder().setFeeder(ConFeeder.newBuilder().setName(name).setFile(name + ".feed")
			.setServer("feeds.example.com:443").setLogin("tradeport").setMode(mode).setEnable(enabled).setTimeout(120)).build();
	}

	private static <T> void reply(StreamObserver<T> out, T value) {
		out.onNext(value);
		out.onCompleted();
	}

	private static JsonNode ok(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private String path(String operation) {
		return "/api/v2/MT4/" + platform + operation;
	}
}
