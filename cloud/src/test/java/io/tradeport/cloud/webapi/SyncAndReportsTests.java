package io.tradeport.cloud.webapi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.MutableClock;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The replica calls and the reports, on a trade server whose clock the test moves and whose server time is UTC+2, so
 * that MT4's server-time timestamps and day boundaries are told apart from UTC. The clock only moves forward, so the
 * tests run in order.
 */
@TradeportApplicationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncAndReportsTests {

	private static final String PASSWORD = "gateway-password";
	private static final ZoneId SERVER_ZONE = ZoneId.of("Etc/GMT-2");
	private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
	private static final String WINDOW = "from=2026-11-01T00:00:00Z&to=2026-12-31T00:00:00Z";
	private static MutableClock clock;
	private static TradeServer tradeServer;

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	Http http;
	String bearer;
	TradePlatformId platform;

	@BeforeAll
	static void aTradeServerInServerTimeUtcPlusTwo() {
		clock = new MutableClock(START);
		tradeServer = TradeServer.start(TradeServerSettings.loopback().withAdminPassword(PASSWORD).withClock(clock)
			.withServerZone(SERVER_ZONE));
	}

	@AfterAll
	static void stopIt() {
		tradeServer.close();
	}

	@BeforeEach
	void aPlatform() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("sync", tradeServer.port(), PASSWORD, Set.of("read", "trade", "admin"), http);
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	@Order(1)
	void aTradesSyncReadsWhatChangedSinceItsServerTimeTimestampOnce() {
		var before = open(1001, "Buy");
		var toClose = open(1002, "Sell");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/TradesGet/" + toClose).status()).isEqualTo(200));
		clock.advance(Duration.ofMinutes(1));

		var started = post("/TradesSyncStart?timestamp=" + serverSeconds(START.plusSeconds(30)));
		assertThat(started.json().get("data").asBoolean()).as(started.body()).isTrue();
		var after = open(1003, "Buy");
		assertThat(post("/TradeTransaction", "{\"tradeTransactionType\":\"CloseMarket\",\"order\":" + toClose + "}").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/TradesGet/" + after).status()).isEqualTo(200));

		var read = get("/TradesSyncRead");
		assertThat(tickets(read)).contains(after, toClose).doesNotContain(before).isSorted();
		assertThat(trade(read, toClose).get("tradeRecordState").asString()).isEqualTo("ClosedNormal");
		assertThat(tickets(get("/TradesSyncRead"))).as("a read consumes its start").isEmpty();

		post("/TradesSyncStart?timestamp=0");
		assertThat(tickets(get("/TradesSyncRead?limit=100000"))).contains(before, after, toClose);
		post("/TradesSyncStart");
		assertThat(tickets(get("/TradesSyncRead?limit=1"))).hasSize(1);
		assertThat(post("/TradesSyncStart?timestamp=-5").json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	@Test
	@Order(2)
	void closedTradesAreReportedForTheAskedLoginsInTheWindow() {
		var position = open(1001, "Sell");
		post("/TradeTransaction", "{\"tradeTransactionType\":\"CloseMarket\",\"order\":" + position + "}");

		var report = get("/ReportsRequest?" + WINDOW + "&logins=1001&logins=99999999");
		assertThat(tickets(report)).contains(position).isSorted();
		assertThat(tickets(report)).as("the deposit is a closed balance record").hasSizeGreaterThanOrEqualTo(2);
		assertThat(tickets(get("/ReportsRequest?" + WINDOW + "&logins=1002"))).doesNotContain(position);
		assertThat(tickets(get("/ReportsRequest?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&logins=1001"))).isEmpty();
		assertThat(tickets(get("/ReportsRequest?" + WINDOW + "&logins=1001&name=RTL_report"))).contains(position);
		assertThat(get("/ReportsRequest?" + WINDOW + "&logins=1001&name=RTL_custom").status()).isEqualTo(404);
		assertThat(get("/ReportsRequest?to=2026-12-31T00:00:00Z&logins=1001").status()).isEqualTo(400);
		assertThat(get("/ReportsRequest?" + WINDOW).status()).isEqualTo(400);
	}

	@Test
	@Order(3)
	void dailyReportsCarryTheServersDayAndASyncReadsTheDaysAfterItsTimestamp() {
		endTheServersDay(3);
		var firstDayEnd = LocalDateTime.parse("2026-11-25T00:00:00").toInstant(ZoneOffset.ofHours(2));

		var reports = get("/DailyReportsRequest?" + WINDOW + "&logins=1001&logins=1002").json().get("data");
		assertThat(reports).hasSize(2);
		assertThat(reports.get(0).get("login").asInt()).isEqualTo(1001);
		assertThat(reports.get(0).get("ctm").asString()).as("server time, as MT4 reports it").isEqualTo("2026-11-25T00:00:00Z");
		assertThat(reports.get(0).get("group").asString()).isEqualTo("demoforex");
		assertThat(reports.get(0).get("balance").asDouble()).isPositive();
		var grouped = get("/DailyReportsRequestEx?" + WINDOW + "&logins=1002,1001").json().get("data");
		assertThat(grouped.propertyNames()).containsExactly("1001", "1002");
		assertThat(grouped.get("1002").get(0).get("login").asInt()).isEqualTo(1002);

		post("/DailySyncStart?timestamp=" + serverSeconds(firstDayEnd.plus(Duration.ofDays(1))));
		endTheServersDay(6);

		var synced = post("/DailySyncRead").json().get("data");
		assertThat(synced).hasSize(3);
		synced.forEach(report -> assertThat(report.get("ctm").asString()).isEqualTo("2026-11-26T00:00:00Z"));
		assertThat(post("/DailySyncRead").json().get("data")).as("a read consumes its start").isEmpty();
		assertThat(get("/DailyReportsRequestEx?" + WINDOW + "&logins=1001").json().get("data").get("1001")).hasSize(2);
		assertThat(get("/DailyReportsRequest?" + WINDOW + "&logins=1001&name=RTL_dailyreport").json().get("data")).hasSize(2);
	}

	@Test
	@Order(4)
	void performanceIsMeasuredAtTheCall() {
		var records = get("/PerformanceRequest").json().get("data");
		assertThat(records).hasSize(1);
		assertThat(records.get(0).get("cpu").asInt()).isBetween(0, 100);
		assertThat(records.get(0).get("freeMem").asInt()).isPositive();
		assertThat(Instant.parse(records.get(0).get("ctm").asString())).isEqualTo(clock.instant());
		assertThat(get("/PerformanceRequest?from=2100-01-01T00:00:00Z").json().get("data")).isEmpty();
		assertThat(get("/PerformanceRequest?from=tomorrow").status()).isEqualTo(400);
	}

	/** Moves the clock past the server's next midnight and waits until the engine has written the day's reports. */
	private void endTheServersDay(int reportsInAll) {
		var now = clock.instant();
		var nextMidnight = LocalDateTime.ofInstant(now, SERVER_ZONE).toLocalDate().plusDays(1).atStartOfDay(SERVER_ZONE).toInstant();
		clock.advance(Duration.between(now, nextMidnight).plusMinutes(1));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
				assertThat(get("/DailyReportsRequest?" + WINDOW + "&logins=1001&logins=1002&logins=1003").json().get("data"))
					.hasSize(reportsInAll));
	}

	private static long serverSeconds(Instant instant) {
		return LocalDateTime.ofInstant(instant, SERVER_ZONE).toEpochSecond(ZoneOffset.UTC);
	}

	private int open(int login, String command) {
		var opened = post("/TradeTransaction", "{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"" + command + "\",\"orderBy\":"
				+ login + ",\"symbol\":\"EURUSD\",\"volume\":10}");
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		return opened.json().get("data").get("order").asInt();
	}

	private static JsonNode trade(Http.Response response, int ticket) {
		for (var trade : response.json().get("data")) {
			if (trade.get("order").asInt() == ticket) {
				return trade;
			}
		}
		throw new AssertionError("no order " + ticket + " in " + response.body());
	}

	private static List<Integer> tickets(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var tickets = new ArrayList<Integer>();
		response.json().get("data").forEach(trade -> tickets.add(trade.get("order").asInt()));
		return tickets;
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}

	private Http.Response post(String operation) {
		return post(operation, "");
	}

	private Http.Response post(String operation, String json) {
		return http.postRaw("/api/v2/MT4/" + platform + operation, "application/json-patch+json", json, "Authorization", bearer);
	}
}
