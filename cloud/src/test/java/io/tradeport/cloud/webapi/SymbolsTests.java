package io.tradeport.cloud.webapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.BuiltInTradeServer;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.platforms.TradePlatformId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Symbol configuration goes to the server and comes back through the pump; quotes, selection and "updated since the
 * last call" are answered from this node's pumping cache.
 */
@TradeportApplicationTest
class SymbolsTests {

	@RegisterExtension
	static final BuiltInTradeServer tradeServer = BuiltInTradeServer.loopback();

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	Http http;
	String bearer;
	TradePlatformId platform;

	@BeforeEach
	void aPlatform() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("symbols", tradeServer.port(), "gateway-password", Set.of("read", "trade", "admin"), http);
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	void aSymbolUpdatedWithCfgUpdateSymbolIsAnsweredLiveAndReachesTheCacheThroughThePump() {
		var updated = post("/CfgUpdateSymbol/GBPUSD", "{\"description\":\"Cable\",\"stopsLevel\":25,\"type\":1,\"swapType\":\"Interest\"}");
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		var answered = updated.json().get("data");
		assertThat(answered.get("symbol").asString()).isEqualTo("GBPUSD");
		assertThat(answered.get("description").asString()).isEqualTo("Cable");
		assertThat(answered.get("stopsLevel").asInt()).isEqualTo(25);
		assertThat(answered.get("swapType").asString()).isEqualTo("Interest");

		var requested = get("/CfgRequestSymbol/GBPUSD").json().get("data");
		assertThat(requested).isEqualTo(answered);
		assertThat(requested.get("currency").asString()).as("the profit currency").isEqualTo("USD");
		assertThat(requested.get("marginCurrency").asString()).isEqualTo("GBP");
		assertThat(requested.get("digits").asInt()).isEqualTo(5);
		assertThat(requested.get("tradeMode").asString()).isEqualTo("Full");
		var listed = new ArrayList<JsonNode>();
		get("/CfgRequestSymbol").json().get("data").forEach(listed::add);
		assertThat(listed).contains(requested).hasSizeGreaterThanOrEqualTo(6);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(get("/SymbolInfoGet?symbol=GBPUSD").json().get("data").get("type").asInt()).isEqualTo(1));
	}

	@Test
	void aPatchChangesOnlyTheFieldsItNamesAndAnEmptyOneChangesNothing() {
		var before = get("/CfgRequestSymbol/EURJPY").json().get("data");
		var patched = http.sendRaw("PATCH", "/api/v2/MT4/" + platform + "/SymbolConfig/EURJPY", "application/merge-patch+json",
				"{\"freezeLevel\":7}", "Authorization", bearer);
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		var after = get("/CfgRequestSymbol/EURJPY").json().get("data");
		assertThat(after.get("freezeLevel").asInt()).isEqualTo(7);
		assertThat(withoutField(after, "freezeLevel")).isEqualTo(withoutField(before, "freezeLevel"));

		var empty = http.sendRaw("PATCH", "/api/v2/MT4/" + platform + "/SymbolConfig/EURJPY", "application/json-patch+json", "",
				"Authorization", bearer);
		assertThat(empty.status()).as(empty.body()).isEqualTo(200);
		assertThat(empty.json().get("data")).isEqualTo(after);
	}

	@Test
	void aChangeTheGatewayCannotCarryIsRefusedWholeAndNothingIsWritten() {
		var before = get("/CfgRequestSymbol/USDJPY").json().get("data");
		assertThat(before.get("backgroundColor").asInt()).isZero();

		var refused = post("/CfgUpdateSymbol/USDJPY", "{\"stopsLevel\":40,\"backgroundColor\":255,\"gtcMode\":\"Daily\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").get("code").asString()).isEqualTo("Validation");
		assertThat(refused.json().get("error").get("message").asString()).contains("backgroundColor", "gtcMode");
		assertThat(get("/CfgRequestSymbol/USDJPY").json().get("data")).isEqualTo(before);

		var asAnswered = post("/CfgUpdateSymbol/USDJPY", "{\"stopsLevel\":40,\"backgroundColor\":0,\"realtime\":1,\"percentage\":100,"
				+ "\"starting\":\"0001-01-01T00:00:00Z\"}");
		assertThat(asAnswered.status()).as("values as CfgRequestSymbol answers them are no change: " + asAnswered.body()).isEqualTo(200);
		assertThat(asAnswered.json().get("data").get("stopsLevel").asInt()).isEqualTo(40);
	}

	@Test
	void theExecutionModeIsReadAndSwitchedAndTheServerFillsByIt() {
		assertThat(get("/CfgRequestSymbol/EURJPY").json().get("data").get("symbolExecMode").asString()).isEqualTo("Instant");
		assertThat(post("/SymbolChange", "{\"symbol\":\"EURJPY\",\"exeMode\":\"Market\"}").status()).isEqualTo(200);
		assertThat(get("/CfgRequestSymbol/EURJPY").json().get("data").get("symbolExecMode").asString()).isEqualTo("Market");

		var withStops = post("/TradeTransaction", "{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1001,"
				+ "\"symbol\":\"EURJPY\",\"volume\":1,\"sl\":0.1}");
		assertThat(withStops.json().get("error").get("code").asString()).as("market execution takes no stops on opening").isEqualTo("MT4Error");

		var back = post("/CfgUpdateSymbol/EURJPY", "{\"symbolExecMode\":\"Instant\"}");
		assertThat(back.status()).as(back.body()).isEqualTo(200);
		assertThat(back.json().get("data").get("symbolExecMode").asString()).isEqualTo("Instant");
	}

	@Test
	void symbolChangeSetsTheDealersSpreadAndStopsLevel() {
		var changed = post("/SymbolChange", "{\"symbol\":\"XAUUSD\",\"spread\":35,\"stopsLevel\":60,\"color\":0,\"spreadBalance\":0,\"smoothing\":0}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("data").asBoolean()).isTrue();
		var config = get("/CfgRequestSymbol/XAUUSD").json().get("data");
		assertThat(config.get("spread").asInt()).isEqualTo(35);
		assertThat(config.get("stopsLevel").asInt()).isEqualTo(60);

		var refused = post("/SymbolChange", "{\"symbol\":\"XAUUSD\",\"spread\":10,\"smoothing\":3}");
		assertThat(refused.json().get("error").get("code").asString()).isEqualTo("Validation");
		assertThat(get("/CfgRequestSymbol/XAUUSD").json().get("data").get("spread").asInt()).isEqualTo(35);
	}

	@Test
	void ticksSentWithSymbolSendTickAreTheCachedQuoteWithTheirDirectionAndRange() {
		var before = get("/SymbolInfoGet?symbol=EURUSD").json().get("data");
		assertThat(before.get("high").asDouble()).as("the pump's range starts at its snapshot's quote").isEqualTo(before.get("bid").asDouble());
		assertThat(post("/SymbolSendTick?symbol=EURUSD&bid=1.16000&ask=1.16012", "").status()).isEqualTo(200);
		assertThat(post("/SymbolSendTick?symbol=EURUSD&bid=1.15500&ask=1.15514", "").status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var info = get("/SymbolInfoGet?symbol=EURUSD").json().get("data");
			assertThat(info.get("bid").asDouble()).isEqualTo(1.155);
			assertThat(info.get("ask").asDouble()).isEqualTo(1.15514);
			assertThat(info.get("direction").asString()).isEqualTo("Down");
			assertThat(info.get("high").asDouble()).isGreaterThanOrEqualTo(1.16);
			assertThat(info.get("low").asDouble()).isLessThanOrEqualTo(1.155);
			assertThat(info.get("spread").asInt()).isEqualTo(14);
			assertThat(info.get("digits").asInt()).isEqualTo(5);
			assertThat(info.get("lastTime").isString()).isTrue();
		});
		var tick = get("/TickInfoLast/EURUSD").json().get("data");
		assertThat(tick.get("bid").asDouble()).isEqualTo(1.155);
		assertThat(tick.get("time").asString()).isEqualTo(get("/SymbolInfoGet?symbol=EURUSD").json().get("data").get("lastTime").asString());
	}

	@Test
	void aHiddenSymbolLeavesTheCachedQuoteReadsUntilItIsAddedAgain() {
		assertThat(get("/TickInfoLast/US30").status()).isEqualTo(200);
		assertThat(post("/SymbolHide/US30", "").json().get("data").asBoolean()).isTrue();

		assertThat(get("/SymbolInfoGet?symbol=US30").status()).isEqualTo(404);
		assertThat(get("/TickInfoLast/US30").status()).isEqualTo(404);
		assertThat(symbols(get("/TickInfoLast").json().get("data"))).doesNotContain("US30").contains("EURUSD");
		assertThat(symbols(get("/SymbolInfoUpdated").json().get("data"))).doesNotContain("US30").contains("EURUSD");
		assertThat(get("/CfgRequestSymbol/US30").status()).as("hidden on the connection, still configured").isEqualTo(200);

		assertThat(post("/SymbolAdd/US30", "").json().get("data").asBoolean()).isTrue();
		assertThat(get("/SymbolInfoGet?symbol=US30").status()).isEqualTo(200);
		assertThat(symbols(get("/SymbolInfoUpdated").json().get("data"))).as("added again: a new subscription").containsExactly("US30");
		assertThat(post("/SymbolsRefresh", "").json().get("data").asBoolean()).isTrue();
	}

	@Test
	void symbolInfoUpdatedAnswersEveryChangeOnceInPagesByName() {
		var pages = new ArrayList<List<String>>();
		String cursor = null;
		do {
			var page = get("/SymbolInfoUpdated?limit=4" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			pages.add(symbols(page.get("data")));
			var paging = page.get("meta").get("paging");
			assertThat(paging.get("hasMore").asBoolean()).isEqualTo(!paging.get("nextCursor").isNull());
			cursor = paging.get("nextCursor").isNull() ? null : paging.get("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
		assertThat(pages.getFirst()).hasSize(4);
		var all = pages.stream().flatMap(List::stream).toList();
		assertThat(all).isSorted().doesNotHaveDuplicates().contains("EURUSD", "GBPUSD", "USDJPY", "EURJPY", "XAUUSD", "US30");
		assertThat(symbols(get("/SymbolInfoUpdated").json().get("data"))).as("everything delivered").isEmpty();

		assertThat(post("/SymbolSendTick?symbol=USDJPY&bid=156.500&ask=156.514", "").status()).isEqualTo(200);
		var changed = new ArrayList<String>();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			changed.addAll(symbols(get("/SymbolInfoUpdated").json().get("data")));
			assertThat(changed).contains("USDJPY");
		});
		assertThat(changed).containsExactly("USDJPY");
		assertThat(symbols(get("/SymbolInfoUpdated").json().get("data"))).isEmpty();
	}

	@Test
	void symbolGroupsAreTheServersSlotsAndSessionsTheTradeWindowsPerWeekday() {
		var groups = get("/SymbolsGroupsGet").json().get("data");
		assertThat(groups.size()).as("MT4's 32 slots; a symbol's type is its group's index").isEqualTo(32);
		assertThat(groups.get(0).get("name").asString()).isEqualTo("Forex");
		assertThat(groups.get(2).get("name").asString()).isEqualTo("Indices");
		assertThat(get("/CfgRequestSymbol/US30").json().get("data").get("type").asInt()).isEqualTo(2);

		var days = get("/SymbolSessionsGet/US30").json().get("data");
		assertThat(days.size()).isEqualTo(7);
		assertThat(days.get(0).get("dayOfWeek").asInt()).as("Sunday first").isZero();
		assertThat(days.get(0).get("trade").size()).isZero();
		var monday = days.get(1);
		assertThat(monday.get("dayOfWeek").asInt()).isEqualTo(1);
		assertThat(monday.get("quote").isNull()).as("the gateway carries trade sessions only").isTrue();
		var window = monday.get("trade").get(0);
		assertThat(List.of(window.get("openHour").asInt(), window.get("openMinute").asInt(), window.get("closeHour").asInt(),
				window.get("closeMinute").asInt())).containsExactly(1, 0, 23, 15);
		var allDay = get("/SymbolSessionsGet/EURUSD").json().get("data").get(3).get("trade").get(0);
		assertThat(allDay.get("closeHour").asInt()).as("to the end of the day, as MT4 writes it").isEqualTo(24);
	}

	@Test
	void unknownSymbolsAreNotFoundAndBadValuesAreValidationErrors() {
		for (var missing : List.of(get("/CfgRequestSymbol/NOSUCH"), get("/SymbolSessionsGet/NOSUCH"), get("/SymbolInfoGet?symbol=NOSUCH"),
				post("/CfgUpdateSymbol/NOSUCH", "{\"spread\":1}"), post("/SymbolChange", "{\"symbol\":\"NOSUCH\",\"spread\":1}"),
				post("/SymbolAdd/NOSUCH", ""), post("/SymbolHide/NOSUCH", ""), post("/SymbolSendTick?symbol=NOSUCH&bid=1&ask=1.1", ""))) {
			assertThat(missing.status()).as(missing.body()).isEqualTo(404);
			assertThat(missing.json().get("error").get("code").asString()).isEqualTo("NotFound");
		}
		for (var invalid : List.of(get("/SymbolInfoGet"), get("/CfgRequestSymbol/THIRTEENCHARS"), get("/SymbolInfoUpdated?limit=5001"),
				get("/SymbolInfoUpdated?cursor=bm9wZQ"), post("/CfgUpdateSymbol/EURUSD", "{\"digits\":-1}"),
				post("/CfgUpdateSymbol/EURUSD", "{\"marginCalculationMode\":\"Sometimes\"}"), post("/CfgUpdateSymbol/EURUSD", "{\"type\":\"x\"}"),
				post("/SymbolChange", "{\"spread\":1}"), post("/SymbolSendTick?symbol=EURUSD&bid=1.2", ""),
				post("/SymbolSendTick?symbol=EURUSD&bid=-1&ask=1", ""))) {
			assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
			assertThat(invalid.json().get("error").get("code").asString()).isEqualTo("Validation");
		}
		assertThat(get("/CfgRequestSymbol/EURUSD").json().get("data").get("digits").asInt()).isEqualTo(5);
	}

	private static List<String> symbols(JsonNode list) {
		var names = new ArrayList<String>();
		list.forEach(item -> names.add(item.get("symbol").asString()));
		return names;
	}

	private static JsonNode withoutField(JsonNode object, String field) {
		var copy = (tools.jackson.databind.node.ObjectNode) object.deepCopy();
		copy.remove(field);
		return copy;
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}

	private Http.Response post(String operation, String json) {
		return http.postRaw("/api/v2/MT4/" + platform + operation, "application/json-patch+json", json, "Authorization", bearer);
	}
}
