package io.tradeport.cloud.identity;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.Http;
import io.tradeport.cloud.NodeScripts;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.organizations.Organizations;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients nobody here wrote, from npm, against the running server: {@code openid-client} and the WebAPI SDK. */
@TradeportApplicationTest
class ThirdPartyRelyingPartyTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Organizations organizations;

	@Autowired
	ApiClients clients;

	@Test
	void openIdClientCompletesDiscoveryClientCredentialsCodeFlowWithPkceRefreshRotationAndLogout() {
		var email = IdentityFixtures.uniqueEmail("rp-user");
		var password = "granite falcon waits patiently";
		var user = fixtures.userWithPassword(email, password);
		var organization = organizations.membershipsOf(user).getFirst().organizationId();
		var apiClient = clients.register(organization, "openid-client", Set.of("webapi"), user);

		var result = NodeScripts.run("oidc-relying-party.mjs", Http.form(
				"ISSUER", "http://127.0.0.1:" + port,
				"API_CLIENT_ID", apiClient.clientId(), "API_CLIENT_SECRET", apiClient.clientSecret(),
				"API_CLIENT_ORGANIZATION", organization.toString(),
				"APP_CLIENT_ID", "test-rp", "APP_CLIENT_SECRET", TestInfrastructure.RELYING_PARTY_SECRET,
				"APP_REDIRECT_URI", "http://127.0.0.1/callback", "APP_POST_LOGOUT_URI", "http://127.0.0.1/signed-out",
				"USER_EMAIL", email, "USER_PASSWORD", password, "USER_ID", user.toString()));

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("ok - discovery", "ok - client credentials", "ok - authorization code + PKCE",
				"ok - userinfo", "ok - refresh with rotation", "ok - refresh token reuse detected and family revoked",
				"ok - RP-initiated logout");
	}

	@Test
	void theWebApiSdksTokenProviderObtainsATokenUnchanged() {
		var user = fixtures.userWithPassword(IdentityFixtures.uniqueEmail("sdk"), "willow compass turns slowly");
		var organization = organizations.membershipsOf(user).getFirst().organizationId();
		var apiClient = clients.register(organization, "SDK", Set.of("webapi"), user);

		var result = NodeScripts.run("sdk-token-provider.mjs", Map.of("ISSUER", "http://127.0.0.1:" + port,
				"API_CLIENT_ID", apiClient.clientId(), "API_CLIENT_SECRET", apiClient.clientSecret(),
				"API_CLIENT_ORGANIZATION", organization.toString()));

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("ok - SDK token provider obtained a token", "ok - SDK surfaces invalid_client");
	}
}
