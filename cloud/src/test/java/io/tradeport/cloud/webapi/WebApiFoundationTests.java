package io.tradeport.cloud.webapi;

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
import io.tradeport.cloud.NodeScripts;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.clients.IssuedCredentials;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.platforms.TradePlatforms;

import static org.assertj.core.api.Assertions.assertThat;

/** The first slice of the WebAPI: discovery, ServerTime, the envelope and its errors, tenant isolation. */
@TradeportApplicationTest
class WebApiFoundationTests {

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
	ApiClientFixtures.OwnedClient mine;
	TradePlatformId myPlatform;
	TradePlatformId theirPlatform;

	@BeforeEach
	void twoOrganizationsWithAPlatformEach() {
		http = new Http(port);
		mine = fixtures.newOrganizationWithClient("api-mine");
		myPlatform = platform(mine, "My MT4", "gateway-password");
		var theirs = fixtures.newOrganizationWithClient("api-theirs");
		theirPlatform = platform(theirs, "Their MT4", "gateway-password");
	}

	@Test
	void aClientListsOnlyItsOrganizationsPlatformsAndReadsServerTime() {
		var token = token(mine.credentials());
		var list = http.get("/api/TradePlatforms", "Authorization", "Bearer " + token);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().isArray()).isTrue();
		assertThat(list.json().size()).isEqualTo(1);
		var platform = list.json().get(0);
		assertThat(platform.get("id").asString()).isEqualTo(myPlatform.toString());
		assertThat(platform.get("type").asString()).isEqualTo("MT4");
		assertThat(platform.get("organizationId").asString()).isEqualTo(mine.organization().toString());
		assertThat(platform.get("organization").get("id").asString()).isEqualTo(mine.organization().toString());

		var time = http.get("/api/v2/MT4/" + myPlatform + "/ServerTime", "Authorization", "Bearer " + token);
		assertThat(time.status()).isEqualTo(200);
		assertThat(time.json().get("data").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");
		assertThat(time.json().get("error").isNull()).isTrue();
		assertThat(time.json().get("meta").get("activityId").asString()).matches("[0-9a-f]{32}");
		assertThat(time.header("X-Activity-Id")).isEqualTo(time.json().get("meta").get("activityId").asString());

		var organizations = http.get("/api/Organizations", "Authorization", "Bearer " + token).json();
		assertThat(organizations.size()).isEqualTo(1);
		assertThat(http.get("/api/TradePlatforms/" + myPlatform + "/Ping", "Authorization", "Bearer " + token).json()
			.get("data").get("connected").asBoolean()).isTrue();
	}

	@Test
	void anotherOrganizationsPlatformIsForbiddenAndBadInputIsAValidationError() {
		var bearer = "Bearer " + token(mine.credentials());
		var foreign = http.get("/api/v2/MT4/" + theirPlatform + "/ServerTime", "Authorization", bearer);
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.json().get("error").get("code").asString()).isEqualTo("Forbidden");
		assertThat(foreign.json().get("data").isNull()).isTrue();
		assertThat(http.get("/api/TradePlatforms/" + theirPlatform + "/Ping", "Authorization", bearer).status()).isEqualTo(403);

		var notAGuid = http.get("/api/v2/MT4/not-a-guid/ServerTime", "Authorization", bearer);
		assertThat(notAGuid.status()).isEqualTo(400);
		assertThat(notAGuid.json().get("error").get("code").asString()).isEqualTo("Validation");
		var wrongType = http.get("/api/v2/MT5/" + myPlatform + "/ServerTime", "Authorization", bearer);
		assertThat(wrongType.json().get("error").get("code").asString()).isEqualTo("Validation");
		var unknown = http.get("/api/v2/MT4/" + myPlatform + "/NoSuchOperation", "Authorization", bearer);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("error").get("code").asString()).isEqualTo("NotFound");
	}

	@Test
	void withoutAValidTokenOrWithADisabledClientTheAnswerIs401InTheEnvelope() {
		var anonymous = http.get("/api/TradePlatforms");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("error").get("code").asString()).isEqualTo("Forbidden");
		assertThat(http.get("/api/TradePlatforms", "Authorization", "Bearer not.a.jwt").status()).isEqualTo(401);

		var token = token(mine.credentials());
		clients.setDisabled(mine.organization(), mine.credentials().clientId(), true, mine.owner());
		assertThat(http.get("/api/v2/MT4/" + myPlatform + "/ServerTime", "Authorization", "Bearer " + token).status()).isEqualTo(401);
	}

	@Test
	void aClientLimitedToOnePlatformCannotUseAnother() {
		var other = platform(mine, "My second MT4", "gateway-password");
		var limited = clients.register(mine.organization(), "limited " + UUID.randomUUID(), Set.of("read"), Set.of(myPlatform.value()), mine.owner());
		var bearer = "Bearer " + token(limited);
		assertThat(http.get("/api/v2/MT4/" + myPlatform + "/ServerTime", "Authorization", bearer).status()).isEqualTo(200);
		assertThat(http.get("/api/v2/MT4/" + other + "/ServerTime", "Authorization", bearer).status()).isEqualTo(403);
		assertThat(http.get("/api/TradePlatforms", "Authorization", bearer).json().size()).isEqualTo(1);
	}

	@Test
	void anUnreachableServerIsNoConnectAndARefusedLoginIsAnMt4Error() {
		var down = platforms.create(mine.organization(), "Down", PlatformType.MT4, mine.owner());
		platforms.setManagerApi(mine.organization(), down, "127.0.0.1:" + TestInfrastructure.freePort(), 1, "x", mine.owner());
		var wrong = platform(mine, "Wrong password", "not-the-password");
		var bearer = "Bearer " + token(mine.credentials());

		var noConnect = http.get("/api/v2/MT4/" + down + "/ServerTime", "Authorization", bearer);
		assertThat(noConnect.status()).isEqualTo(503);
		assertThat(noConnect.json().get("error").get("code").asString()).isEqualTo("NoConnect");

		var refused = http.get("/api/v2/MT4/" + wrong + "/ServerTime", "Authorization", bearer);
		assertThat(refused.json().get("error").get("code").asString()).isEqualTo("MT4Error");
		assertThat(refused.json().get("error").get("managerCode").asString()).isEqualTo("BadAccountInfo");
	}

	@Test
	void theContractIsServedWithAReferencePageThatShowsEveryOperationAnswered() {
		var document = http.get("/api-reference/webapi-v2.json");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().get("paths").size()).isEqualTo(172);
		var page = http.get("/api-reference").body();
		assertThat(page).contains("answers <strong>172</strong> of its <strong>172</strong> operations");
		assertThat(page).containsPattern("GET /api/v2/MT4/\\{tradePlatform\\}/ServerTime</code></td>\\s*<td>[^<]*</td>\\s*<td><span class=\"badge\">available");
	}

	@Test
	void theOfficialSdkListsPlatformsReadsServerTimeReportsErrorsAndTradesWithIdempotencyKeys() {
		var trader = clients.register(mine.organization(), "SDK trader", Set.of("read", "trade"), mine.owner());
		var result = NodeScripts.run("sdk-webapi.mjs", Http.form("TRADER_ID", trader.clientId(), "TRADER_SECRET", trader.clientSecret(),"API_BASE_URL", "http://127.0.0.1:" + port,
				"AUTHORITY", "http://127.0.0.1:" + port, "CLIENT_ID", mine.credentials().clientId(),
				"CLIENT_SECRET", mine.credentials().clientSecret(), "PLATFORM", myPlatform.toString(),
				"FOREIGN_PLATFORM", theirPlatform.toString()));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("ok - listTradePlatforms", "ok - getServerTime", "ok - getCfgRequestCommon", "ok - ApiError", "ok - ApiError NotFound",
				"ok - retried deposit applied once", "ok - market order opened and closed", "ok - a client without the trade scope cannot trade",
				"ok - collectAll over open trades");
	}

	private TradePlatformId platform(ApiClientFixtures.OwnedClient owner, String name, String password) {
		var id = platforms.create(owner.organization(), name, PlatformType.MT4, owner.owner());
		platforms.setManagerApi(owner.organization(), id, "127.0.0.1:" + tradeServer.port(), 1, password, owner.owner());
		return id;
	}

	private String token(IssuedCredentials credentials) {
		return http.postForm("/connect/token", Http.form("grant_type", "client_credentials", "client_id", credentials.clientId(),
				"client_secret", credentials.clientSecret())).json().get("access_token").asString();
	}
}
