package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

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
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.platforms.TradePlatforms;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.LoginRef;

import static org.assertj.core.api.Assertions.assertThat;

/** Trading through the WebAPI, and mutators retried with an Idempotency-Key applied once, also concurrently. */
@TradeportApplicationTest
class TradeTransactionIdempotencyTests {

	private static final int DEMO_ACCOUNT = 1001;
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
	String trader;
	String reader;
	TradePlatformId platform;

	@BeforeEach
	void aTraderAndAReader() {
		http = new Http(port);
		var owned = fixtures.newOrganizationWithClient("trading");
		platform = platforms.create(owned.organization(), "Trading MT4", PlatformType.MT4, owned.owner());
		platforms.setManagerApi(owned.organization(), platform, "127.0.0.1:" + tradeServer.port(), 1, "gateway-password", owned.owner());
		trader = token(clients.register(owned.organization(), "trader " + UUID.randomUUID(), Set.of("read", "trade"), owned.owner()));
		reader = token(clients.register(owned.organization(), "reader " + UUID.randomUUID(), Set.of("read"), owned.owner()));
	}

	@Test
	void aRetriedDepositWithTheSameKeyIsAppliedOnceAndAnswersTheSame() {
		var before = balance();
		var key = UUID.randomUUID().toString();
		var first = deposit(trader, key, 250);
		var retry = deposit(trader, key, 250);

		assertThat(first.status()).isEqualTo(200);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().get("data").get("order").asInt()).isEqualTo(first.json().get("data").get("order").asInt()).isPositive();
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(balance()).isEqualTo(before + 250);

		assertThat(deposit(trader, UUID.randomUUID().toString(), 250).status()).isEqualTo(200);
		assertThat(balance()).as("another key is another deposit").isEqualTo(before + 500);
	}

	@Test
	void concurrentRetriesWithOneKeyApplyTheEffectOnce() throws Exception {
		var before = balance();
		var key = UUID.randomUUID().toString();
		var tasks = new ArrayList<Callable<Http.Response>>();
		for (int i = 0; i < 8; i++) {
			tasks.add(() -> deposit(trader, key, 100));
		}
		try (var pool = Executors.newFixedThreadPool(8)) {
			var tickets = pool.invokeAll(tasks).stream().map(future -> {
				try {
					return future.get().json().get("data").get("order").asInt();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}).distinct().toList();
			assertThat(tickets).hasSize(1);
		}
		assertThat(balance()).isEqualTo(before + 100);
	}

	@Test
	void aKeyReusedForADifferentRequestIsRefused() {
		var key = UUID.randomUUID().toString();
		deposit(trader, key, 10);
		var other = deposit(trader, key, 20);
		assertThat(other.status()).isEqualTo(400);
		assertThat(other.json().get("error").get("code").asString()).isEqualTo("Validation");
		assertThat(deposit(trader, "bad key with spaces", 10).status()).isEqualTo(400);
	}

	@Test
	void openingAndClosingAMarketOrder() {
		deposit(trader, UUID.randomUUID().toString(), 10_000);
		var open = transaction(trader, UUID.randomUUID().toString(), """
				{"tradeTransactionType":"OpenMarket","tradeCommand":"Buy","orderBy":%d,"symbol":"EURUSD","volume":10,"comment":"api"}"""
			.formatted(DEMO_ACCOUNT));
		assertThat(open.status()).as(open.body()).isEqualTo(200);
		var ticket = open.json().get("data").get("order").asInt();
		assertThat(ticket).isPositive();
		var close = transaction(trader, UUID.randomUUID().toString(), """
				{"tradeTransactionType":"CloseMarket","order":%d,"volume":10}""".formatted(ticket));
		assertThat(close.status()).as(close.body()).isEqualTo(200);
		var closeAgain = transaction(trader, UUID.randomUUID().toString(), """
				{"tradeTransactionType":"CloseMarket","order":%d,"volume":10}""".formatted(ticket));
		assertThat(closeAgain.json().get("error").get("code").asString()).isEqualTo("MT4Error");
	}

	@Test
	void aReadOnlyClientCannotTradeAndBadBodiesAreValidationErrors() {
		var readOnly = transaction(reader, null, """
				{"tradeTransactionType":"BalanceAdd","orderBy":%d,"price":1}""".formatted(DEMO_ACCOUNT));
		assertThat(readOnly.status()).isEqualTo(403);
		assertThat(readOnly.json().get("error").get("code").asString()).isEqualTo("Forbidden");

		assertThat(code(transaction(trader, null, "{\"tradeTransactionType\":\"Teleport\"}"))).isEqualTo("Validation");
		assertThat(code(transaction(trader, null, "{not json"))).isEqualTo("Validation");
		assertThat(code(transaction(trader, null, "{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Hold\"}"))).isEqualTo("Validation");
		var textPlain = http.postRaw("/api/v2/MT4/" + platform + "/TradeTransaction", "text/plain", "hello", "Authorization", "Bearer " + trader);
		assertThat(textPlain.status()).isEqualTo(415);
		assertThat(code(textPlain)).isEqualTo("Validation");
	}

	@Test
	void openTradesArePagedWithAnOpaqueCursorUntilHasMoreIsFalse() {
		deposit(trader, UUID.randomUUID().toString(), 50_000);
		var opened = new java.util.HashSet<Integer>();
		for (int i = 0; i < 5; i++) {
			opened.add(transaction(trader, null, """
					{"tradeTransactionType":"OpenMarket","tradeCommand":"Sell","orderBy":%d,"symbol":"EURUSD","volume":1}"""
				.formatted(DEMO_ACCOUNT)).json().get("data").get("order").asInt());
		}
		var seen = new java.util.HashSet<Integer>();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
			seen.clear();
			String cursor = null;
			var pages = 0;
			do {
				var page = http.get("/api/v2/MT4/" + platform + "/TradesGet?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
						"Authorization", "Bearer " + trader).json();
				page.get("data").forEach(trade -> seen.add(trade.get("order").asInt()));
				assertThat(page.get("data").size()).isLessThanOrEqualTo(2);
				cursor = page.get("meta").get("paging").get("hasMore").asBoolean() ? page.get("meta").get("paging").get("nextCursor").asString() : null;
				pages++;
			}
			while (cursor != null && pages < 1000);
			assertThat(seen).containsAll(opened);
		});
		var bad = http.get("/api/v2/MT4/" + platform + "/TradesGet?limit=6000", "Authorization", "Bearer " + trader);
		assertThat(bad.json().get("error").get("code").asString()).isEqualTo("Validation");
		assertThat(http.get("/api/v2/MT4/" + platform + "/TradesGet?cursor=forged", "Authorization", "Bearer " + trader)
			.json().get("error").get("code").asString()).isEqualTo("Validation");
		assertThat(http.get("/api/v2/MT4/" + platform + "/TradesGet?limit=abc", "Authorization", "Bearer " + trader)
			.json().get("error").get("code").asString()).isEqualTo("Validation");
	}

	private String code(Http.Response response) {
		return response.json().get("error").get("code").asString();
	}

	private Http.Response deposit(String token, String key, double amount) {
		return transaction(token, key, """
				{"tradeTransactionType":"BalanceAdd","tradeCommand":"Balance","orderBy":%d,"price":%s,"comment":"deposit"}"""
			.formatted(DEMO_ACCOUNT, amount));
	}

	private Http.Response transaction(String token, String key, String json) {
		return key == null
				? http.postRaw("/api/v2/MT4/" + platform + "/TradeTransaction", "application/json-patch+json", json, "Authorization", "Bearer " + token)
				: http.postRaw("/api/v2/MT4/" + platform + "/TradeTransaction", "application/json-patch+json", json, "Authorization", "Bearer " + token,
						"Idempotency-Key", key);
	}

	private double balance() {
		return AccountsGrpc.newBlockingStub(tradeServer.administrator())
			.getUser(LoginRef.newBuilder().setLogin(DEMO_ACCOUNT).build()).getBalance();
	}

	private String token(io.tradeport.cloud.clients.IssuedCredentials credentials) {
		return http.postForm("/connect/token", Http.form("grant_type", "client_credentials", "client_id", credentials.clientId(),
				"client_secret", credentials.clientSecret())).json().get("access_token").asString();
	}
}
