package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.platforms.TradePlatforms;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Positions, orders and deals of an MT5-presenting server, by group mask and in pages: the trades are made through
 * the same server registered as an MT4 platform (the MT5 part of the contract has no trade operations).
 */
@TradeportApplicationTest
class Mt5TradesTests {

	private static TradeServer tradeServer;

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	TradePlatforms platforms;

	Http http;
	String bearer;
	TradePlatformId mt5;
	TradePlatformId mt4View;

	@BeforeAll
	static void aTradeServerPresentingAsMt5() {
		tradeServer = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password")
			.withPlatform(TradeServerSettings.Platform.MT5).withClock(Mt5RecordsTests.onAWeekday()));
	}

	@AfterAll
	static void stopIt() {
		tradeServer.close();
	}

	@BeforeEach
	void platformsOnIt() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("mt5-trades", tradeServer.port(), "gateway-password",
				Set.of("read", "trade"), http);
		bearer = connected.bearer();
		mt4View = connected.platform();
		var owned = connected.owned();
		mt5 = platforms.create(owned.organization(), "MT5 " + UUID.randomUUID(), PlatformType.MT5, owned.owner());
		platforms.setManagerApi(owned.organization(), mt5, "127.0.0.1:" + tradeServer.port(), 1, "gateway-password", owned.owner());
	}

	@Test
	void positionsAndOrdersAreTheOpenMarketAndPendingTradesOfTheMasksGroupsInPages() {
		var buy = transaction("{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1001,\"symbol\":\"EURUSD\",\"volume\":10}");
		var sell = transaction("{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Sell\",\"orderBy\":1001,\"symbol\":\"USDJPY\",\"volume\":20}");
		var pro = transaction("{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1003,\"symbol\":\"EURUSD\",\"volume\":100}");
		var positions = all("/PositionByGroup/demoforex", 1);
		var bought = positions.stream().filter(p -> p.get("position").asLong() == buy).findFirst().orElseThrow();
		var limitPrice = Math.round(bought.get("priceOpen").asDouble() * 0.95 * 100_000) / 100_000.0;
		var pending = transaction("{\"tradeTransactionType\":\"OpenPending\",\"tradeCommand\":\"BuyLimit\",\"orderBy\":1001,"
				+ "\"symbol\":\"EURUSD\",\"volume\":5,\"price\":" + limitPrice + "}");
		var anotherBuy = transaction("{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1001,\"symbol\":\"EURUSD\",\"volume\":10}");

		assertThat(tickets(all("/PositionByGroup/demoforex", 1), "position")).containsSubsequence(buy, sell, anotherBuy)
			.doesNotContain(pro, pending).isSorted();
		assertThat(tickets(all("/PositionByGroup/demo*", 2), "position")).contains(buy, sell, pro, anotherBuy);
		assertThat(tickets(all("/PositionByGroup/demo*,!demopro", 5000), "position")).contains(buy, sell).doesNotContain(pro);
		assertThat(bought.get("login").asLong()).isEqualTo(1001);
		assertThat(bought.get("symbol").asString()).isEqualTo("EURUSD");
		assertThat(bought.get("action").asString()).isEqualTo("Buy");
		assertThat(bought.get("volume").asLong()).as("1/10,000 lot: 0.1 lot").isEqualTo(1_000);
		assertThat(bought.get("volumeExt").asLong()).isEqualTo(10_000_000);
		assertThat(bought.get("contractSize").asDouble()).isEqualTo(100_000);
		assertThat(bought.get("digits").asInt()).isEqualTo(5);
		assertThat(bought.get("timeCreate").asString()).isNotBlank();
		var sold = all("/PositionByGroup/demoforex", 1000).stream().filter(p -> p.get("position").asLong() == sell).findFirst().orElseThrow();
		assertThat(sold.get("action").asString()).isEqualTo("Sell");

		var firstPage = get("/OrderByGroup/demoforex?limit=1").json();
		assertThat(firstPage.get("data").size()).isEqualTo(1);
		var orders = all("/OrderByGroup/demoforex", 1);
		assertThat(tickets(orders, "order")).contains(pending).doesNotContain(buy, sell, anotherBuy, pro);
		var order = orders.stream().filter(o -> o.get("order").asLong() == pending).findFirst().orElseThrow();
		assertThat(order.get("type").asString()).isEqualTo("BuyLimit");
		assertThat(order.get("state").asString()).isEqualTo("Placed");
		assertThat(order.get("typeTime").asString()).isEqualTo("GtC");
		assertThat(order.get("priceOrder").asDouble()).isEqualTo(limitPrice);
		assertThat(order.get("volumeInitial").asLong()).isEqualTo(500);
		assertThat(all("/OrderByGroup/demopro", 10)).isEmpty();
	}

	@Test
	void closedTradesAndBalanceOperationsAreTheGroupsDealsWhileDeletedOrdersMadeNone() {
		var opened = transaction("{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1002,\"symbol\":\"EURUSD\",\"volume\":30}");
		var position = all("/PositionByGroup/demoforex-eur", 100).stream().filter(p -> p.get("position").asLong() == opened).findFirst()
			.orElseThrow();
		transaction("{\"tradeTransactionType\":\"CloseMarket\",\"order\":" + opened + ",\"volume\":30}");
		var deposit = transaction("{\"tradeTransactionType\":\"BalanceAdd\",\"orderBy\":1002,\"price\":250,\"comment\":\"top-up\"}");
		var limitPrice = Math.round(position.get("priceOpen").asDouble() * 0.9 * 100_000) / 100_000.0;
		var deleted = transaction("{\"tradeTransactionType\":\"OpenPending\",\"tradeCommand\":\"BuyLimit\",\"orderBy\":1002,"
				+ "\"symbol\":\"EURUSD\",\"volume\":5,\"price\":" + limitPrice + "}");
		transaction("{\"tradeTransactionType\":\"DeletePending\",\"order\":" + deleted + "}");

		var deals = all("/DealByGroup/demoforex-eur", 1);
		assertThat(tickets(deals, "deal")).contains(opened, deposit).doesNotContain(deleted).isSorted();
		assertThat(deals.stream().filter(d -> d.get("login").asLong() != 1002)).isEmpty();
		var closing = deals.stream().filter(d -> d.get("deal").asLong() == opened).findFirst().orElseThrow();
		assertThat(closing.get("action").asString()).as("a bought position closes with a sell").isEqualTo("Sell");
		assertThat(closing.get("entry").asString()).isEqualTo("Out");
		assertThat(closing.get("positionID").asLong()).isEqualTo(opened);
		assertThat(closing.get("volume").asLong()).isEqualTo(3_000);
		assertThat(closing.get("pricePosition").asDouble()).isEqualTo(position.get("priceOpen").asDouble());
		assertThat(closing.get("price").asDouble()).isPositive();
		assertThat(closing.get("time").asString()).isNotBlank();
		var topUp = deals.stream().filter(d -> d.get("deal").asLong() == deposit).findFirst().orElseThrow();
		assertThat(topUp.get("action").asString()).isEqualTo("Balance");
		assertThat(topUp.get("profit").asDouble()).isEqualTo(250);
		assertThat(topUp.get("comment").asString()).isEqualTo("top-up");
		assertThat(tickets(all("/DealByGroup/demoforex-eur", 5000), "deal")).isEqualTo(tickets(deals, "deal"));
		assertThat(tickets(all("/DealByGroup/demoforex", 5000), "deal")).doesNotContain(opened, deposit);
	}

	@Test
	void badPagingAndMasksAreValidationErrors() {
		for (var bad : new String[] { "/PositionByGroup/*?limit=0", "/OrderByGroup/*?limit=5001", "/DealByGroup/*?cursor=bogus",
				"/DealByGroup/*?limit=abc", "/PositionByGroup/" + "x".repeat(513) }) {
			var answer = get(bad);
			assertThat(answer.status()).as(bad).isEqualTo(400);
			assertThat(answer.json().get("error").get("code").asString()).as(bad).isEqualTo("Validation");
		}
		var onMt4 = http.get("/api/v2/MT5/" + mt4View + "/PositionByGroup/*", "Authorization", bearer);
		assertThat(onMt4.json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	/** Every page, following the cursor; each page holds at most {@code limit} items and says whether more follow. */
	private List<JsonNode> all(String operation, int limit) {
		var items = new ArrayList<JsonNode>();
		String cursor = null;
		do {
			var page = get(operation + (operation.contains("?") ? "&" : "?") + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor)).json();
			assertThat(page.get("data").size()).isLessThanOrEqualTo(limit);
			page.get("data").forEach(items::add);
			var paging = page.get("meta").get("paging");
			cursor = paging.get("hasMore").asBoolean() ? paging.get("nextCursor").asString() : null;
		}
		while (cursor != null);
		return items;
	}

	private static List<Long> tickets(List<JsonNode> items, String field) {
		return items.stream().map(item -> item.get(field).asLong()).toList();
	}

	private long transaction(String body) {
		var answer = http.postRaw("/api/v2/MT4/" + mt4View + "/TradeTransaction", "application/json", body, "Authorization", bearer);
		assertThat(answer.status()).as(body + " → " + answer.body()).isEqualTo(200);
		return answer.json().get("data").get("order").asLong();
	}

	private Http.Response get(String operation) {
		var response = http.get("/api/v2/MT5/" + mt5 + operation, "Authorization", bearer);
		assertThat(response.status()).as(response.body()).isLessThan(500);
		return response;
	}
}
