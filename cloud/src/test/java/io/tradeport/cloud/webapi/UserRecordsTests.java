package io.tradeport.cloud.webapi;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.BuiltInTradeServer;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.platforms.TradePlatforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** UserRecordGet reads the pumping cache, UserRecordRequest asks the server; the cache follows the pump. */
@TradeportApplicationTest
class UserRecordsTests {

	@RegisterExtension
	static final BuiltInTradeServer tradeServer = BuiltInTradeServer.loopback();

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	TradePlatforms platforms;

	@Autowired
	ApiClients clients;

	Http http;
	String bearer;
	TradePlatformId platform;
	ApiClientFixtures.OwnedClient owned;

	@BeforeEach
	void aPlatform() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("users", tradeServer.port(), "gateway-password", Set.of("read", "trade"), http);
		owned = connected.owned();
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	void theCachedRecordFollowsThePumpAndMatchesTheServersOwn() {
		var cached = get("/UserRecordGet/1001");
		assertThat(cached.status()).as(cached.body()).isEqualTo(200);
		var user = cached.json().get("data");
		assertThat(user.get("login").asInt()).isEqualTo(1001);
		assertThat(user.get("group").asString()).isNotBlank();
		assertThat(user.get("enableFlags").asInt() & 1).isEqualTo(1);
		var before = user.get("balance").asDouble();

		var deposit = http.postRaw("/api/v2/MT4/" + platform + "/TradeTransaction", "application/json",
				"{\"tradeTransactionType\":\"BalanceAdd\",\"orderBy\":1001,\"price\":123.45}", "Authorization", bearer);
		assertThat(deposit.status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(get("/UserRecordGet/1001").json().get("data").get("balance").asDouble()).isEqualTo(before + 123.45));
		var live = get("/UserRecordRequest/1001").json().get("data");
		assertThat(live.get("balance").asDouble()).isEqualTo(before + 123.45);
		assertThat(live.get("login").asInt()).isEqualTo(1001);
	}

	@Test
	void unknownAccountsAreNotFoundAndBadLoginsAreValidationErrors() {
		var missing = get("/UserRecordGet/99999999");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("error").get("code").asString()).isEqualTo("NotFound");
		assertThat(get("/UserRecordRequest/99999999").json().get("error").get("code").asString()).isIn("MT4Error", "NotFound");
		assertThat(get("/UserRecordGet/-5").json().get("error").get("code").asString()).isEqualTo("Validation");
		assertThat(get("/UserRecordGet/abc").json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	@Test
	void aPlatformWhoseServerIsDownFailsFastWithNoConnect() {
		var down = platforms.create(owned.organization(), "Down " + UUID.randomUUID(), PlatformType.MT4, owned.owner());
		platforms.setManagerApi(owned.organization(), down, "127.0.0.1:" + TestInfrastructure.freePort(), 1, "x", owned.owner());
		var first = http.get("/api/v2/MT4/" + down + "/UserRecordGet/1001", "Authorization", bearer);
		assertThat(first.status()).isEqualTo(503);
		assertThat(first.json().get("error").get("code").asString()).isEqualTo("NoConnect");
		var started = System.nanoTime();
		assertThat(http.get("/api/v2/MT4/" + down + "/UserRecordGet/1001", "Authorization", bearer).status()).isEqualTo(503);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("fails fast while reconnecting").isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aNewPlatformAndChangedCredentialsApplyToTheVeryNextCall() {
		assertThat(get("/UserRecordRequest/1001").status()).isEqualTo(200);
		var added = platforms.create(owned.organization(), "Added " + UUID.randomUUID(), PlatformType.MT4, owned.owner());
		platforms.setManagerApi(owned.organization(), added, "127.0.0.1:" + tradeServer.port(), 1, "gateway-password", owned.owner());
		assertThat(http.get("/api/v2/MT4/" + added + "/UserRecordRequest/1001", "Authorization", bearer).status()).isEqualTo(200);

		platforms.setManagerApi(owned.organization(), platform, "127.0.0.1:" + TestInfrastructure.freePort(), 1, "x", owned.owner());
		assertThat(get("/UserRecordRequest/1001").json().get("error").get("code").asString()).isEqualTo("NoConnect");
		platforms.delete(owned.organization(), added, owned.owner());
		assertThat(http.get("/api/v2/MT4/" + added + "/UserRecordRequest/1001", "Authorization", bearer).status()).isEqualTo(403);
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}
}
