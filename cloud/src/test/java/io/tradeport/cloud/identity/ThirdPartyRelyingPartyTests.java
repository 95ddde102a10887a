package io.tradeport.cloud.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.NodeScripts;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.TradeportApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients nobody here wrote, from npm, against the running server: {@code openid-client} and the WebAPI SDK. */
@TradeportApplicationTest
class ThirdPartyRelyingPartyTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Test
	void openIdClientCompletesDiscoveryClientCredentialsCodeFlowWithPkceRefreshRotationAndLogout() {
		var owned = fixtures.newOrganizationWithClient("openid-client");
		var apiClient = owned.credentials();
		var organization = owned.organization();
		var email = owned.ownerEmail();
		var password = owned.ownerPassword();
		var user = owned.owner();

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
		var owned = fixtures.newOrganizationWithClient("sdk");
		var apiClient = owned.credentials();
		var organization = owned.organization();

		var result = NodeScripts.run("sdk-token-provider.mjs", Map.of("ISSUER", "http://127.0.0.1:" + port,
				"API_CLIENT_ID", apiClient.clientId(), "API_CLIENT_SECRET", apiClient.clientSecret(),
				"API_CLIENT_ORGANIZATION", organization.toString()));

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("ok - SDK token provider obtained a token", "ok - SDK surfaces invalid_client");
	}
}
