package io.tradeport.cloud.webapi;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.TicketRef;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradingGrpc;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backups on a built-in server that was restarted with its data directory: its newest backup (taken at the restart)
 * holds the demo accounts and a position opened before the restart.
 */
@TradeportApplicationTest
class BackupTests {

	private static final String PASSWORD = "gateway-password";

	@TempDir
	static Path dataDir;

	private static TradeServer tradeServer;
	private static int position;
	private static double positionOpenPrice;

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	PlatformConnections connections;

	Http http;
	String bearer;
	TradePlatformId platform;

	@BeforeAll
	static void aServerRestartedAfterAPositionWasOpened() throws InterruptedException {
		var settings = TradeServerSettings.loopback().withAdminPassword(PASSWORD).withDataDir(dataDir);
		try (var first = TradeServer.start(settings)) {
			var channel = ManagedChannelBuilder.forAddress("127.0.0.1", first.port()).usePlaintext().build();
			try {
				var headers = new Metadata();
				headers.put(Metadata.Key.of("x-tradeport-session", Metadata.ASCII_STRING_MARSHALLER), ManagerSessionGrpc.newBlockingStub(channel)
					.login(LoginRequest.newBuilder().setLogin(1).setPassword(PASSWORD).build()).getSessionToken());
				var trading = TradingGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
				position = trading.tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
					.setCmd(TradeCommand.BUY).setOrderBy(1001).setSymbol("EURUSD").setVolume(10).build()).getOrder();
				positionOpenPrice = trading.getTrade(TicketRef.newBuilder().setOrder(position).build()).getOpenPrice();
			}
			finally {
				channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
			}
		}
		tradeServer = TradeServer.start(settings);
	}

	@AfterAll
	static void stopIt() {
		tradeServer.close();
	}

	@BeforeEach
	void aPlatform() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("backup", tradeServer.port(), PASSWORD, Set.of("read", "trade", "admin"), http);
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	void backupsAreListedAndReadByFileAndKey() {
		var users = get("/BackupInfoUsers/0").json().get("data");
		var orders = get("/BackupInfoOrders/0").json().get("data");
		assertThat(users).as("one backup at each start").hasSizeGreaterThanOrEqualTo(2);
		assertThat(orders).hasSameSizeAs(users);
		users.forEach(backup -> {
			assertThat(backup.get("file").asString()).isNotBlank();
			assertThat(backup.get("size").asLong()).isPositive();
			assertThat(backup.get("time").asString()).startsWith("20");
		});

		var backedUp = get("/BackupRequestOrders/" + newest(orders)).json().get("data");
		var held = find(backedUp, "order", position);
		assertThat(held.get("openPrice").asDouble()).isEqualTo(positionOpenPrice);
		assertThat(held.get("tradeCommand").asString()).isEqualTo("Buy");
		assertThat(orderNumbers(get("/BackupRequestOrders/" + newest(orders) + "?request=" + position))).containsExactly(position);
		assertThat(orderNumbers(get("/BackupRequestOrders/" + newest(orders) + "?limit=1"))).hasSize(1);
		var logins = new ArrayList<Integer>();
		get("/BackupRequestUsers/" + newest(users) + "?request=1002,1001").json().get("data").forEach(user -> logins.add(user.get("login").asInt()));
		assertThat(logins).containsExactly(1001, 1002);

		assertThat(get("/BackupRequestUsers/nope.bak").status()).isEqualTo(404);
		assertThat(get("/BackupRequestOrders/nope.bak").json().get("error").get("code").asString()).isEqualTo("NotFound");
		assertThat(get("/BackupInfoUsers/1").status()).isEqualTo(400);
		assertThat(get("/BackupRequestUsers/" + newest(users) + "?limit=100001").status()).isEqualTo(400);
		assertThat(get("/BackupRequestUsers/" + newest(users) + "?request=1001;1002").status()).isEqualTo(400);
	}

	@Test
	void restoringUsersPutsBackTheirSettingsAndRecreatesADeletedAccountWithItsMoney() {
		var backup = newest(get("/BackupInfoUsers/0").json().get("data"));
		var backedUp = get("/BackupRequestUsers/" + backup + "?request=1002,1003").json().get("data");
		var leverage = find(backedUp, "login", 1002).get("leverage").asInt();
		connections.call(platform, channel -> {
			var accounts = AccountsGrpc.newBlockingStub(channel);
			accounts.updateUser(accounts.getUser(LoginRef.newBuilder().setLogin(1002).build()).toBuilder().setLeverage(33).build());
			return accounts.deleteUser(LoginRef.newBuilder().setLogin(1003).build());
		});
		assertThat(get("/UserRecordRequest/1003").json().get("error").get("code").asString()).isIn("NotFound", "MT4Error");

		var altered = post("/BackupRestoreUsers?confirm=true", "[" + restoreInput(find(backedUp, "login", 1002)) + ",{\"login\":1003,\"name\":\"Not Backed Up\"}]");
		assertThat(altered.status()).as(altered.body()).isEqualTo(404);
		assertThat(get("/UserRecordRequest/1002").json().get("data").get("leverage").asInt()).as("nothing restored").isEqualTo(33);
		assertThat(post("/BackupRestoreUsers", "[" + restoreInput(find(backedUp, "login", 1002)) + "]").status()).isEqualTo(400);

		var restored = post("/BackupRestoreUsers?confirm=true",
				"[" + restoreInput(find(backedUp, "login", 1002)) + "," + restoreInput(find(backedUp, "login", 1003)) + "]");

		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(restored.json().get("data").asBoolean()).isTrue();
		assertThat(get("/UserRecordRequest/1002").json().get("data").get("leverage").asInt()).isEqualTo(leverage);
		var recreated = get("/UserRecordRequest/1003").json().get("data");
		assertThat(recreated.get("balance").asDouble()).isEqualTo(find(backedUp, "login", 1003).get("balance").asDouble());
		assertThat(recreated.get("group").asString()).isEqualTo("demopro");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/UserRecordGet/1003").status()).isEqualTo(200));
	}

	@Test
	void anOrderRestoreIsRefusedBeforeTheServerWhenItsRecordsAreNotBackedUpAsGiven() {
		var orders = get("/BackupRequestOrders/" + newest(get("/BackupInfoOrders/0").json().get("data")) + "?request=" + position).json().get("data");
		var changed = restoreInput(orders.get(0)).replace("\"volume\":10", "\"volume\":20");

		assertThat(post("/BackupRestoreOrders?confirm=true", "[" + changed + "]").status()).isEqualTo(404);
		assertThat(post("/BackupRestoreOrders?confirm=true", "[{\"order\":987654321}]").status()).isEqualTo(404);
		assertThat(post("/BackupRestoreOrders", "[" + restoreInput(orders.get(0)) + "]").status()).isEqualTo(400);
		assertThat(post("/BackupRestoreOrders?confirm=true", "[]").status()).isEqualTo(400);
		assertThat(post("/BackupRestoreOrders?confirm=true", "[{\"order\":1},{\"order\":1}]").status()).isEqualTo(400);
	}

	@Test
	void restoringOrdersPutsBackADeletedPositionAsItWas() {
		var orders = get("/BackupRequestOrders/" + newest(get("/BackupInfoOrders/0").json().get("data")) + "?request=" + position).json().get("data");
		assertThat(post("/AdmTradesDelete?orders=" + position, "").status()).isEqualTo(200);
		assertThat(orderNumbers(get("/TradesRequest"))).doesNotContain(position);

		var restored = post("/BackupRestoreOrders?confirm=true", "[" + restoreInput(orders.get(0)) + "]");

		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(restored.json().get("data").get(0).get("order").asInt()).isEqualTo(position);
		assertThat(restored.json().get("data").get(0).get("res").asInt()).isEqualTo(1);
		var back = get("/TradeRecordRequest/" + position).json().get("data");
		assertThat(back.get("tradeRecordState").asString()).startsWith("Open");
		assertThat(back.get("openPrice").asDouble()).isEqualTo(positionOpenPrice);
		assertThat(back.get("volume").asInt()).isEqualTo(10);
		assertThat(orderNumbers(get("/TradesRequest"))).contains(position);
	}

	/** A backed-up user or order as the restore takes it: the fields of the contract's restore inputs, as read. */
	private static String restoreInput(JsonNode record) {
		if (record.has("order")) {
			return "{\"order\":" + record.get("order") + ",\"login\":" + record.get("login") + ",\"symbol\":" + record.get("symbol")
					+ ",\"tradeCommand\":" + record.get("tradeCommand") + ",\"volume\":" + record.get("volume") + ",\"openPrice\":"
					+ record.get("openPrice") + ",\"sl\":" + record.get("sl") + ",\"tp\":" + record.get("tp") + ",\"closePrice\":"
					+ record.get("closePrice") + ",\"profit\":" + record.get("profit") + ",\"storage\":" + record.get("storage")
					+ ",\"commission\":" + record.get("commission") + ",\"openTime\":" + record.get("openTime") + ",\"closeTime\":"
					+ record.get("closeTime") + ",\"expiration\":" + record.get("expiration") + ",\"magic\":" + record.get("magic")
					+ ",\"comment\":" + record.get("comment") + "}";
		}
		var flags = record.get("enableFlags").asInt();
		return "{\"login\":" + record.get("login") + ",\"group\":" + record.get("group") + ",\"name\":" + record.get("name") + ",\"email\":"
				+ record.get("email") + ",\"country\":" + record.get("country") + ",\"leverage\":" + record.get("leverage") + ",\"balance\":"
				+ record.get("balance") + ",\"credit\":" + record.get("credit") + ",\"enable\":" + (flags & 1) + ",\"enableReadOnly\":"
				+ ((flags & 4) == 0 ? 0 : 1) + "}";
	}

	private static String newest(JsonNode backups) {
		var newest = backups.get(0);
		for (var backup : backups) {
			if (!Instant.parse(backup.get("time").asString()).isBefore(Instant.parse(newest.get("time").asString()))) {
				newest = backup;
			}
		}
		return newest.get("file").asString();
	}

	private static JsonNode find(JsonNode records, String key, int value) {
		for (var record : records) {
			if (record.get(key).asInt() == value) {
				return record;
			}
		}
		throw new AssertionError("no " + key + " " + value + " in " + records);
	}

	private static List<Integer> orderNumbers(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var orders = new ArrayList<Integer>();
		response.json().get("data").forEach(order -> orders.add(order.get("order").asInt()));
		return orders;
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}

	private Http.Response post(String operation, String json) {
		return http.postRaw("/api/v2/MT4/" + platform + operation, "application/json-patch+json", json, "Authorization", bearer);
	}
}
