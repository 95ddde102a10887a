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
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server Admin and the plugins' command channel against the built-in server: what it cannot carry out it refuses
 * with 2 ERROR and its reason, which the API passes on as {@code MT4Error} (never as a success); the licence check
 * answers.
 */
@TradeportApplicationTest
class Mt4ServerAdminTests {

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
	ApiClientFixtures.OwnedClient owned;

	@BeforeEach
	void aPlatform() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("server-admin", tradeServer.port(), "gateway-password",
				Set.of("read", "trade", "admin"), http);
		owned = connected.owned();
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	void serverCommandsTheBuiltInServerHasNothingToActOnAreRefusedWithItsReason() {
		assertRefused(post("/SrvChartsSync?confirm=true", null), "history-synchronisation");
		assertRefused(post("/SrvFeedsRestart?confirm=true", null), "datafeed");
		assertRefused(post("/SrvLiveUpdateStart?confirm=true", null), "LiveUpdate");
		assertRefused(get("/SrvFeeders"), "datafeed");
		assertRefused(get("/SrvFeederLog/main"), "datafeed");
	}

	/** The built-in server has no soft restart yet (it is being added); whichever it answers is passed on as it is. */
	@Test
	void aServerRestartIsPassedOnAsTheServerAnswersIt() {
		try (var ownServer = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password"))) {
			var connected = fixtures.newPlatformOnGateway("restart", ownServer.port(), "gateway-password", Set.of("read", "admin"), http);
			var answer = http.postRaw("/api/v2/MT4/" + connected.platform() + "/SrvRestart?confirm=true", "application/json", "",
					"Authorization", connected.bearer());
			if (answer.status() == 200) {
				assertThat(answer.json().get("data").asBoolean()).isTrue();
			}
			else {
				assertRefused(answer, "restart");
			}
		}
	}

	@Test
	void destructiveCommandsNeedConfirmTrueAndTheAdminScope() {
		for (var unconfirmed : new String[] { "/SrvRestart", "/SrvChartsSync?confirm=false", "/SrvFeedsRestart?confirm=yes",
				"/SrvLiveUpdateStart" }) {
			var answer = post(unconfirmed, null);
			assertThat(answer.status()).as(unconfirmed).isEqualTo(400);
			assertThat(answer.json().get("error").get("code").asString()).as(unconfirmed).isEqualTo("Validation");
		}
		var trader = ApiClientFixtures.bearer(http, clients.register(owned.organization(), "trader " + UUID.randomUUID(),
				Set.of("read", "trade"), owned.owner()));
		for (var adminOnly : new String[] { "/SrvRestart?confirm=true", "/NotificationsSend", "/ExternalCommandJSON",
				"/ExternalCommandBinary" }) {
			var answer = http.postRaw("/api/v2/MT4/" + platform + adminOnly, "application/json", "{}", "Authorization", trader);
			assertThat(answer.status()).as(adminOnly).isEqualTo(403);
			assertThat(answer.json().get("error").get("code").asString()).as(adminOnly).isEqualTo("Forbidden");
		}
		assertThat(http.get("/api/v2/MT4/" + platform + "/LicenseCheck/Tradeport", "Authorization", trader).status())
			.as("reading needs only the read scope").isEqualTo(200);
	}

	@Test
	void theLicenceCheckSaysTheBuiltInServerRecognisesNoLicence() {
		var answer = get("/LicenseCheck/Tradeport");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.json().get("data").isBoolean()).isTrue();
		assertThat(answer.json().get("data").asBoolean()).isFalse();
		assertThat(get("/LicenseCheck/" + "L".repeat(129)).json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	@Test
	void notificationsAndPluginCommandsReachTheServerWhichRefusesThem() {
		assertRefused(post("/NotificationsSend", "{\"logins\":[1001,1002],\"message\":\"Markets close early today\"}"), "push-notification");
		assertRefused(post("/ExternalCommandJSON", "{\"command\":\"status\",\"args\":[1,2]}"), "plugins");
		assertRefused(post("/ExternalCommandBinary", "{\"data\":\"AQIDBA==\"}"), "plugins");

		for (var bad : new String[] { "{\"logins\":[],\"message\":\"x\"}", "{\"logins\":[1001]}", "{\"logins\":[0],\"message\":\"x\"}",
				"{\"logins\":[1001],\"message\":\"" + "x".repeat(256) + "\"}", "{\"logins\":[1001],\"message\":\"two\\nlines\"}" }) {
			assertValidation(post("/NotificationsSend", bad), bad);
		}
		assertValidation(post("/ExternalCommandJSON", "{not json"), "not JSON");
		assertValidation(post("/ExternalCommandBinary", "{}"), "no data");
		assertValidation(post("/ExternalCommandBinary", "{\"data\":\"%%%\"}"), "not base64");
	}

	private static void assertRefused(Http.Response answer, String reason) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		var error = answer.json().get("error");
		assertThat(error.get("code").asString()).isEqualTo("MT4Error");
		assertThat(error.get("managerCode").asString()).isEqualTo("Error");
		assertThat(error.get("message").asString()).as("the server's reason").containsIgnoringCase(reason);
		assertThat(answer.json().get("data").isNull()).isTrue();
	}

	private static void assertValidation(Http.Response answer, String what) {
		assertThat(answer.status()).as(what).isEqualTo(400);
		assertThat(answer.json().get("error").get("code").asString()).as(what).isEqualTo("Validation");
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}

	private Http.Response post(String operation, String body) {
		return http.postRaw("/api/v2/MT4/" + platform + operation, "application/json-patch+json", body == null ? "" : body,
				"Authorization", bearer);
	}
}
