package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.List;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation and scopes over every operation this version answers (taken from the application's own
 * mappings, so a new operation is covered without a line here): another organization's platform, an unknown
 * platform, and an operation beyond the client's scopes are all {@code Forbidden}, and nothing changes on the server.
 */
@TradeportApplicationTest
class EveryOperationAuthorizationTests {

	@RegisterExtension
	static final BuiltInTradeServer tradeServer = BuiltInTradeServer.loopback();

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	ApiClients clients;

	Http http;
	ApiClientFixtures.ConnectedPlatform mine;
	ApiClientFixtures.ConnectedPlatform theirs;
	List<ContractOperations.Operation> answered;

	@BeforeEach
	void twoOrganizationsOnOneServer() {
		http = new Http(port);
		mine = fixtures.newPlatformOnGateway("every-mine", tradeServer.port(), "gateway-password", Set.of("read", "trade", "admin"), http);
		theirs = fixtures.newPlatformOnGateway("every-theirs", tradeServer.port(), "gateway-password", Set.of("read", "trade", "admin"), http);
		answered = ContractOperations.answered(http).stream().filter(operation -> operation.path().contains("{tradePlatform}")).toList();
		assertThat(answered).isNotEmpty();
	}

	@Test
	void everyOperationOnAnotherOrganizationsPlatformOrAnUnknownOneIsForbidden() {
		var before = serverState();
		var wrong = new ArrayList<String>();
		for (var operation : answered) {
			for (var platform : List.of(theirs.platform().toString(), UUID.randomUUID().toString())) {
				var response = call(operation, operation.on(platform), mine.bearer());
				if (response.status() != 403 || !response.json().path("error").path("code").asString().equals("Forbidden")) {
					wrong.add(operation.key() + " on " + platform + ": " + response.status() + " " + response.body());
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(serverState()).isEqualTo(before);
	}

	@Test
	void aReadScopedClientIsForbiddenEveryOperationThatChangesSomething() {
		var reader = ApiClientFixtures.bearer(http, clients.register(mine.owned().organization(), "reader " + UUID.randomUUID(),
				Set.of("read"), mine.owned().owner()));
		var before = serverState();
		var wrong = new ArrayList<String>();
		for (var operation : answered) {
			var response = call(operation, operation.on(mine.platform().toString()), reader);
			var forbidden = response.status() == 403 && response.json().path("error").path("code").asString().equals("Forbidden");
			if (operation.reads() == forbidden) {
				wrong.add(operation.key() + ": " + response.status() + " " + response.body());
			}
		}
		assertThat(wrong).as("changes forbidden, reads allowed").isEmpty();
		assertThat(serverState()).isEqualTo(before);
	}

	@Test
	void aTradeScopedClientIsForbiddenTheOperationsThatNeedAdmin() {
		var trader = ApiClientFixtures.bearer(http, clients.register(mine.owned().organization(), "trader " + UUID.randomUUID(),
				Set.of("read", "trade"), mine.owned().owner()));
		var wrong = new ArrayList<String>();
		var checked = 0;
		for (var operation : answered) {
			var tag = operation.spec().path("tags").path(0).asText();
			if (OperationScope.of(operation.method(), tag) != OperationScope.ADMIN) {
				continue;
			}
			checked++;
			var response = call(operation, operation.on(mine.platform().toString()), trader);
			if (response.status() != 403 || !response.json().path("error").path("message").asString().contains("\"admin\"")) {
				wrong.add(operation.key() + ": " + response.status() + " " + response.body());
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(checked).as("admin operations checked").isGreaterThan(50);
	}

	/** What a wrongly allowed change would alter: the demo accounts' records and the open trades. */
	private String serverState() {
		var own = "/api/v2/MT4/" + mine.platform();
		return http.get(own + "/UserRecordRequest/1001", "Authorization", mine.bearer()).json().path("data").toString()
				+ http.get(own + "/UserRecordRequest/1002", "Authorization", mine.bearer()).json().path("data").toString()
				+ http.get(own + "/TradesGet", "Authorization", mine.bearer()).json().path("data").toString();
	}

	private Http.Response call(ContractOperations.Operation operation, String path, String bearer) {
		return operation.reads() ? http.get(path, "Authorization", bearer)
				: http.sendRaw(operation.method(), path, "application/json", "{}", "Authorization", bearer);
	}
}
