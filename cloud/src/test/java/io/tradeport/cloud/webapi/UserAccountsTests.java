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
import io.tradeport.gateway.v1.ModifyTradeRecordRequest;
import io.tradeport.gateway.v1.TradingGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Users and Authentication operations against the built-in server: each change seen live and, after the pump, cached. */
@TradeportApplicationTest
class UserAccountsTests {

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
		var connected = fixtures.newPlatformOnGateway("accounts", tradeServer.port(), "gateway-password", Set.of("read", "trade", "admin"), http);
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	void aNewUserAppearsInUserRecordRequestAndAfterThePumpInUserRecordGet() {
		var created = post("/UserRecordNew", "{\"login\":0,\"group\":\"demoforex\",\"name\":\"Nina Brandt\",\"email\":\"nina@example.com\","
				+ "\"city\":\"Hamburg\",\"comment\":\"from the API\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		var login = created.json().get("data").get("login").asInt();
		assertThat(login).isPositive();
		assertThat(created.body().toLowerCase()).as("passwords are never answered").doesNotContain("password");

		var live = get("/UserRecordRequest/" + login).json().get("data");
		assertThat(live.get("name").asString()).isEqualTo("Nina Brandt");
		assertThat(live.get("group").asString()).isEqualTo("demoforex");
		assertThat(live.get("leverage").asInt()).as("the group's default leverage").isEqualTo(100);
		assertThat(live.get("enableFlags").asInt() & UserFields.ENABLED).as("enabled when no flags are given").isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var cached = get("/UserRecordGet/" + login);
			assertThat(cached.status()).isEqualTo(200);
			assertThat(cached.json().get("data").get("email").asString()).isEqualTo("nina@example.com");
		});
	}

	@Test
	void aNewUserNeedsAGroupAndAFreeLogin() {
		assertThat(code(post("/UserRecordNew", "{\"name\":\"Nobody\"}"))).isEqualTo("Validation");
		assertThat(code(post("/UserRecordNew", "{\"group\":\"nosuchgroup\"}"))).isEqualTo("MT4Error");
		var taken = post("/UserRecordNew", "{\"login\":1001,\"group\":\"demoforex\"}");
		assertThat(code(taken)).isEqualTo("MT4Error");
		assertThat(taken.json().get("error").get("managerCode").asString()).isEqualTo("InvalidData");
		assertThat(code(post("/UserRecordNew", "{\"login\":-4,\"group\":\"demoforex\"}"))).isEqualTo("Validation");
		assertThat(code(post("/UserRecordNew", "{\"group\":\"demoforex\",\"email\":\"" + "x".repeat(48) + "\"}"))).isEqualTo("Validation");
	}

	@Test
	void aPasswordSetThroughTheApiIsTheOneTheCheckAccepts() {
		var login = newUser("Password Owner");
		assertThat(code(post("/UserPasswordCheck/" + login, "\"Secret123\""))).as("created without a usable password").isEqualTo("MT4Error");

		assertThat(post("/UserPasswordSet/" + login, "\"Secret123\"").json().get("data").asBoolean()).isTrue();
		assertThat(post("/UserPasswordSet/" + login + "?changeInvestor=true", "\"Reader123\"").json().get("data").asBoolean()).isTrue();

		assertThat(post("/UserPasswordCheck/" + login, "\"Secret123\"").json().get("data").asBoolean()).isTrue();
		var wrong = post("/UserPasswordCheck/" + login, "\"Secret999\"");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("error").get("code").asString()).isEqualTo("MT4Error");
		assertThat(wrong.json().get("error").get("managerCode").asString()).isEqualTo("BadAccountInfo");
		assertThat(code(post("/UserPasswordCheck/" + login, "\"Reader123\""))).as("the investor password is not the password").isEqualTo("MT4Error");
		assertThat(code(post("/UserPasswordSet/" + login, "{\"password\":\"Secret123\"}"))).isEqualTo("Validation");
		assertThat(code(post("/UserPasswordSet/" + login + "?cleanPubkey=true", "\"Secret456\""))).isEqualTo("Validation");
		assertThat(post("/UserPasswordCheck/" + login, "\"Secret123\"").json().get("data").asBoolean()).as("refused changes changed nothing").isTrue();
	}

	@Test
	void usersRequestPagesThroughEveryAccountInLoginOrder() {
		for (var i = 0; i < 3; i++) {
			newUser("Paged " + i);
		}
		var whole = logins(get("/UsersRequest").json().get("data"));
		assertThat(whole).hasSizeGreaterThanOrEqualTo(6).contains(1001, 1002, 1003).isSorted().doesNotHaveDuplicates();

		var paged = new ArrayList<Integer>();
		var pages = 0;
		String cursor = null;
		do {
			var page = get("/UsersRequest?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			var items = logins(page.get("data"));
			assertThat(items).hasSizeLessThanOrEqualTo(2);
			paged.addAll(items);
			var paging = page.get("meta").get("paging");
			cursor = paging.get("hasMore").asBoolean() ? paging.get("nextCursor").asString() : null;
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isGreaterThanOrEqualTo(3);
		assertThat(paged).isEqualTo(whole);
		assertThat(code(get("/UsersRequest?limit=5001"))).isEqualTo("Validation");
		assertThat(code(get("/UsersRequest?cursor=bm90LW91cnM"))).isEqualTo("Validation");
	}

	@Test
	void batchAndGroupReadsAnswerTheAccountsAsked() {
		var login = newUser("Batch Read");
		var batch = logins(get("/UserRecordsRequest?logins=1002&logins=" + login + "&logins=99999999").json().get("data"));
		assertThat(batch).as("unknown logins are left out").containsExactlyInAnyOrder(1002, login);
		assertThat(code(get("/UserRecordsRequest"))).isEqualTo("Validation");
		assertThat(code(get("/UserRecordsRequest?logins=0"))).isEqualTo("Validation");

		var group = get("/AdmUsersRequestSafe/demoforex").json().get("data");
		assertThat(logins(group)).contains(1001, login).doesNotContain(1002, 1003);
		group.forEach(user -> assertThat(user.get("group").asString()).isEqualTo("demoforex"));
		assertThat(logins(get("/AdmUsersRequestSafe/demoforex-eur,demopro").json().get("data"))).contains(1002, 1003).doesNotContain(1001);
		assertThat(code(get("/AdmUsersRequestSafe/demo*"))).isEqualTo("Validation");
		assertThat(code(get("/AdmUsersRequestSafe/" + "g".repeat(17)))).isEqualTo("Validation");

		var snapshot = logins(get("/UsersSnapshot").json().get("data"));
		assertThat(snapshot).contains(1001, 1002, 1003, login).isSorted();
		assertThat(logins(get("/UsersSnapshot?limit=2").json().get("data"))).containsExactly(snapshot.get(0), snapshot.get(1));
		assertThat(code(get("/UsersSnapshot?limit=0"))).isEqualTo("Validation");
	}

	@Test
	void aPatchChangesOnlyTheFieldsInItsBody() {
		var login = newUser("Patch Target");
		var before = get("/UserRecordRequest/" + login).json().get("data");

		var patched = patch("/UserRecord/" + login, "{\"comment\":\"vip\",\"phone\":\"+49 40 123\",\"notAField\":true}");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		var echoed = patched.json().get("data");
		assertThat(echoed.get("comment").asString()).isEqualTo("vip");
		assertThat(echoed.get("phone").asString()).isEqualTo("+49 40 123");
		var after = get("/UserRecordRequest/" + login).json().get("data");
		for (var unchanged : List.of("name", "email", "city", "group", "leverage", "enableFlags", "balance")) {
			assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
		}
		assertThat(after.get("comment").asString()).isEqualTo("vip");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(get("/UserRecordGet/" + login).json().get("data").get("comment").asString()).isEqualTo("vip"));

		// What the SDK's patch function sends when handed a string body: no Content-Type of its own, so text/plain.
		var sdkLike = http.sendRaw("PATCH", "/api/v2/MT4/" + platform + "/UserRecord/" + login, "text/plain;charset=UTF-8",
				"{\"city\":\"Bremen\"}", "Authorization", bearer);
		assertThat(sdkLike.status()).as(sdkLike.body()).isEqualTo(200);
		assertThat(sdkLike.json().get("data").get("city").asString()).isEqualTo("Bremen");
		assertThat(sdkLike.json().get("data").get("comment").asString()).isEqualTo("vip");

		assertThat(code(patch("/UserRecord/" + login, "{\"leverage\":\"high\"}"))).isEqualTo("Validation");
		assertThat(code(patch("/UserRecord/" + login, "{\"comment\":"))).isEqualTo("Validation");
		assertThat(code(patch("/UserRecord/" + login, "[1,2]"))).isEqualTo("Validation");
		assertThat(code(patch("/UserRecord/" + login, "{\"comment\":\"x\",\"balance\":123456}"))).isEqualTo("Validation");
		assertThat(get("/UserRecordRequest/" + login).json().get("data").get("comment").asString()).as("a refused patch changes nothing").isEqualTo("vip");
		assertThat(code(patch("/UserRecord/0", "{\"comment\":\"x\"}"))).isEqualTo("Validation");
		assertThat(code(patch("/UserRecord/99999999", "{\"comment\":\"x\"}"))).isEqualTo("MT4Error");
	}

	@Test
	void userRecordUpdateWritesTheFieldsButNotMoney() {
		var login = newUser("Update Target");
		var current = get("/UserRecordRequest/" + login).json().get("data");

		var updated = post("/UserRecordUpdate/" + login, "{\"group\":\"demopro\",\"name\":\"Updated Name\",\"leverage\":50,\"enableFlags\":5,"
				+ "\"sendReports\":1,\"balance\":" + current.get("balance").asDouble() + "}");
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		var live = get("/UserRecordRequest/" + login).json().get("data");
		assertThat(live.get("group").asString()).isEqualTo("demopro");
		assertThat(live.get("name").asString()).isEqualTo("Updated Name");
		assertThat(live.get("leverage").asInt()).isEqualTo(50);
		assertThat(live.get("enableFlags").asInt()).isEqualTo(UserFields.ENABLED | UserFields.READ_ONLY);
		assertThat(live.get("sendReports").asInt()).isEqualTo(1);

		assertThat(code(post("/UserRecordUpdate/" + login, "{\"credit\":500}"))).isEqualTo("Validation");
		assertThat(code(post("/UserRecordUpdate/" + login, "{\"enableFlags\":9}"))).isEqualTo("Validation");
		assertThat(code(post("/UserRecordUpdate/" + login, "{\"group\":\"nosuchgroup\"}"))).isEqualTo("MT4Error");
		assertThat(get("/UserRecordRequest/" + login).json().get("data").get("group").asString()).isEqualTo("demopro");
	}

	@Test
	void usersGroupOpMovesChangesLeverageDisablesAndDeletesTogether() {
		var first = newUser("Group Op One");
		var second = newUser("Group Op Two");
		var both = "[" + first + "," + second + "]";

		assertThat(post("/UsersGroupOp", "{\"command\":\"SetGroup\",\"newGroup\":\"demopro\",\"logins\":" + both + "}").json().get("data").asBoolean()).isTrue();
		assertThat(post("/UsersGroupOp", "{\"command\":\"Leverage\",\"leverage\":25,\"logins\":" + both + "}").status()).isEqualTo(200);
		assertThat(post("/UsersGroupOp", "{\"command\":\"Disable\",\"logins\":" + both + "}").status()).isEqualTo(200);
		var changed = get("/UserRecordsRequest?logins=" + first + "&logins=" + second).json().get("data");
		assertThat(changed).hasSize(2);
		changed.forEach(user -> {
			assertThat(user.get("group").asString()).isEqualTo("demopro");
			assertThat(user.get("leverage").asInt()).isEqualTo(25);
			assertThat(user.get("enableFlags").asInt() & UserFields.ENABLED).isZero();
		});

		assertThat(code(post("/UsersGroupOp", "{\"command\":\"SetGroup\",\"newGroup\":\"nosuchgroup\",\"logins\":" + both + "}"))).isEqualTo("MT4Error");
		assertThat(code(post("/UsersGroupOp", "{\"command\":\"Archive\",\"logins\":" + both + "}"))).isEqualTo("Validation");
		assertThat(code(post("/UsersGroupOp", "{\"command\":\"Enable\",\"logins\":[]}"))).isEqualTo("Validation");
		assertThat(code(post("/UsersGroupOp", "{\"command\":\"Leverage\",\"logins\":" + both + "}"))).isEqualTo("Validation");
		assertThat(code(post("/UsersGroupOp", "{\"command\":\"Enable\",\"logins\":[" + first + ",99999999]}"))).as("all or nothing").isEqualTo("MT4Error");
		assertThat(get("/UserRecordRequest/" + first).json().get("data").get("enableFlags").asInt() & UserFields.ENABLED).isZero();

		assertThat(post("/UsersGroupOp", "{\"command\":\"Delete\",\"logins\":" + both + "}").json().get("data").asBoolean()).isTrue();
		assertThat(get("/UserRecordsRequest?logins=" + first + "&logins=" + second).json().get("data")).isEmpty();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/UserRecordGet/" + first).status()).isEqualTo(404));
	}

	@Test
	void admBalanceCheckFindsABalanceThatDisagreesWithItsHistoryAndAdmBalanceFixRepairsIt() {
		var login = newUser("Drifting Balance");
		var deposit = post("/TradeTransaction", "{\"tradeTransactionType\":\"BalanceAdd\",\"orderBy\":" + login + ",\"price\":500}");
		assertThat(deposit.status()).as(deposit.body()).isEqualTo(200);
		assertThat(get("/AdmBalanceCheck/" + login).json().get("data").get("diff").asDouble()).isZero();
		// An administrator's edit of the deposit record leaves the balance as it was: MT4's classic drift.
		TradingGrpc.newBlockingStub(tradeServer.administrator())
			.modifyTradeRecord(ModifyTradeRecordRequest.newBuilder().setOrder(deposit.json().get("data").get("order").asInt()).setProfit(400).build());

		var single = get("/AdmBalanceCheck/" + login).json().get("data");
		assertThat(single.get("login").asInt()).isEqualTo(login);
		assertThat(single.get("diff").asDouble()).isEqualTo(100);
		var batch = get("/AdmBalanceCheck?logins=1001&logins=" + login).json().get("data");
		assertThat(batch).as("accounts that agree are left out").hasSize(1);
		assertThat(batch.get(0).get("login").asInt()).isEqualTo(login);

		assertThat(code(post("/AdmBalanceFix", ""))).isEqualTo("Validation");
		assertThat(post("/AdmBalanceFix?logins=" + login, "").json().get("data").asBoolean()).isTrue();
		assertThat(get("/AdmBalanceCheck/" + login).json().get("data").get("diff").asDouble()).isZero();
		assertThat(get("/UserRecordRequest/" + login).json().get("data").get("balance").asDouble()).isEqualTo(400);
		assertThat(logins(get("/AdmBalanceCheck?logins=" + login).json().get("data"))).isEmpty();
		assertThat(code(get("/AdmBalanceCheck/99999999"))).isEqualTo("MT4Error");
		assertThat(code(get("/AdmBalanceCheck?logins=x"))).isEqualTo("Validation");
	}

	@Test
	void usersSyncReadHandsOutEveryRecordOnceAndThenOnlyTheChangedOnes() {
		var login = newUser("Synced");
		await().atMost(Duration.ofSeconds(10)).until(() -> get("/UserRecordGet/" + login).status() == 200);
		assertThat(code(get("/UsersSyncRead"))).as("no sync started").isEqualTo("Validation");
		assertThat(post("/UsersSyncStart?timestamp=0", "").json().get("data").asBoolean()).isTrue();

		var first = logins(get("/UsersSyncRead?limit=2").json().get("data"));
		assertThat(first).hasSize(2);
		var all = new ArrayList<>(first);
		List<Integer> more;
		do {
			more = logins(get("/UsersSyncRead?limit=2").json().get("data"));
			all.addAll(more);
		}
		while (!more.isEmpty() && all.size() < 1000);
		assertThat(all).contains(1001, 1002, 1003, login).doesNotHaveDuplicates();

		patch("/UserRecord/" + login, "{\"comment\":\"changed after the first read\"}");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logins(get("/UsersSyncRead").json().get("data"))).contains(login));
		assertThat(logins(get("/UsersSyncRead").json().get("data"))).as("handed out once").doesNotContain(login);

		// A start in the future: changes before it are not wanted.
		assertThat(post("/UsersSyncStart?timestamp=" + Integer.MAX_VALUE, "").status()).isEqualTo(200);
		patch("/UserRecord/" + login, "{\"comment\":\"changed before the start\"}");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(get("/UserRecordGet/" + login).json().get("data").get("comment").asString()).isEqualTo("changed before the start"));
		assertThat(logins(get("/UsersSyncRead").json().get("data"))).isEmpty();
		assertThat(code(post("/UsersSyncStart?timestamp=-1", ""))).isEqualTo("Validation");
		assertThat(code(get("/UsersSyncRead?limit=1000001"))).isEqualTo("Validation");
	}

	private int newUser(String name) {
		var created = post("/UserRecordNew", "{\"group\":\"demoforex\",\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return created.json().get("data").get("login").asInt();
	}

	private static List<Integer> logins(JsonNode users) {
		var logins = new ArrayList<Integer>();
		users.forEach(user -> logins.add(user.get("login").asInt()));
		return logins;
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
