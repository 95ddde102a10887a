package io.tradeport.cloud.webapi;

import java.io.IOException;
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
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

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
	private static TradeServer mt4Server;
	private static TradeServer mt5Server;

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	TradePlatforms platforms;

	@Autowired
	ApiClients clients;

	@BeforeAll
	static void tradeServersPresentingAsMt4AndMt5() {
		mt4Server = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password"));
		mt5Server = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password")
			.withPlatform(TradeServerSettings.Platform.MT5));
	}

	@AfterAll
	static void stopThem() {
		mt4Server.close();
		mt5Server.close();
	}

	@Test
	void everyAnsweredOperationMatchesTheContractsSchemasOnSuccessAndOnError() throws IOException {
		var owned = fixtures.newOrganizationWithClient("contract");
		var mt4Platform = platforms.create(owned.organization(), "Contract MT4", PlatformType.MT4, owned.owner());
		platforms.setManagerApi(owned.organization(), mt4Platform, "127.0.0.1:" + mt4Server.port(), 1, "gateway-password", owned.owner());
		var mt5Platform = platforms.create(owned.organization(), "Contract MT5", PlatformType.MT5, owned.owner());
		platforms.setManagerApi(owned.organization(), mt5Platform, "127.0.0.1:" + mt5Server.port(), 1, "gateway-password", owned.owner());
		var client = clients.register(owned.organization(), "contract " + UUID.randomUUID(), Set.of("read", "trade", "admin"), owned.owner());
		var http = new Http(port);
		var context = new ContractSamples.Context(http, ApiClientFixtures.bearer(http, client), "/api/v2/MT4/" + mt4Platform,
				"/api/v2/MT5/" + mt5Platform, "/api/v2/MT4/" + UUID.randomUUID());
		var samples = new ArrayList<ContractSamples.Sample>();
		for (var area : areas()) {
			samples.addAll(area.samples(context));
		}

		var contract = ContractOperations.contract();
		var answered = ContractOperations.answered(http).stream().map(ContractOperations.Operation::key).toList();
		var sampled = samples.stream().map(sample -> sample.method() + " " + sample.pathTemplate()).distinct().toList();
		assertThat(sampled).as("every operation this version answers has a sample call here").containsExactlyInAnyOrderElementsOf(answered);

		var failures = new ArrayList<String>();
		for (var sample : samples) {
			var response = sample.method().equals("GET") ? context.get(sample.path())
					: http.sendRaw(sample.method(), sample.path(), "application/json-patch+json", sample.body() == null ? "" : sample.body(),
							"Authorization", context.bearer());
			var schema = contract.at("/paths/" + pointer(sample.pathTemplate()) + "/" + sample.method().toLowerCase()
					+ "/responses/200/content/application~1json/schema/$ref").asText();
			var errors = validator(schema).validate(asTheContractMeansIt(JSON.readTree(response.body())));
			if (!errors.isEmpty() || response.status() >= 500) {
				failures.add(sample.method() + " " + sample.path() + " (" + response.status() + "): " + errors + "\n" + response.body());
			}
		}
		assertThat(failures).isEmpty();
	}

	/** Every {@link ContractSamples} of this package, so that adding an area needs no line here. */
	private static List<ContractSamples> areas() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(ContractSamples.class));
		var areas = new ArrayList<ContractSamples>();
		for (var candidate : scanner.findCandidateComponents(ContractSamples.class.getPackageName())) {
			try {
				var type = Class.forName(candidate.getBeanClassName());
				var constructor = type.getDeclaredConstructor();
				constructor.setAccessible(true);
				areas.add((ContractSamples) constructor.newInstance());
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException(candidate.getBeanClassName() + " needs a constructor without arguments", e);
			}
		}
		return areas;
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

	private static com.networknt.schema.JsonSchema validator(String ref) {
		var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
				builder -> builder.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
					.schemaLoaders(loaders -> loaders.schemas(Map.of("https://tradeport.test/contract.json", ContractOperations.contractText()))));
		return factory.getSchema(SchemaLocation.of("https://tradeport.test/contract.json" + ref),
				SchemaValidatorsConfig.builder().build());
	}

	private static String pointer(String path) {
		return path.replace("~", "~0").replace("/", "~1");
	}
}
