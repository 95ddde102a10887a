package io.tradeport.cloud.clients;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.organizations.OrganizationAccessDenied;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@TradeportApplicationTest
class ApiClientLifecycleTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	ApiClients clients;

	@Test
	void tokensOfADisabledClientStopWorkingAndItGetsNoNewOnesUntilEnabled() {
		var owned = fixtures.newOrganizationWithClient("disabled-robot");
		var http = new Http(port);
		var credentials = owned.credentials();
		var token = token(http, credentials.clientId(), credentials.clientSecret()).json().get("access_token").asString();
		assertThat(introspect(http, credentials, token)).isTrue();

		clients.setDisabled(owned.organization(), credentials.clientId(), true, owned.owner());

		assertThat(token(http, credentials.clientId(), credentials.clientSecret()).status()).isEqualTo(401);
		assertThat(clients.active(credentials.clientId())).isEmpty();
		clients.setDisabled(owned.organization(), credentials.clientId(), false, owned.owner());
		assertThat(introspect(http, credentials, token)).as("tokens issued before disabling stay revoked").isFalse();
		assertThat(token(http, credentials.clientId(), credentials.clientSecret()).status()).isEqualTo(200);
	}

	@Test
	void aDeletedClientIsGoneWithItsTokens() {
		var owned = fixtures.newOrganizationWithClient("deleted-robot");
		var http = new Http(port);
		var credentials = owned.credentials();
		assertThat(token(http, credentials.clientId(), credentials.clientSecret()).status()).isEqualTo(200);

		clients.delete(owned.organization(), credentials.clientId(), owned.owner());

		assertThat(token(http, credentials.clientId(), credentials.clientSecret()).status()).isEqualTo(401);
		assertThat(clients.active(credentials.clientId())).isEmpty();
		assertThat(clients.list(owned.organization(), owned.owner())).isEmpty();
	}

	@Test
	void theLastUseIsRecorded() {
		var owned = fixtures.newOrganizationWithClient("busy-robot");
		assertThat(clients.list(owned.organization(), owned.owner()).getFirst().lastUsedAt()).isNull();
		token(new Http(port), owned.credentials().clientId(), owned.credentials().clientSecret());
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
				assertThat(clients.list(owned.organization(), owned.owner()).getFirst().lastUsedAt()).isNotNull());
	}

	@Test
	void clientsOfAnotherOrganizationCannotBeSeenOrChanged() {
		var mine = fixtures.newOrganizationWithClient("mine");
		var theirs = fixtures.newOrganizationWithClient("theirs");
		assertThatThrownBy(() -> clients.list(theirs.organization(), mine.owner())).isInstanceOf(OrganizationAccessDenied.class);
		assertThatThrownBy(() -> clients.delete(mine.organization(), theirs.credentials().clientId(), mine.owner()))
			.isInstanceOf(ClientRuleViolation.class);
		assertThat(token(new Http(port), theirs.credentials().clientId(), theirs.credentials().clientSecret()).status()).isEqualTo(200);
	}

	@Test
	void scopesAndPlatformLimitsAreKept() {
		var owned = fixtures.newOrganizationWithClient("limited-robot");
		var platform = java.util.UUID.randomUUID();
		var issued = clients.register(owned.organization(), "Trader robot", Set.of("read", "trade"), Set.of(platform), owned.owner());
		var client = clients.active(issued.clientId()).orElseThrow();
		assertThat(client.scopes()).containsExactly("read", "trade", "webapi");
		assertThat(client.mayUse(platform)).isTrue();
		assertThat(client.mayUse(java.util.UUID.randomUUID())).isFalse();
		var granted = token(new Http(port), issued.clientId(), issued.clientSecret()).json().get("scope").asString();
		assertThat(granted.split(" ")).containsExactlyInAnyOrder("read", "trade", "webapi");
	}

	private static Http.Response token(Http http, String clientId, String secret) {
		return http.postForm("/connect/token", Http.form("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
	}

	private static boolean introspect(Http http, IssuedCredentials credentials, String token) {
		var fixture = Http.basic("test-rp", io.tradeport.cloud.TestInfrastructure.RELYING_PARTY_SECRET);
		return http.postForm("/connect/introspect", Http.form("token", token), "Authorization", fixture).json().get("active").asBoolean();
	}
}
