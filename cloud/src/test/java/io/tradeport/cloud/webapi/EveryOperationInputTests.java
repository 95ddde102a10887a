package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.BuiltInTradeServer;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on every parameter kind of every answered operation, derived from the contract's own constraints:
 * a non-GUID platform, numbers below their minimum, names above their maximum length, a limit above 5,000, an
 * unknown enum value, malformed JSON and a wrong content type. Each is a {@code Validation} error with status
 * 400 (415 for the content type), never a 500, and nothing changes on the server.
 */
@TradeportApplicationTest
class EveryOperationInputTests {

	@RegisterExtension
	static final BuiltInTradeServer tradeServer = BuiltInTradeServer.loopback();

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	Http http;
	ApiClientFixtures.ConnectedPlatform mine;
	List<ContractOperations.Operation> answered;
	List<String> wrong = new ArrayList<>();

	@BeforeEach
	void aPlatformWithEveryScope() {
		http = new Http(port);
		mine = fixtures.newPlatformOnGateway("every-input", tradeServer.port(), "gateway-password", Set.of("read", "trade", "admin"), http);
		answered = ContractOperations.answered(http).stream().filter(operation -> operation.path().contains("{tradePlatform}")).toList();
	}

	@Test
	void aPlatformThatIsNotAGuidIsAValidationErrorEverywhere() {
		for (var operation : answered) {
			expectValidation(operation, operation.on("not-a-guid"), 400);
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void pathNumbersBelowTheirMinimumAndNamesAboveTheirMaximumLengthAreValidationErrors() {
		var before = serverState();
		var checked = 0;
		for (var operation : answered) {
			for (var parameter : operation.parameters("path")) {
				var schema = parameter.path("schema");
				var name = parameter.path("name").asText();
				String bad = null;
				if (schema.has("minimum")) {
					bad = String.valueOf(schema.path("minimum").asLong() - 1);
				}
				else if (schema.has("maxLength")) {
					bad = "X".repeat(schema.path("maxLength").asInt() + 1);
				}
				if (bad != null) {
					expectValidation(operation, operation.on(mine.platform().toString(), Map.of(name, bad)), 400);
					checked++;
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(checked).isPositive();
		assertThat(serverState()).isEqualTo(before);
	}

	@Test
	void aLimitAboveFiveThousandAndAnUnknownEnumValueAreValidationErrors() {
		var contract = ContractOperations.contract();
		for (var operation : answered) {
			for (var parameter : operation.parameters("query")) {
				var name = parameter.path("name").asText();
				var schema = parameter.path("schema");
				var reference = schema.path("allOf").path(0).path("$ref").asText(schema.path("$ref").asText());
				var enumerated = !reference.isEmpty() && contract.at(reference.substring(1)).has("enum");
				// Paged lists take at most 5,000; the batch reads' limit is a cap whose default is already larger.
				var pageLimit = name.equals("limit") && schema.path("default").asLong(0) <= Pages.MAX_LIMIT;
				String bad = pageLimit ? "5001" : enumerated ? "NoSuchValue" : null;
				if (bad != null) {
					expectValidation(operation, operation.on(mine.platform().toString()) + "?" + name + "=" + bad, 400);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void malformedJsonAndAWrongContentTypeAreValidationErrorsAndChangeNothing() {
		var before = serverState();
		for (var operation : answered) {
			if (!operation.hasBody()) {
				continue;
			}
			var path = operation.on(mine.platform().toString());
			check(operation, path, http.sendRaw(operation.method(), path, "application/json", "{\"login\": 1001,", "Authorization", mine.bearer()), 400);
			check(operation, path, http.sendRaw(operation.method(), path, "text/plain", "{}", "Authorization", mine.bearer()), 415);
		}
		assertThat(wrong).isEmpty();
		assertThat(serverState()).isEqualTo(before);
	}

	private void expectValidation(ContractOperations.Operation operation, String path, int status) {
		var response = operation.reads() ? http.get(path, "Authorization", mine.bearer())
				: http.sendRaw(operation.method(), path, "application/json", "{}", "Authorization", mine.bearer());
		check(operation, path, response, status);
	}

	private void check(ContractOperations.Operation operation, String path, Http.Response response, int status) {
		if (response.status() != status || !response.json().path("error").path("code").asString().equals("Validation")) {
			wrong.add(operation.key() + " as " + path + ": " + response.status() + " " + response.body());
		}
	}

	private String serverState() {
		var own = "/api/v2/MT4/" + mine.platform();
		return http.get(own + "/UserRecordRequest/1001", "Authorization", mine.bearer()).json().path("data").toString()
				+ http.get(own + "/TradesGet", "Authorization", mine.bearer()).json().path("data").toString();
	}
}
