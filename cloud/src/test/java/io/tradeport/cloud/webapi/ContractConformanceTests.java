package io.tradeport.cloud.webapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatforms;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the contract this version answers is called against the built-in trade server, and its
 * response (success and error) validated against the contract's own schemas. An operation added to the API
 * without a sample call here fails the test, so the contract check cannot be forgotten.
 */
@TradeportApplicationTest
class ContractConformanceTests {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static TradeServer tradeServer;

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	TradePlatforms platforms;

	@Autowired
	ApiClients clients;

	record Sample(String method, String pathTemplate, String path, String body) {
	}

	@BeforeAll
	static void aTradeServer() {
		tradeServer = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password"));
	}

	@AfterAll
	static void stopIt() {
		tradeServer.close();
	}

	@Test
	void everyAnsweredOperationMatchesTheContractsSchemasOnSuccessAndOnError() throws IOException {
		var owned = fixtures.newOrganizationWithClient("contract");
		var platform = platforms.create(owned.organization(), "Contract MT4", PlatformType.MT4, owned.owner());
		platforms.setManagerApi(owned.organization(), platform, "127.0.0.1:" + tradeServer.port(), 1, "gateway-password", owned.owner());
		var client = clients.register(owned.organization(), "contract " + UUID.randomUUID(), Set.of("read", "trade", "admin"), owned.owner());
		var http = new Http(port);
		var bearer = "Bearer " + http.postForm("/connect/token", Http.form("grant_type", "client_credentials", "client_id",
				client.clientId(), "client_secret", client.clientSecret())).json().get("access_token").asString();
		var mt4 = "/api/v2/MT4/" + platform;
		var foreign = "/api/v2/MT4/" + UUID.randomUUID();

		var samples = List.of(
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/ServerTime", mt4 + "/ServerTime", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/ServerTime", foreign + "/ServerTime", null),
				new Sample("GET", "/api/v2/MT5/{tradePlatform}/ServerTime", "/api/v2/MT5/" + platform + "/ServerTime", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/UserRecordGet/{login}", mt4 + "/UserRecordGet/1001", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/UserRecordGet/{login}", mt4 + "/UserRecordGet/99999999", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/UserRecordRequest/{login}", mt4 + "/UserRecordRequest/1001", null),
				new Sample("POST", "/api/v2/MT4/{tradePlatform}/TradeTransaction", mt4 + "/TradeTransaction",
						"{\"tradeTransactionType\":\"BalanceAdd\",\"tradeCommand\":\"Balance\",\"orderBy\":1001,\"price\":10,\"comment\":\"contract\"}"),
				new Sample("POST", "/api/v2/MT4/{tradePlatform}/TradeTransaction", mt4 + "/TradeTransaction",
						"{\"tradeTransactionType\":\"CloseMarket\",\"order\":987654321}"),
				new Sample("POST", "/api/v2/MT4/{tradePlatform}/TradeTransaction", mt4 + "/TradeTransaction",
						"{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1001,\"symbol\":\"EURUSD\",\"volume\":1}"),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/TradesGet", mt4 + "/TradesGet?limit=1", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/TradesGet", mt4 + "/TradesGet", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/TradesGet", mt4 + "/TradesGet?limit=6000", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/MarginsGet", mt4 + "/MarginsGet", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/MarginLevelGet/{login}", mt4 + "/MarginLevelGet/1001", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/MarginLevelGet/{login}", mt4 + "/MarginLevelGet/99999999", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/MarginLevelRequest/{login}", mt4 + "/MarginLevelRequest/1001", null),
				new Sample("GET", "/api/v2/MT4/{tradePlatform}/MarginLevelRequest/{login}", mt4 + "/MarginLevelRequest/99999999", null));

		var contract = contract();
		var answered = answeredOperations(contract, http);
		var sampled = samples.stream().map(sample -> sample.method() + " " + sample.pathTemplate()).distinct().toList();
		assertThat(sampled).as("every operation this version answers has a sample call here").containsExactlyInAnyOrderElementsOf(answered);

		var failures = new ArrayList<String>();
		for (var sample : samples) {
			var response = sample.method().equals("GET") ? http.get(sample.path(), "Authorization", bearer)
					: http.postRaw(sample.path(), "application/json-patch+json", sample.body(), "Authorization", bearer);
			var schema = contract.at("/paths/" + pointer(sample.pathTemplate()) + "/" + sample.method().toLowerCase()
					+ "/responses/200/content/application~1json/schema/$ref").asText();
			var errors = validator(schema).validate(asTheContractMeansIt(JSON.readTree(response.body())));
			if (!errors.isEmpty()) {
				failures.add(sample.method() + " " + sample.path() + " (" + response.status() + "): " + errors + "\n" + response.body());
			}
		}
		assertThat(failures).isEmpty();
	}

	/**
	 * Two things the contract allows that the validator cannot see: {@code error} and {@code error.managerCode}
	 * are declared {@code nullable} next to an {@code allOf}, which OpenAPI 3.0 validators do not combine; and error envelopes
	 * carry {@code data: null} because CPlugin's serializer writes null fields (the contract's ApiMeta says so)
	 * while the per-operation schemas do not mark {@code data} nullable. Only those nulls are removed.
	 */
	private static JsonNode asTheContractMeansIt(JsonNode envelope) {
		var copy = (com.fasterxml.jackson.databind.node.ObjectNode) envelope.deepCopy();
		if (copy.path("error").isNull()) {
			copy.remove("error");
		}
		if (copy.path("error").path("managerCode").isNull() && copy.path("error").isObject()) {
			((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("error")).remove("managerCode");
		}
		if (copy.path("data").isNull() && copy.path("error").isObject()) {
			copy.remove("data");
		}
		return copy;
	}

	/** The contract's operations that do not fall through to the catch-all for unknown operations. */
	private static List<String> answeredOperations(JsonNode contract, Http http) {
		var page = http.get("/api-reference").body();
		var answered = new ArrayList<String>();
		contract.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
			var marker = method.toUpperCase() + " " + path.getKey() + "</code></td>";
			var at = page.indexOf(marker);
			if (at >= 0 && page.substring(at, page.indexOf("</tr>", at)).contains("badge\">available")) {
				answered.add(method.toUpperCase() + " " + path.getKey());
			}
		}));
		return answered;
	}

	private static com.networknt.schema.JsonSchema validator(String ref) {
		var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
				builder -> builder.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
					.schemaLoaders(loaders -> loaders.schemas(Map.of("https://tradeport.test/contract.json", contractText()))));
		return factory.getSchema(SchemaLocation.of("https://tradeport.test/contract.json" + ref),
				SchemaValidatorsConfig.builder().build());
	}

	private static String pointer(String path) {
		return path.replace("~", "~0").replace("/", "~1");
	}

	private static JsonNode contract() throws IOException {
		return JSON.readTree(contractText());
	}

	private static String contractText() {
		try (InputStream in = new ClassPathResource("openapi/webapi-v2.json").getInputStream()) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
