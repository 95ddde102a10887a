package io.tradeport.cloud.webapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;

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
import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.platforms.TradePlatformId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** MarginLevelGet and MarginsGet read the pumping cache, MarginLevelRequest asks the server; both agree. */
@TradeportApplicationTest
class MarginsTests {

	@RegisterExtension
	static final BuiltInTradeServer tradeServer = BuiltInTradeServer.loopback();

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	ApiClients clients;

	Http http;
	String bearer;
	TradePlatformId platform;

	@BeforeEach
	void aPlatform() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("margins", tradeServer.port(), "gateway-password", Set.of("read", "trade"), http);
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	void anAccountWithAnOpenTradeHasTheSameMarginInTheCacheAsOnTheServer() {
		var open = http.postRaw("/api/v2/MT4/" + platform + "/TradeTransaction", "application/json",
				"{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1002,\"symbol\":\"EURUSD\",\"volume\":10}",
				"Authorization", bearer);
		assertThat(open.status()).as(open.body()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var cached = get("/MarginLevelGet/1002");
			assertThat(cached.status()).as(cached.body()).isEqualTo(200);
			var live = get("/MarginLevelRequest/1002").json().get("data");
			assertSameState(cached.json().get("data"), live);
		});
		var cached = get("/MarginLevelGet/1002").json().get("data");
		assertThat(cached.get("margin").asDouble()).isPositive();
		assertThat(cached.get("volume").asInt()).as("hundredths of a lot, at least the 0.1 lot opened").isGreaterThanOrEqualTo(10);
		assertThat(cached.get("group").asString()).isNotBlank();
		assertThat(cached.get("levelType").asString()).isIn("Ok", "MarginCall", "StopOut");
		assertThat(cached.get("updated").asLong()).isPositive();

		var logins = new ArrayList<Integer>();
		get("/MarginsGet").json().get("data").forEach(level -> logins.add(level.get("login").asInt()));
		assertThat(logins).contains(1002).isSorted();
	}

	@Test
	void unknownAccountsAreNotFoundAndBadLoginsAreValidationErrors() {
		var missing = get("/MarginLevelGet/99999999");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("error").get("code").asString()).isEqualTo("NotFound");
		assertThat(get("/MarginLevelRequest/99999999").json().get("error").get("code").asString()).isIn("MT4Error", "NotFound");
		assertThat(get("/MarginLevelGet/0").json().get("error").get("code").asString()).isEqualTo("Validation");
		assertThat(get("/MarginLevelRequest/abc").json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	@Test
	void anotherOrganizationsPlatformIsForbiddenOrUnknown() {
		var stranger = fixtures.newOrganizationWithClient("stranger");
		var strangerBearer = ApiClientFixtures.bearer(http,
				clients.register(stranger.organization(), "stranger " + UUID.randomUUID(), Set.of("read"), stranger.owner()));
		for (var operation : new String[] { "/MarginsGet", "/MarginLevelGet/1002", "/MarginLevelRequest/1002" }) {
			var refused = http.get("/api/v2/MT4/" + platform + operation, "Authorization", strangerBearer);
			assertThat(refused.status()).as(operation).isIn(403, 404);
			assertThat(refused.json().get("data").isNull()).as(operation).isTrue();
		}
	}

	private static void assertSameState(JsonNode cached, JsonNode live) {
		for (var field : new String[] { "login", "group", "leverage", "balance", "volume", "controllingType" }) {
			assertThat(cached.get(field)).as(field).isEqualTo(live.get(field));
		}
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}
}
