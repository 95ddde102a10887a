package io.tradeport.cloud.webapi;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

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
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.platforms.TradePlatforms;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The MT5 users, groups and symbols of a server presenting as MT5: {@code *Get} reads the pumping cache,
 * {@code *Record} merge-patches the server's record, and the cache follows through the pump.
 */
@TradeportApplicationTest
class Mt5RecordsTests {

	private static final ZoneId SERVER_ZONE = ZoneId.of("Europe/Athens");
	private static TradeServer tradeServer;

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	TradePlatforms platforms;

	Http http;
	String bearer;
	TradePlatformId mt5;
	TradePlatformId mt4View;

	@BeforeAll
	static void aTradeServerPresentingAsMt5() {
		tradeServer = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password")
			.withPlatform(TradeServerSettings.Platform.MT5).withServerZone(SERVER_ZONE).withClock(onAWeekday()));
	}

	@AfterAll
	static void stopIt() {
		tradeServer.close();
	}

	/** Its MT5 platform, and the same server as an MT4 platform for the MT4 operations that prepare or check data. */
	@BeforeEach
	void platformsOnIt() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("mt5-records", tradeServer.port(), "gateway-password",
				Set.of("read", "trade", "admin"), http);
		bearer = connected.bearer();
		mt4View = connected.platform();
		var owned = connected.owned();
		mt5 = platforms.create(owned.organization(), "MT5 " + UUID.randomUUID(), PlatformType.MT5, owned.owner());
		platforms.setManagerApi(owned.organization(), mt5, "127.0.0.1:" + tradeServer.port(), 1, "gateway-password", owned.owner());
	}

	@Test
	void aUserChangedWithUserRecordIsReadBackByUserGetOnceThePumpDeliveredIt() {
		var before = data(get("/UserGet/1002"));
		assertThat(before.get("login").asLong()).isEqualTo(1002);
		assertThat(before.get("group").asString()).isEqualTo("demoforex-eur");
		assertThat(before.get("name").asString()).isEqualTo("Anna Schmidt");
		assertThat(before.get("eMail").asString()).isEqualTo("anna@example.com");
		assertThat(before.get("rights").asString()).isEqualTo("Enabled");
		assertThat(before.get("balance").asDouble()).isEqualTo(5000);

		var patched = patch("/UserRecord/1002", "{\"city\":\"Nicosia\",\"leverage\":50,\"comment\":\"moved to Cyprus\"}");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(data(patched).get("city").asString()).isEqualTo("Nicosia");
		assertThat(data(patched).get("leverage").asInt()).isEqualTo(50);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var cached = data(get("/UserGet/1002"));
			assertThat(cached.get("city").asString()).isEqualTo("Nicosia");
			assertThat(cached.get("leverage").asInt()).isEqualTo(50);
			assertThat(cached.get("comment").asString()).isEqualTo("moved to Cyprus");
		});
		var after = data(get("/UserGet/1002"));
		assertThat(after.get("name").asString()).as("fields not in the patch keep their values").isEqualTo("Anna Schmidt");
		assertThat(after.get("eMail").asString()).isEqualTo("anna@example.com");
		assertThat(after.get("balance").asDouble()).isEqualTo(5000);
	}

	@Test
	void rightsSayWhetherTheAccountIsEnabledAndMayTrade() {
		var readOnly = patch("/UserRecord/1003", "{\"rights\":\"TradeDisabled\"}");
		assertThat(readOnly.status()).as(readOnly.body()).isEqualTo(200);
		assertThat(data(readOnly).get("rights").asString()).isEqualTo("TradeDisabled");
		var refused = http.postRaw("/api/v2/MT4/" + mt4View + "/TradeTransaction", "application/json",
				"{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1003,\"symbol\":\"EURUSD\",\"volume\":10}",
				"Authorization", bearer);
		assertThat(refused.json().get("error").get("managerCode").asString()).as(refused.body()).isEqualTo("TradeDisable");

		assertThat(data(patch("/UserRecord/1003", "{\"rights\":\"None\"}")).get("rights").asString()).isEqualTo("None");
		assertThat(data(patch("/UserRecord/1003", "{\"rights\":\"Enabled\"}")).get("rights").asString()).isEqualTo("Enabled");
		var opened = http.postRaw("/api/v2/MT4/" + mt4View + "/TradeTransaction", "application/json",
				"{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1003,\"symbol\":\"EURUSD\",\"volume\":10}",
				"Authorization", bearer);
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(data(get("/UserGet/1003")).get("rights").asString()).isEqualTo("Enabled"));
	}

	@Test
	void aRecordSentBackAsReadChangesNothingWhileReadOnlyOrUnknownFieldsRefuseTheWholePatch() {
		var read = data(get("/UserGet/1001"));
		var sentBack = patch("/UserRecord/1001", read.toString());
		assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
		assertThat(data(sentBack)).isEqualTo(read);

		for (var refusedPatch : new String[] { "{\"city\":\"Paphos\",\"balance\":1000000}", "{\"city\":\"Paphos\",\"registration\":\"2001-01-01T00:00:00Z\"}",
				"{\"city\":\"Paphos\",\"noSuchField\":1}", "{\"city\":\"Paphos\",\"leverage\":0}", "{\"city\":\"Paphos\",\"leverage\":\"high\"}",
				"{\"city\":\"Paphos\",\"rights\":\"Investor\"}", "{\"city\":\"Paphos\",\"login\":1002}", "[\"city\"]" }) {
			var refused = patch("/UserRecord/1001", refusedPatch);
			assertThat(refused.status()).as(refusedPatch).isEqualTo(400);
			assertThat(refused.json().get("error").get("code").asString()).as(refusedPatch).isEqualTo("Validation");
		}
		var unknownGroup = patch("/UserRecord/1001", "{\"city\":\"Paphos\",\"group\":\"nosuchgroup\"}");
		assertThat(unknownGroup.status()).isEqualTo(400);
		assertThat(unknownGroup.json().get("error").get("code").asString()).as("refused by the server").isEqualTo("MT5Error");
		assertThat(unknownGroup.json().get("error").get("managerCode").asString()).isEqualTo("InvalidData");

		assertThat(patch("/UserRecord/1001", "{\"state\":\"Limassol District\"}").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(data(get("/UserGet/1001")).get("state").asString()).isEqualTo("Limassol District"));
		assertThat(data(get("/UserGet/1001")).get("city").asString()).as("no refused patch changed anything").isEqualTo(read.get("city").asString());
		assertThat(data(get("/UserGet/1001")).get("balance").asDouble()).isEqualTo(read.get("balance").asDouble());
	}

	@Test
	void aGroupChangedWithGroupRecordIsReadBackByGroupGet() {
		var before = data(get("/GroupGet/demopro"));
		assertThat(before.get("group").asString()).isEqualTo("demopro");
		assertThat(before.get("currency").asString()).isEqualTo("USD");
		assertThat(before.get("currencyDigits").asInt()).isEqualTo(2);
		assertThat(before.get("marginCall").asDouble()).isEqualTo(100);
		assertThat(before.get("marginStopOut").asDouble()).isEqualTo(50);
		assertThat(before.get("marginSOMode").asString()).isEqualTo("Percent");
		assertThat(before.get("demoLeverage").asInt()).isEqualTo(500);
		assertThat(before.get("marginMode").asString()).isEqualTo("RetailHedged");
		assertThat(before.get("permissionsFlags").asString()).isEqualTo("EnableConnection");
		assertThat(before.has("reportsMode")).as("an enum MT4 groups do not have is left out, not null").isFalse();

		var patched = patch("/GroupRecord/demopro", "{\"marginCall\":90,\"marginStopOut\":40,\"company\":\"Pro Broker Ltd\",\"demoLeverage\":300}");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(data(patched).get("marginCall").asDouble()).isEqualTo(90);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var cached = data(get("/GroupGet/demopro"));
			assertThat(cached.get("marginCall").asDouble()).isEqualTo(90);
			assertThat(cached.get("marginStopOut").asDouble()).isEqualTo(40);
			assertThat(cached.get("company").asString()).isEqualTo("Pro Broker Ltd");
			assertThat(cached.get("demoLeverage").asInt()).isEqualTo(300);
		});
		assertThat(data(get("/GroupGet/demopro")).get("currency").asString()).isEqualTo("USD");

		var readOnly = patch("/GroupRecord/demopro", "{\"company\":\"Other\",\"limitSymbols\":10}");
		assertThat(readOnly.json().get("error").get("code").asString()).isEqualTo("Validation");
		var renamed = patch("/GroupRecord/demopro", "{\"group\":\"demoultra\"}");
		assertThat(renamed.json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	@Test
	void aSymbolChangedWithSymbolRecordIsReadBackBySymbolGet() {
		var eurusd = data(get("/SymbolGet/EURUSD"));
		assertThat(eurusd.get("symbol").asString()).isEqualTo("EURUSD");
		assertThat(eurusd.get("digits").asInt()).isEqualTo(5);
		assertThat(eurusd.get("contractSize").asDouble()).isEqualTo(100_000);
		assertThat(eurusd.get("currencyBase").asString()).isEqualTo("EUR");
		assertThat(eurusd.get("currencyProfit").asString()).isEqualTo("USD");
		assertThat(eurusd.get("calcMode").asString()).isEqualTo("Forex");
		assertThat(eurusd.get("tradeMode").asString()).isEqualTo("Full");
		assertThat(eurusd.get("swap3Day").asString()).isEqualTo("Wednesday");
		var sessions = eurusd.get("sessionTrade");
		assertThat(sessions.size()).isEqualTo(7);
		assertThat(sessions.get(0).size()).as("no trading on Sunday").isZero();
		assertThat(sessions.get(3).get(0).get("open").asInt()).as("Wednesday around the clock").isZero();
		assertThat(sessions.get(3).get(0).get("close").asInt()).isEqualTo(1440);
		assertThat(data(get("/SymbolGet/XAUUSD")).get("calcMode").asString()).isEqualTo("CfdLeverage");

		var patched = patch("/SymbolRecord/GBPUSD", "{\"description\":\"Pound Sterling vs US Dollar\",\"stopsLevel\":25,"
				+ "\"swapLong\":-1.5,\"tradeMode\":\"CloseOnly\",\"swap3Day\":\"Friday\"}");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var cached = data(get("/SymbolGet/GBPUSD"));
			assertThat(cached.get("description").asString()).isEqualTo("Pound Sterling vs US Dollar");
			assertThat(cached.get("stopsLevel").asInt()).isEqualTo(25);
			assertThat(cached.get("swapLong").asDouble()).isEqualTo(-1.5);
			assertThat(cached.get("tradeMode").asString()).isEqualTo("CloseOnly");
			assertThat(cached.get("swap3Day").asString()).isEqualTo("Friday");
		});
		var closeOnly = http.postRaw("/api/v2/MT4/" + mt4View + "/TradeTransaction", "application/json",
				"{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1001,\"symbol\":\"GBPUSD\",\"volume\":10}",
				"Authorization", bearer);
		assertThat(closeOnly.json().get("error").get("managerCode").asString()).as("the server trades it close-only now")
			.isEqualTo("TradeDisable");
		assertThat(patch("/SymbolRecord/GBPUSD", "{\"tradeMode\":\"ShortOnly\"}").json().get("error").get("code").asString())
			.isEqualTo("Validation");
		assertThat(patch("/SymbolRecord/GBPUSD", "{\"point\":0.1}").json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	@Test
	void theManagerAndTheServerTimeZoneAreAskedLive() {
		var manager = data(get("/ManagerCurrent"));
		assertThat(manager.get("login").asLong()).isEqualTo(1);
		assertThat(manager.get("limitLogs").asString()).isEqualTo("All");
		assertThat(manager.get("right").valueStream().map(JsonNode::asString).toList()).contains("Admin", "AccRead", "TradesRead",
				"TradesDealer", "Accountant");

		var time = data(get("/TimeGet"));
		var now = onAWeekday().instant();
		assertThat(time.get("timeZone").asInt()).as("Athens' standard offset in minutes").isEqualTo(120);
		assertThat(time.get("daylight").asBoolean()).isTrue();
		assertThat(time.get("daylightState").asInt()).isEqualTo(SERVER_ZONE.getRules().isDaylightSavings(now) ? 1 : 0);
	}

	@Test
	void unknownRecordsAreNotFoundAndBadInputIsAValidationError() {
		for (var missing : new String[] { "/UserGet/99999999", "/GroupGet/nosuchgroup", "/SymbolGet/NOSUCH" }) {
			var answer = get(missing);
			assertThat(answer.status()).as(missing).isEqualTo(404);
			assertThat(answer.json().get("error").get("code").asString()).as(missing).isEqualTo("NotFound");
		}
		for (var missing : new String[] { "/UserRecord/99999999", "/GroupRecord/nosuchgroup", "/SymbolRecord/NOSUCH" }) {
			var answer = patch(missing, "{\"comment\":\"x\"}");
			assertThat(answer.status()).as(missing).isEqualTo(404);
			assertThat(answer.json().get("error").get("code").asString()).as(missing).isEqualTo("NotFound");
		}
		for (var bad : new String[] { "/UserGet/0", "/UserGet/-1", "/UserGet/abc", "/UserGet/3000000000", "/GroupGet/" + "g".repeat(65),
				"/SymbolGet/" + "S".repeat(33) }) {
			var answer = get(bad);
			assertThat(answer.status()).as(bad).isEqualTo(400);
			assertThat(answer.json().get("error").get("code").asString()).as(bad).isEqualTo("Validation");
		}
		var mt4Platform = http.get("/api/v2/MT5/" + mt4View + "/UserGet/1001", "Authorization", bearer);
		assertThat(mt4Platform.json().get("error").get("code").asString()).as("an MT4 platform on an MT5 path").isEqualTo("Validation");
	}

	/** The server's clock moved to this week's Wednesday (the same time of day), so its forex symbols trade whenever the test runs. */
	static Clock onAWeekday() {
		var today = java.time.LocalDate.now(ZoneOffset.UTC).getDayOfWeek();
		return Clock.offset(Clock.systemUTC(), Duration.ofDays(DayOfWeek.WEDNESDAY.getValue() - today.getValue()));
	}

	private static JsonNode data(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("data");
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT5/" + mt5 + operation, "Authorization", bearer);
	}

	private Http.Response patch(String operation, String body) {
		return http.sendRaw("PATCH", "/api/v2/MT5/" + mt5 + operation, "application/merge-patch+json", body, "Authorization", bearer);
	}
}
