package io.tradeport.cloud.identity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

@TradeportApplicationTest
class AuthorizationCleanupTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	AuthorizationCleanup cleanup;

	@Autowired
	JdbcClient jdbc;

	@Test
	void expiredAuthorizationsAreDeletedAndLiveOnesKept() {
		var client = fixtures.newOrganizationWithClient("cleanup").credentials();
		var http = new Http(port);
		for (int i = 0; i < 3; i++) {
			http.postForm("/connect/token", Http.form("grant_type", "client_credentials", "client_id", client.clientId(),
					"client_secret", client.clientSecret()));
		}
		var registeredId = jdbc.sql("select registered_client_id from api_client where client_id = ?").param(client.clientId())
			.query(String.class).single();
		jdbc.sql("""
				update oauth2_authorization set access_token_expires_at = now() - interval '1 minute'
				where id in (select id from oauth2_authorization where registered_client_id = ? limit 2)""")
			.param(registeredId).update();

		assertThat(cleanup.deleteExpired()).isGreaterThanOrEqualTo(2);

		assertThat(jdbc.sql("select count(*) from oauth2_authorization where registered_client_id = ?").param(registeredId)
			.query(Long.class).single()).isEqualTo(1);
	}
}
