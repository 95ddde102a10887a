package io.tradeport.cloud.webapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trades: the cached reads follow the pump, the server's reads answer at once (open and closed records, paged), and
 * the administrator's edits, deletions and checks act on the built-in server. Each test trades on its own account,
 * so that the tests do not see each other's trades: 1001 (demoforex), 1002 (demoforex-eur), 1003 (demopro).
 */
@TradeportApplicationTest
class TradesTests {

	private static final String PASSWORD = "gateway-password";
	private static TradeServer tradeServer;

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	Http http;
	String bearer;
	TradePlatformId platform;

	@BeforeAll
	static void aTradeServer() {
		tradeServer = TradeServer.start(TradeServerSettings.loopback().withAdminPassword(PASSWORD));
	}

	@AfterAll
	static void stopIt() {
		tradeServer.close();
	}

	@BeforeEach
	void aPlatform() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("trades", tradeServer.port(), PASSWORD, Set.of("read", "trade", "admin"), http);
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	void newTradesAreOnTheServerAtOnceAndInTheCachedReadsAfterThePump() {
		var position = open(1001, "Buy", 10);
		var pending = openPending(1001, "BuyLimit", 0.5);

		assertThat(tickets(get("/TradesRequest?group=demoforex"))).contains(position, pending);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/TradesGet/" + pending).status()).isEqualTo(200));
		var cached = get("/TradesGet/" + position).json().get("data");
		var live = get("/TradeRecordRequest/" + position).json().get("data");
		for (var field : new String[] { "order", "login", "symbol", "tradeCommand", "volume", "openPrice", "openTime", "tradeRecordState" }) {
			assertThat(cached.get(field)).as(field).isEqualTo(live.get(field));
		}
		assertThat(cached.get("tradeCommand").asString()).isEqualTo("Buy");
		assertThat(cached.get("volumeLots").asDouble()).isEqualTo(0.1);
		assertThat(get("/TradeRecordGet/" + position).json().get("data").get("order").asInt()).isEqualTo(position);
		assertThat(get("/TradesGet/" + pending).json().get("data").get("tradeCommand").asString()).isEqualTo("BuyLimit");

		assertThat(tickets(get("/TradesGetByLogin/1001/demoforex"))).contains(position, pending).isSorted();
		assertThat(tickets(get("/TradesGetBySymbol?symbol=EURUSD"))).contains(position, pending).isSorted();
		assertThat(tickets(get("/TradesGetBySymbol?symbol=GBPUSD"))).doesNotContain(position, pending);
		assertThat(tickets(get("/TradesGetByMarket"))).contains(position).doesNotContain(pending);
		assertThat(tickets(get("/TradesSnapshot"))).contains(position, pending).isSorted();
		assertThat(tickets(get("/TradesSnapshot?limit=1"))).hasSize(1);
		assertThat(tickets(get("/AdmTradesRequest/demoforex"))).contains(position, pending);
		assertThat(tickets(get("/AdmTradesRequest/demopro"))).doesNotContain(position, pending);
	}

	@Test
	void theServersOpenTradesComeInPagesByTicket() {
		var opened = new ArrayList<Integer>();
		for (var i = 0; i < 5; i++) {
			opened.add(open(1002, i % 2 == 0 ? "Buy" : "Sell", 10 + i));
		}

		var seen = new ArrayList<Integer>();
		var pages = 0;
		String cursor = null;
		do {
			var page = get("/TradesRequest?group=demoforex-eur&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			var items = tickets(page);
			assertThat(items).hasSizeLessThanOrEqualTo(2);
			seen.addAll(items);
			var paging = page.json().get("meta").get("paging");
			cursor = paging.get("hasMore").asBoolean() ? paging.get("nextCursor").asString() : null;
			pages++;
		}
		while (cursor != null);

		assertThat(pages).isGreaterThanOrEqualTo(3);
		assertThat(seen).containsAll(opened).doesNotHaveDuplicates().isSorted();
		assertThat(tickets(get("/TradesRequest?group=demoforex-eur"))).isEqualTo(seen);
		assertThat(get("/TradesRequest?limit=2&cursor=not-ours").json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	@Test
	void aClosedTradeLeavesTheCacheAndStaysOnTheServerAndInTheHistory() {
		var position = open(1003, "Sell", 10);
		var stillOpen = open(1003, "Buy", 10);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/TradesGet/" + position).status()).isEqualTo(200));

		assertThat(transaction("{\"tradeTransactionType\":\"CloseMarket\",\"order\":" + position + "}").status()).isEqualTo(200);

		var closed = get("/TradeRecordRequest/" + position).json().get("data");
		assertThat(closed.get("tradeRecordState").asString()).isEqualTo("ClosedNormal");
		assertThat(closed.get("closeTime").asString()).isNotEqualTo("1970-01-01T00:00:00Z");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/TradesGet/" + position).status()).isEqualTo(404));
		assertThat(get("/TradeRecordGet/" + position).json().get("error").get("code").asString()).isEqualTo("NotFound");
		assertThat(tickets(get("/TradeRecordsRequest?orders=" + position + "&orders=" + stillOpen + "&orders=987654321")))
			.containsExactly(position, stillOpen);
		assertThat(tickets(get("/TradeRecordsRequest?orders=" + stillOpen + "," + position))).as("the SDK's form of an array")
			.containsExactly(position, stillOpen);
		assertThat(tickets(get("/TradesUserHistory/1003"))).contains(position).doesNotContain(stillOpen);
		assertThat(tickets(get("/TradesUserHistory/1003?fromTime=2001-01-01T00:00:00Z&toTime=2001-12-31T00:00:00Z"))).isEmpty();
		assertThat(tickets(get("/AdmTradesRequest/demopro?openOnly=false"))).contains(position, stillOpen);
		assertThat(tickets(get("/AdmTradesRequest/demopro"))).contains(stillOpen).doesNotContain(position);
	}

	@Test
	void anAdministratorsEditIsWrittenAndReachesTheCache() {
		var position = open(1001, "Buy", 20);

		var edited = post("/AdmTradeRecordModify/" + position,
				"{\"order\":0,\"comment\":\"corrected\",\"magic\":42,\"commission\":-3.5,\"commissionAgent\":0,\"taxes\":0,\"profit\":999}");
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("data").get("comment").asString()).isEqualTo("corrected");

		var live = get("/TradeRecordRequest/" + position).json().get("data");
		assertThat(live.get("comment").asString()).isEqualTo("corrected");
		assertThat(live.get("magic").asInt()).isEqualTo(42);
		assertThat(live.get("commission").asDouble()).isEqualTo(-3.5);
		assertThat(live.get("profit").asDouble()).as("an open position's profit follows the market").isNotEqualTo(999);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(get("/TradesGet/" + position).json().get("data").get("comment").asString()).isEqualTo("corrected"));

		transaction("{\"tradeTransactionType\":\"CloseMarket\",\"order\":" + position + "}");
		assertThat(post("/AdmTradeRecordModify/" + position, "{\"profit\":12.5}").status()).isEqualTo(200);
		assertThat(get("/TradeRecordRequest/" + position).json().get("data").get("profit").asDouble()).isEqualTo(12.5);

		assertThat(post("/AdmTradeRecordModify/" + position, "{\"taxes\":1}").json().get("error").get("code").asString()).isEqualTo("Validation");
		assertThat(post("/AdmTradeRecordModify/987654321", "{\"magic\":1}").status()).isEqualTo(404);
	}

	@Test
	void deletingPendingOrdersRemovesThemAndAMissingTicketDeletesNothing() {
		var first = openPending(1002, "SellLimit", 9.5);
		var second = openPending(1002, "BuyStop", 9.0);

		var refused = post("/AdmTradesDelete?orders=" + first + "&orders=987654321", "");
		assertThat(refused.status()).isEqualTo(404);
		assertThat(tickets(get("/TradesRequest?group=demoforex-eur"))).contains(first, second);

		var deleted = post("/AdmTradesDelete?orders=" + first + "&orders=" + second, "");
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(deleted.json().get("data").asBoolean()).isTrue();
		assertThat(tickets(get("/TradesRequest?group=demoforex-eur"))).doesNotContain(first, second);
		assertThat(get("/TradeRecordRequest/" + first).json().get("data").get("tradeRecordState").asString()).isEqualTo("Deleted");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/TradesGet/" + second).status()).isEqualTo(404));
		assertThat(post("/AdmTradesDelete", "").json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	@Test
	void deletingAPositionRemovesItWithoutClosingIt() {
		var position = open(1003, "Buy", 10);
		var balance = balance(1003);

		var deleted = post("/AdmTradesDelete?orders=" + position, "");

		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(tickets(get("/TradesRequest?group=demopro"))).doesNotContain(position);
		assertThat(tickets(get("/TradesUserHistory/1003"))).as("not booked as a close").doesNotContain(position);
		assertThat(balance(1003)).isEqualTo(balance);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/TradesGet/" + position).status()).isEqualTo(404));
	}

	@Test
	void checkingStopsAnswersTheServersVerdictWithoutTrading() {
		var position = open(1001, "Buy", 10);
		var before = tickets(get("/TradesRequest?group=demoforex"));

		var pendingWithinLevels = post("/TradeCheckStops", "{\"tradeTransactionType\":\"OpenPending\",\"tradeCommand\":\"BuyLimit\","
				+ "\"symbol\":\"EURUSD\",\"volume\":10,\"price\":0.5,\"sl\":0.4,\"tp\":0.6}");
		assertThat(pendingWithinLevels.json().get("data").asBoolean()).as(pendingWithinLevels.body()).isTrue();
		var stopLossAboveThePrice = post("/TradeCheckStops", "{\"tradeTransactionType\":\"ModifyTrade\",\"order\":" + position + ",\"sl\":1000}");
		assertThat(stopLossAboveThePrice.json().get("data").asBoolean()).as(stopLossAboveThePrice.body()).isFalse();
		assertThat(tickets(get("/TradesRequest?group=demoforex"))).isEqualTo(before);

		assertThat(post("/TradeCheckStops", "{\"tradeTransactionType\":\"ModifyTrade\",\"order\":987654321}").status()).isEqualTo(404);
		assertThat(post("/TradeCheckStops", "{\"tradeTransactionType\":\"OpenPending\",\"tradeCommand\":\"Balance\",\"symbol\":\"EURUSD\"}")
			.json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	@Test
	void committedTicketsHaveNothingToRollBack() {
		var position = open(1001, "Sell", 10);

		assertThat(post("/TradeClearRollback/" + position, "").json().get("data").asBoolean()).isTrue();
		assertThat(get("/TradeRecordRequest/" + position).json().get("data").get("tradeRecordState").asString()).isEqualTo("OpenNormal");
		assertThat(post("/TradeClearRollback/987654321", "").status()).isEqualTo(404);
		assertThat(post("/TradeClearRollback/0", "").status()).isEqualTo(400);
	}

	@Test
	void unknownThingsAreNotFoundAndBadInputIsAValidationError() {
		for (var missing : List.of("/TradesGet/987654321", "/TradeRecordGet/987654321", "/TradeRecordRequest/987654321",
				"/TradesGetByLogin/99999999/demoforex", "/TradesGetByLogin/1001/demopro", "/TradesGetBySymbol?symbol=NOSUCH",
				"/TradesRequest?group=nosuchgroup", "/TradesRequest?group=DEMOFOREX", "/AdmTradesRequest/nosuchgroup",
				"/TradesUserHistory/99999999")) {
			var response = get(missing);
			assertThat(response.status()).as(missing + " " + response.body()).isEqualTo(404);
			assertThat(response.json().get("error").get("code").asString()).isEqualTo("NotFound");
		}
		for (var bad : List.of("/TradesGet/0", "/TradeRecordGet/-1", "/TradeRecordRequest/abc", "/TradesGetByLogin/0/demoforex",
				"/TradesGetByLogin/1001/a-group-name-too-long", "/TradesGetBySymbol", "/TradesGetBySymbol?symbol=ABCDEFGHIJKLM",
				"/TradesRequest?limit=5001", "/TradesRequest?group=demo*", "/TradeRecordsRequest", "/TradeRecordsRequest?orders=0",
				"/AdmTradesRequest/demo,real", "/TradesUserHistory/1001?fromTime=never",
				"/TradesUserHistory/1001?fromTime=2024-02-01T00:00:00Z&toTime=2024-01-01T00:00:00Z", "/TradesSnapshot?limit=0")) {
			var response = get(bad);
			assertThat(response.status()).as(bad + " " + response.body()).isEqualTo(400);
			assertThat(response.json().get("error").get("code").asString()).isEqualTo("Validation");
		}
	}

	private int open(int login, String command, int volume) {
		var opened = transaction("{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"" + command + "\",\"orderBy\":" + login
				+ ",\"symbol\":\"EURUSD\",\"volume\":" + volume + "}");
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		return opened.json().get("data").get("order").asInt();
	}

	private int openPending(int login, String command, double price) {
		var opened = transaction("{\"tradeTransactionType\":\"OpenPending\",\"tradeCommand\":\"" + command + "\",\"orderBy\":" + login
				+ ",\"symbol\":\"EURUSD\",\"volume\":10,\"price\":" + price + "}");
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		return opened.json().get("data").get("order").asInt();
	}

	private double balance(int login) {
		return get("/UserRecordRequest/" + login).json().get("data").get("balance").asDouble();
	}

	private Http.Response transaction(String body) {
		return post("/TradeTransaction", body);
	}

	private static List<Integer> tickets(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var tickets = new ArrayList<Integer>();
		for (JsonNode trade : response.json().get("data")) {
			tickets.add(trade.get("order").asInt());
		}
		return tickets;
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}

	private Http.Response post(String operation, String json) {
		return http.postRaw("/api/v2/MT4/" + platform + operation, "application/json-patch+json", json, "Authorization", bearer);
	}
}
