package io.tradeport.cloud.webapi;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.StandaloneApplication;
import io.tradeport.cloud.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits are configuration, so this runs its own instance with small ones. */
class RateLimitTests {

	@Test
	void aClientBeyondItsRateGets429WithRetryAfterAndOthersAreUnaffected() {
		try (var app = StandaloneApplication.start(TestInfrastructure.newDataDirectory(), "--tradeport.webapi.requests-per-second=1",
				"--tradeport.webapi.burst=3", "--tradeport.webapi.max-request-bytes=1000")) {
			var http = new Http(app.port());
			var busy = token(http, app.bean(ApiClientFixtures.class).newOrganizationWithClient("busy"));
			var calm = token(http, app.bean(ApiClientFixtures.class).newOrganizationWithClient("calm"));

			var statuses = new ArrayList<Integer>();
			Http.Response limited = null;
			for (int i = 0; i < 6; i++) {
				var response = http.get("/api/TradePlatforms", "Authorization", "Bearer " + busy);
				statuses.add(response.status());
				if (response.status() == 429) {
					limited = response;
				}
			}
			assertThat(statuses.subList(0, 3)).containsOnly(200);
			assertThat(statuses).contains(429);
			assertThat(limited.header("Retry-After")).matches("[1-9][0-9]*");
			assertThat(limited.json().get("error").get("message").asString()).contains("Too many requests");
			assertThat(http.get("/api/TradePlatforms", "Authorization", "Bearer " + calm).status()).isEqualTo(200);

			var huge = http.postRaw("/api/v2/MT4/" + java.util.UUID.randomUUID() + "/TradeTransaction", "application/json",
					"{\"comment\":\"" + "x".repeat(2000) + "\"}", "Authorization", "Bearer " + calm);
			assertThat(huge.status()).isEqualTo(413);
			assertThat(huge.json().get("error").get("code").asString()).isEqualTo("Validation");
		}
	}

	private static String token(Http http, ApiClientFixtures.OwnedClient owned) {
		return http.postForm("/connect/token", Http.form("grant_type", "client_credentials", "client_id", owned.credentials().clientId(),
				"client_secret", owned.credentials().clientSecret())).json().get("access_token").asString();
	}
}
