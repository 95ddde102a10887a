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

/** The Groups operations against the built-in server's demo groups: cached reads, live reads, and changes to them. */
@TradeportApplicationTest
class GroupsTests {

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
		var connected = fixtures.newPlatformOnGateway("groups", tradeServer.port(), "gateway-password", Set.of("read", "trade", "admin"), http);
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	void theCachedGroupsAreTheServersGroups() {
		var cached = names(get("/GroupsGet").json().get("data"));
		assertThat(cached).contains("demoforex", "demoforex-eur", "demopro").isSorted();
		assertThat(names(get("/GroupsRequest").json().get("data"))).isEqualTo(cached);

		var demoforex = get("/GroupRecordGet/demoforex").json().get("data");
		assertThat(demoforex.get("group").asString()).isEqualTo("demoforex");
		assertThat(demoforex.get("currency").asString()).isEqualTo("USD");
		assertThat(demoforex.get("defaultLeverage").asInt()).isEqualTo(100);
		assertThat(demoforex.get("marginCall").asInt()).isEqualTo(100);
		assertThat(demoforex.get("marginStopout").asInt()).isEqualTo(50);
		assertThat(demoforex.get("marginControllingType").asString()).isEqualTo("Percent");
		assertThat(demoforex.has("timeout")).as("what the gateway does not carry is left out, not invented").isFalse();
		assertThat(demoforex.has("newsMode")).isFalse();
	}

	@Test
	void aGroupHasTheRulesOfAll32SymbolGroupsAndItsSymbolMargins() {
		var securities = get("/GroupSecGroupsGet/demopro").json().get("data");
		assertThat(securities).hasSize(32);
		var forex = securities.get(0);
		assertThat(forex.get("standardCommission").asDouble()).as("demopro charges 7 per lot on forex").isEqualTo(7);
		assertThat(forex.get("commissionType").asString()).isEqualTo("Money");
		assertThat(forex.get("commissionLotsMode").asString()).isEqualTo("PerLot");
		assertThat(forex.get("lotMin").asInt()).isEqualTo(1);
		assertThat(forex.get("lotMax").asInt()).isEqualTo(10_000);
		assertThat(securities.get(2).get("lotStep").asInt()).as("indices trade in steps of 0.1 lot").isEqualTo(10);

		assertThat(get("/GroupSecMarginsGet/demoforex").json().get("data")).isEmpty();
		assertThat(get("/GroupRecordGet/demoforex").json().get("data").get("secMarginsTotal").asInt()).isZero();
	}

	@Test
	void groupsRequestPagesByNameAndEnsureGroupNameExistIsCaseSensitive() {
		var whole = names(get("/GroupsRequest").json().get("data"));
		var paged = new ArrayList<String>();
		var pages = 0;
		String cursor = null;
		do {
			var page = get("/GroupsRequest?limit=1" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			paged.addAll(names(page.get("data")));
			var paging = page.get("meta").get("paging");
			cursor = paging.get("hasMore").asBoolean() ? paging.get("nextCursor").asString() : null;
			pages++;
		}
		while (cursor != null);
		assertThat(paged).isEqualTo(whole);
		assertThat(pages).isEqualTo(whole.size());

		assertThat(get("/EnsureGroupNameExist/demopro").json().get("data").asBoolean()).isTrue();
		assertThat(get("/EnsureGroupNameExist/DemoPro").json().get("data").asBoolean()).isFalse();
		assertThat(get("/EnsureGroupNameExist/nosuchgroup").json().get("data").asBoolean()).isFalse();
		assertThat(code(get("/EnsureGroupNameExist/" + "g".repeat(17)))).isEqualTo("Validation");
		assertThat(code(get("/GroupsRequest?cursor=garbage"))).isEqualTo("Validation");
		assertThat(code(get("/GroupsRequest?limit=0"))).isEqualTo("Validation");
	}

	@Test
	void aPatchChangesOnlyTheGivenFieldsOnTheServerAndThenInTheCache() {
		var before = get("/GroupsRequest").json().get("data");
		var patched = patch("/GroupRecord/demoforex-eur", "{\"company\":\"Patched Broker Ltd\",\"maxPositions\":40,\"somethingNew\":1}");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("data").get("company").asString()).isEqualTo("Patched Broker Ltd");

		var live = group(get("/GroupsRequest").json().get("data"), "demoforex-eur");
		var old = group(before, "demoforex-eur");
		assertThat(live.get("maxPositions").asInt()).isEqualTo(40);
		for (var unchanged : List.of("currency", "defaultLeverage", "marginCall", "marginStopout", "marginMode", "hedgeProhibited", "supportEmail")) {
			assertThat(live.get(unchanged)).as(unchanged).isEqualTo(old.get(unchanged));
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(get("/GroupRecordGet/demoforex-eur").json().get("data").get("company").asString()).isEqualTo("Patched Broker Ltd"));

		assertThat(code(patch("/GroupRecord/demoforex-eur", "{\"marginMode\":\"Sometimes\"}"))).isEqualTo("Validation");
		assertThat(code(patch("/GroupRecord/demoforex-eur", "{\"company\":\"Half Applied\",\"newsMode\":\"Full\"}"))).isEqualTo("Validation");
		assertThat(group(get("/GroupsRequest").json().get("data"), "demoforex-eur").get("company").asString())
			.as("a refused patch changes nothing").isEqualTo("Patched Broker Ltd");
		assertThat(code(patch("/GroupRecord/nosuchgroup", "{\"company\":\"x\"}"))).isEqualTo("NotFound");
	}

	@Test
	void groupRecordUpdateWritesTheGatewaysFieldsAndRefusesTheOthers() {
		var updated = post("/GroupRecordUpdate/demopro", "{\"enable\":1,\"defaultLeverage\":400,\"marginCall\":90,\"marginStopout\":40,"
				+ "\"marginMode\":\"UseProfit\",\"marginControllingType\":\"Percent\",\"hedgeProhibited\":1,\"groupRights\":\"Expiration\","
				+ "\"supportEmail\":\"desk@example.com\",\"timeout\":0,\"otpMode\":\"Disabled\",\"credit\":0}");
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		var live = group(get("/GroupsRequest").json().get("data"), "demopro");
		assertThat(live.get("defaultLeverage").asInt()).isEqualTo(400);
		assertThat(live.get("marginCall").asInt()).isEqualTo(90);
		assertThat(live.get("marginStopout").asInt()).isEqualTo(40);
		assertThat(live.get("marginMode").asString()).isEqualTo("UseProfit");
		assertThat(live.get("hedgeProhibited").asInt()).isEqualTo(1);
		assertThat(live.get("groupRights").asString()).isEqualTo("Expiration");
		assertThat(live.get("supportEmail").asString()).isEqualTo("desk@example.com");
		assertThat(get("/GroupSecGroupsGet/demopro").json().get("data").get(0).get("standardCommission").asDouble())
			.as("the symbol-group rules are not part of the update and survive it").isEqualTo(7);

		var refused = post("/GroupRecordUpdate/demopro", "{\"defaultLeverage\":300,\"timeout\":30,\"archivePeriod\":90}");
		assertThat(code(refused)).isEqualTo("Validation");
		assertThat(refused.json().get("error").get("message").asString()).contains("timeout", "archivePeriod");
		assertThat(code(post("/GroupRecordUpdate/demopro", "{\"groupRights\":\"Trailing\"}"))).isEqualTo("Validation");
		assertThat(code(post("/GroupRecordUpdate/demopro", "{\"currency\":\"XX\"}"))).as("the server's own check").isEqualTo("MT4Error");
		assertThat(group(get("/GroupsRequest").json().get("data"), "demopro").get("defaultLeverage").asInt()).isEqualTo(400);
		assertThat(code(post("/GroupRecordUpdate/nosuchgroup", "{\"enable\":1}"))).isEqualTo("NotFound");
	}

	@Test
	void unknownGroupsAreNotFoundInTheCache() {
		for (var operation : List.of("/GroupRecordGet/nosuchgroup", "/GroupSecGroupsGet/nosuchgroup", "/GroupSecMarginsGet/nosuchgroup")) {
			var missing = get(operation);
			assertThat(missing.status()).as(operation).isEqualTo(404);
			assertThat(code(missing)).as(operation).isEqualTo("NotFound");
		}
		assertThat(code(get("/GroupRecordGet/" + "g".repeat(17)))).isEqualTo("Validation");
	}

	private static JsonNode group(JsonNode groups, String name) {
		for (var group : groups) {
			if (group.get("group").asString().equals(name)) {
				return group;
			}
		}
		throw new AssertionError("no group " + name + " in " + groups);
	}

	private static List<String> names(JsonNode groups) {
		var names = new ArrayList<String>();
		groups.forEach(group -> names.add(group.get("group").asString()));
		return names;
	}

	private static String code(Http.Response response) {
		return response.json().path("error").path("code").asString();
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}

	private Http.Response post(String operation, String json) {
		return http.postRaw("/api/v2/MT4/" + platform + operation, "application/json-patch+json", json, "Authorization", bearer);
	}

	private Http.Response patch(String operation, String json) {
		return http.sendRaw("PATCH", "/api/v2/MT4/" + platform + operation, "application/json", json, "Authorization", bearer);
	}
}
