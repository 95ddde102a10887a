package io.tradeport.cloud.identity;

import java.time.Duration;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.audit.AuditLog;
import io.tradeport.cloud.clients.IssuedCredentials;

import static io.tradeport.cloud.Http.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TradeportApplicationTest
class TokenEndpointTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	AuditLog audit;

	Http http;
	IssuedCredentials client;
	String organizationId;

	@BeforeEach
	void anApiClientOfAnOrganization() {
		http = new Http(port);
		var owned = fixtures.newOrganizationWithClient("reporting-robot");
		organizationId = owned.organization().toString();
		client = owned.credentials();
	}

	@Test
	void aClientAuthenticatedInTheFormBodyGetsASignedTokenCarryingItsOrganization() throws Exception {
		var response = http.postForm("/connect/token", form("grant_type", "client_credentials", "client_id",
				client.clientId(), "client_secret", client.clientSecret(), "scope", "webapi"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		var body = response.json();
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asInt()).isBetween(3590, 3600);
		assertThat(body.get("scope").asString()).isEqualTo("webapi");

		var jwt = SignedJWT.parse(body.get("access_token").asString());
		assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(client.clientId());
		assertThat(jwt.getJWTClaimsSet().getStringClaim("org_id")).isEqualTo(organizationId);
		var jwks = JWKSet.parse(http.get("/.well-known/openid-configuration/jwks").body());
		var key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).isNotNull();
		assertThat(key.isPrivate()).isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
	}

	@Test
	void aClientAuthenticatedWithHttpBasicGetsATokenToo() {
		var response = http.postForm("/connect/token", form("grant_type", "client_credentials"),
				"Authorization", Http.basic(client.clientId(), client.clientSecret()));
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void withoutAScopeParameterTheClientGetsEveryScopeItIsRegisteredFor() {
		var response = http.postForm("/connect/token", form("grant_type", "client_credentials", "client_id",
				client.clientId(), "client_secret", client.clientSecret()));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("scope").asString().split(" ")).containsExactlyInAnyOrder("read", "webapi");
	}

	@Test
	void aWrongSecretIsRefusedAsInvalidClientAndAudited() {
		var response = http.postForm("/connect/token", form("grant_type", "client_credentials", "client_id",
				client.clientId(), "client_secret", client.clientSecret() + "x"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audit.recent(null, 200))
			.anyMatch(e -> e.event().type().equals("client.authentication-failed") && client.clientId().equals(e.event().clientId())));
	}

	@Test
	void anUnknownClientIsRefusedAsInvalidClient() {
		var response = http.postForm("/connect/token",
				form("grant_type", "client_credentials", "client_id", "tp-nobody", "client_secret", "whatever"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void malformedTokenRequestsGetTheProtocolsErrorsNeverAServerError() {
		var secret = form("client_id", client.clientId(), "client_secret", client.clientSecret());

		var noGrant = http.postForm("/connect/token", secret);
		assertThat(noGrant.status()).isEqualTo(400);
		assertThat(noGrant.json().get("error").asString()).isEqualTo("invalid_request");

		var password = http.postForm("/connect/token", form("grant_type", "password", "username", "a", "password", "b",
				"client_id", client.clientId(), "client_secret", client.clientSecret()));
		assertThat(password.status()).isEqualTo(400);
		assertThat(password.json().get("error").asString()).isEqualTo("unsupported_grant_type");

		var foreignScope = http.postForm("/connect/token", form("grant_type", "client_credentials", "scope", "admin-of-everything",
				"client_id", client.clientId(), "client_secret", client.clientSecret()));
		assertThat(foreignScope.status()).isEqualTo(400);
		assertThat(foreignScope.json().get("error").asString()).isEqualTo("invalid_scope");

		var garbageBasic = http.postForm("/connect/token", form("grant_type", "client_credentials"), "Authorization", "Basic %%%not-base64");
		assertThat(garbageBasic.status()).isBetween(400, 401);
		assertThat(garbageBasic.json().get("error").asString()).isIn("invalid_request", "invalid_client");

		var json = http.postRaw("/connect/token", "application/json", "{\"grant_type\":\"client_credentials\"}");
		assertThat(json.status()).isBetween(400, 401);

		var codeForClientCredentialsClient = http.postForm("/connect/token", form("grant_type", "authorization_code",
				"code", "forged", "redirect_uri", "http://127.0.0.1/callback", "client_id", client.clientId(),
				"client_secret", client.clientSecret()));
		assertThat(codeForClientCredentialsClient.status()).isEqualTo(400);
		assertThat(codeForClientCredentialsClient.json().get("error").asString()).isIn("unauthorized_client", "invalid_grant");

		var get = http.get("/connect/token");
		assertThat(get.status()).isBetween(400, 499);
	}

	@Test
	void introspectionReportsATokenActiveUntilItIsRevoked() {
		var token = http.postForm("/connect/token", form("grant_type", "client_credentials", "client_id",
				client.clientId(), "client_secret", client.clientSecret())).json().get("access_token").asString();
		var auth = Http.basic(client.clientId(), client.clientSecret());

		var active = http.postForm("/connect/introspect", form("token", token), "Authorization", auth).json();
		assertThat(active.get("active").asBoolean()).isTrue();
		assertThat(active.get("client_id").asString()).isEqualTo(client.clientId());

		assertThat(http.postForm("/connect/revocation", form("token", token), "Authorization", auth).status()).isEqualTo(200);
		assertThat(http.postForm("/connect/introspect", form("token", token), "Authorization", auth).json().get("active").asBoolean())
			.isFalse();
	}

	@Test
	void everyIssuedTokenIsAuditedWithItsClientAndOrganization() {
		http.postForm("/connect/token", form("grant_type", "client_credentials", "client_id", client.clientId(),
				"client_secret", client.clientSecret()));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audit.recent(null, 500))
			.anyMatch(e -> e.event().type().equals("token.issued") && client.clientId().equals(e.event().clientId())
					&& e.event().organizationId() != null && organizationId.equals(e.event().organizationId().toString())
					&& "client_credentials".equals(e.event().details().get("grant"))));
	}

	@Test
	void discoveryPublishesIdentityServerStylePaths() {
		var discovery = http.get("/.well-known/openid-configuration").json();
		var base = http.base();
		assertThat(discovery.get("issuer").asString()).isEqualTo(base);
		assertThat(discovery.get("token_endpoint").asString()).isEqualTo(base + "/connect/token");
		assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(base + "/connect/authorize");
		assertThat(discovery.get("userinfo_endpoint").asString()).isEqualTo(base + "/connect/userinfo");
		assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(base + "/connect/endsession");
		assertThat(discovery.get("revocation_endpoint").asString()).isEqualTo(base + "/connect/revocation");
		assertThat(discovery.get("introspection_endpoint").asString()).isEqualTo(base + "/connect/introspect");
		assertThat(discovery.get("jwks_uri").asString()).isEqualTo(base + "/.well-known/openid-configuration/jwks");
		assertThat(discovery.get("token_endpoint_auth_methods_supported").toString())
			.contains("client_secret_basic", "client_secret_post");
	}
}
