package io.tradeport.cloud.webapi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
 * Bars written with ChartAdd/Update/Delete are what ChartRequest answers; ticks sent are what TicksRequest and the
 * cached TickInfoLast answer. The server keeps its time at UTC+2 here, so bar times show the time convention: UTC
 * instants, opening at the server's bar boundaries.
 */
@TradeportApplicationTest
class PricesTests {

	private static TradeServer tradeServer;

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	Http http;
	String bearer;
	TradePlatformId platform;

	@BeforeAll
	static void aTradeServerInAthens() {
		tradeServer = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password")
			.withServerZone(ZoneId.of("Europe/Athens")));
	}

	@AfterAll
	static void stopIt() {
		tradeServer.close();
	}

	@BeforeEach
	void aPlatform() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("prices", tradeServer.port(), "gateway-password", Set.of("read", "trade", "admin"), http);
		platform = connected.platform();
		bearer = connected.bearer();
	}

	@Test
	void barsWrittenAreAnsweredByChartRequestAndCanBeUpdatedAndDeleted() {
		var added = post("/ChartAdd/GBPUSD?period=H1", "{\"rates\":[" + bar("2024-03-05T08:00:00Z", 1.27, 1.28, 1.26, 1.275, 10) + ","
				+ bar("2024-03-05T09:00:00Z", 1.275, 1.29, 1.27, 1.285, 20) + "," + bar("2024-03-05T10:00:00Z", 1.285, 1.287, 1.28, 1.281, 5) + "]}");
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.json().get("data").asBoolean()).isTrue();

		var day = "/ChartRequest/GBPUSD?period=H1&start=2024-03-05T00:00:00Z&end=2024-03-06T00:00:00Z";
		var bars = get(day).json().get("data");
		assertThat(times(bars)).containsExactly("2024-03-05T08:00:00Z", "2024-03-05T09:00:00Z", "2024-03-05T10:00:00Z");
		assertThat(bars.get(1).get("high").asDouble()).isEqualTo(1.29);
		assertThat(bars.get(1).get("volume").asDouble()).isEqualTo(20);

		assertThat(post("/ChartUpdate/GBPUSD?period=H1", "{\"rates\":[" + bar("2024-03-05T09:00:00Z", 1.275, 1.3, 1.27, 1.29, 21) + ","
				+ bar("2024-03-05T15:00:00Z", 1.2, 1.2, 1.2, 1.2, 1) + "]}").status()).isEqualTo(200);
		bars = get(day).json().get("data");
		assertThat(times(bars)).as("an update of a time without a bar adds none").hasSize(3);
		assertThat(bars.get(1).get("high").asDouble()).isEqualTo(1.3);

		assertThat(post("/ChartDelete/GBPUSD?period=H1", "{\"rates\":[{\"time\":\"2024-03-05T08:00:00Z\"}]}").status()).isEqualTo(200);
		assertThat(times(get(day).json().get("data"))).containsExactly("2024-03-05T09:00:00Z", "2024-03-05T10:00:00Z");

		assertThat(times(get("/ChartRequest/GBPUSD?period=H1&start=2024-03-05T09:30:00Z&end=2024-03-05T09:59:00Z&mode=RangeOut").json().get("data")))
			.contains("2024-03-05T09:00:00Z", "2024-03-05T10:00:00Z");
		assertThat(times(get("/ChartRequest/GBPUSD?period=H1&start=2024-03-05T09:30:00Z&end=2024-03-05T09:59:00Z&mode=RangeIn").json().get("data")))
			.isEmpty();
		assertThat(times(get("/ChartRequest/GBPUSD?period=H1&start=2024-03-05T09:30&end=2024-03-05T09:59:00Z&mode=RangeLast").json().get("data")))
			.as("from start on, end ignored; a time without offset is UTC").startsWith("2024-03-05T10:00:00Z");
		assertThat(get("/ChartRequest/GBPUSD?period=H4&start=2024-03-05T00:00:00Z&end=2024-03-06T00:00:00Z").json().get("data").size())
			.as("each timeframe is its own history").isZero();
	}

	@Test
	void dailyBarsOpenAtTheServersMidnightAndABarOffItsBoundaryIsRefusedWithTheWholeRequest() {
		var refused = post("/ChartAdd/EURJPY?period=D1", "{\"rates\":[" + bar("2024-03-04T22:00:00Z", 160, 161, 159, 160.5, 1) + ","
				+ bar("2024-03-06T00:00:00Z", 160, 161, 159, 160.5, 1) + "]}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").get("code").asString()).isEqualTo("MT4Error");
		assertThat(refused.json().get("error").get("managerCode").asString()).isEqualTo("InvalidData");
		var week = "/ChartRequest/EURJPY?period=D1&start=2024-03-03T00:00:00Z&end=2024-03-09T00:00:00Z";
		assertThat(get(week).json().get("data").size()).as("nothing written").isZero();

		assertThat(post("/ChartAdd/EURJPY?period=D1", "{\"rates\":[" + bar("2024-03-04T22:00:00Z", 160, 161, 159, 160.5, 1) + "]}")
			.status()).as("midnight in Athens, UTC+2 in March").isEqualTo(200);
		assertThat(times(get(week).json().get("data"))).containsExactly("2024-03-04T22:00:00Z");
	}

	@Test
	void historyCorrectRepairsBrokenBarsAndCountsThem() {
		assertThat(post("/ChartAdd/XAUUSD?period=M15", "{\"rates\":[" + bar("2024-03-05T12:00:00Z", 2100, 2095, 2110, 2105, 3) + ","
				+ bar("2024-03-05T12:15:00Z", 2105, 2112, 2101, 2108, 4) + "]}").status()).isEqualTo(200);

		var corrected = post("/HistoryCorrect/XAUUSD", "");
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		assertThat(corrected.json().get("data").asInt()).isGreaterThanOrEqualTo(1);
		var bars = get("/ChartRequest/XAUUSD?period=M15&start=2024-03-05T12:00:00Z&end=2024-03-05T12:15:00Z").json().get("data");
		for (var bar : bars) {
			assertThat(bar.get("high").asDouble()).isGreaterThanOrEqualTo(bar.get("low").asDouble());
		}
		assertThat(post("/HistoryCorrect/XAUUSD", "").json().get("data").asInt()).as("nothing left to repair").isZero();
	}

	@Test
	void ticksSentAreTheTickHistoryAndTheCachedLastTick() {
		var since = Instant.now().minusSeconds(1);
		assertThat(post("/SymbolSendTick?symbol=USDJPY&bid=157.100&ask=157.114", "").status()).isEqualTo(200);
		assertThat(post("/SymbolSendTick?symbol=USDJPY&bid=157.050&ask=157.064", "").status()).isEqualTo(200);

		var ticks = get("/TicksRequest/USDJPY?start=" + since + "&flags=Raw").json().get("data");
		var bids = new ArrayList<Double>();
		ticks.forEach(tick -> bids.add(tick.get("bid").asDouble()));
		assertThat(bids).containsSubsequence(157.1, 157.05);
		assertThat(ticks.get(0).get("flags").asString()).isEqualTo("All");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var last = get("/TickInfoLast/USDJPY").json().get("data");
			assertThat(last.get("bid").asDouble()).isEqualTo(157.05);
			assertThat(last.get("ask").asDouble()).isEqualTo(157.064);
		});
		var all = get("/TickInfoLast").json().get("data");
		var symbols = new ArrayList<String>();
		all.forEach(tick -> symbols.add(tick.get("symbol").asString()));
		assertThat(symbols).isSorted().contains("EURUSD", "USDJPY").doesNotHaveDuplicates();
		assertThat(get("/TicksRequest/USDJPY?start=" + since.plusSeconds(3600)).json().get("data").size()).isZero();
	}

	@Test
	void unknownSymbolsAreNotFoundAndBadValuesAreValidationErrors() {
		for (var missing : List.of(get("/ChartRequest/NOSUCH?period=H1"), get("/TicksRequest/NOSUCH"), get("/TickInfoLast/NOSUCH"),
				post("/ChartAdd/NOSUCH?period=H1", "{\"rates\":[" + bar("2024-03-05T08:00:00Z", 1, 1, 1, 1, 1) + "]}"),
				post("/HistoryCorrect/NOSUCH", ""))) {
			assertThat(missing.status()).as(missing.body()).isEqualTo(404);
			assertThat(missing.json().get("error").get("code").asString()).isEqualTo("NotFound");
		}
		for (var invalid : List.of(get("/ChartRequest/EURUSD"), get("/ChartRequest/EURUSD?period=H2"),
				get("/ChartRequest/EURUSD?period=H1&start=2024-03-05T00:00:00Z&end=2024-03-04T00:00:00Z"),
				get("/ChartRequest/EURUSD?period=H1&mode=Sideways"), get("/TicksRequest/EURUSD?start=soon"),
				get("/TicksRequest/EURUSD?flags=Some"), post("/ChartAdd/EURUSD?period=H1", "{\"rates\":[]}"),
				post("/ChartAdd/EURUSD?period=H1", "{\"rates\":[{\"open\":1}]}"),
				post("/ChartAdd/EURUSD?period=H1", "{\"rates\":[" + bar("2024-03-05T08:00:00Z", -1, 1, 1, 1, 1) + "]}"),
				post("/ChartDelete/EURUSD", "{\"rates\":[{\"time\":\"2024-03-05T08:00:00Z\"}]}"),
				post("/ChartUpdate/EURUSD?period=H1", "not json"))) {
			assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
			assertThat(invalid.json().get("error").get("code").asString()).isEqualTo("Validation");
		}
	}

	private static String bar(String time, double open, double high, double low, double close, long volume) {
		return "{\"time\":\"" + time + "\",\"open\":" + open + ",\"high\":" + high + ",\"low\":" + low + ",\"close\":" + close
				+ ",\"volume\":" + volume + "}";
	}

	private static List<String> times(JsonNode bars) {
		var times = new ArrayList<String>();
		bars.forEach(bar -> times.add(Instant.parse(bar.get("time").asString()).toString()));
		return times;
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}

	private Http.Response post(String operation, String json) {
		return http.postRaw("/api/v2/MT4/" + platform + operation, "application/json-patch+json", json, "Authorization", bearer);
	}
}
