package io.tradeport.cloud.webapi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;

import static org.assertj.core.api.Assertions.assertThat;

/** Online, JournalRequest and ManagerCommon against a built-in server two hours east of UTC. */
@TradeportApplicationTest
class OnlineAndCommonTests {

	private static final ZoneId SERVER_ZONE = ZoneId.of("Etc/GMT-2");

	@RegisterExtension
	static final BuiltInTradeServer tradeServer = BuiltInTradeServer.loopback(settings -> settings.withServerZone(SERVER_ZONE)
		.withServerName("Online Test Server").withCompany("Online Test Broker"));

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
		var connected = fixtures.newPlatformOnGateway("online", tradeServer.port(), "gateway-password", Set.of("read", "trade", "admin"), http);
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	void theOnlineListHasEveryConnectedLoginOnceInLoginOrderAndPages() {
		// The built-in server's connections are managers: this platform's own (login 1) and a dealer's (login 2).
		ManagerSessionGrpc.newBlockingStub(tradeServer.channel()).login(LoginRequest.newBuilder().setLogin(2).setPassword("Dealer1").build());
		ManagerSessionGrpc.newBlockingStub(tradeServer.channel()).login(LoginRequest.newBuilder().setLogin(2).setPassword("Dealer1").build());

		var live = get("/OnlineRequest").json().get("data");
		assertThat(logins(live)).containsExactly(1, 2);
		assertThat(live.get(0).get("group").asString()).isNotBlank();
		assertThat(live.get(0).has("ip")).as("the contract leaves the address out").isFalse();
		assertThat(logins(get("/OnlineGet").json().get("data"))).containsExactly(1, 2);

		var first = get("/OnlineGet?limit=1").json();
		assertThat(logins(first.get("data"))).containsExactly(1);
		var paging = first.get("meta").get("paging");
		assertThat(paging.get("hasMore").asBoolean()).isTrue();
		var second = get("/OnlineRequest?limit=1&cursor=" + paging.get("nextCursor").asString()).json();
		assertThat(logins(second.get("data"))).containsExactly(2);
		assertThat(second.get("meta").get("paging").get("hasMore").asBoolean()).isFalse();

		assertThat(code(get("/OnlineGet?limit=5001"))).isEqualTo("Validation");
		assertThat(code(get("/OnlineRequest?cursor=garbage"))).isEqualTo("Validation");
	}

	@Test
	void theJournalHasTheServersEntriesInServerTimeByKind() {
		var created = http.postRaw("/api/v2/MT4/" + platform + "/UserRecordNew", "application/json", "{\"group\":\"demoforex\"}",
				"Authorization", bearer).json().get("data").get("login").asInt();
		var from = Instant.now().minus(Duration.ofMinutes(10));

		var entries = get("/JournalRequest?from=" + from + "&mode=Standard&filter=account%20" + created + "%20created").json().get("data");
		assertThat(entries).hasSize(1);
		var entry = entries.get(0);
		assertThat(entry.get("code").asString()).isEqualTo("Ok");
		assertThat(entry.get("message").asString()).contains("account " + created + " created");
		var written = LocalDateTime.parse(entry.get("time").asString(), DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss"));
		var serverNow = LocalDateTime.ofInstant(Instant.now(), SERVER_ZONE);
		assertThat(Duration.between(written, serverNow).abs()).as("written in server time").isLessThan(Duration.ofMinutes(5));

		assertThat(get("/JournalRequest?from=" + from + "&mode=Logins&filter=account%20" + created).json().get("data")).isEmpty();
		var logins = get("/JournalRequest?from=" + from + "&mode=logins").json().get("data");
		assertThat(logins).isNotEmpty();
		logins.forEach(login -> assertThat(login.get("code").asString()).isEqualTo("Login"));
		assertThat(get("/JournalRequest?from=" + from + "&to=" + from.plusSeconds(1)).json().get("data")).isEmpty();

		assertThat(code(get("/JournalRequest"))).isEqualTo("Validation");
		assertThat(code(get("/JournalRequest?from=yesterday"))).isEqualTo("Validation");
		assertThat(code(get("/JournalRequest?from=" + from + "&to=" + from.minusSeconds(60)))).isEqualTo("Validation");
		assertThat(code(get("/JournalRequest?from=" + from + "&mode=Updater"))).isEqualTo("Validation");
		assertThat(code(get("/JournalRequest?from=" + from + "&mode=NoSuchValue"))).isEqualTo("Validation");
	}

	@Test
	void managerCommonNamesTheServerItsOwnerAndItsTimeZone() {
		var common = get("/ManagerCommon").json().get("data");
		assertThat(common.get("name").asString()).isEqualTo("Online Test Server");
		assertThat(common.get("owner").asString()).isEqualTo("Online Test Broker");
		assertThat(common.get("build").asInt()).isPositive();
		assertThat(common.get("timeZone").asInt()).as("hours east of UTC").isEqualTo(2);
	}

	private static List<Integer> logins(JsonNode online) {
		var logins = new ArrayList<Integer>();
		online.forEach(entry -> logins.add(entry.get("login").asInt()));
		return logins;
	}

	private static String code(Http.Response response) {
		return response.json().path("error").path("code").asString();
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}
}
