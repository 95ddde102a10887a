package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.BuiltInTradeServer;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.Mailbox;
import io.tradeport.cloud.NodeScripts;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.identity.IdentityFixtures;
import io.tradeport.cloud.organizations.Grant;
import io.tradeport.cloud.organizations.Invitations;
import io.tradeport.cloud.organizations.Permission;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.platforms.TradePlatforms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user-token path end to end: a person signs in through an application (openid-client, authorization code +
 * PKCE) and calls the WebAPI with their own access token, which reaches exactly the platforms their
 * "Use the WebAPI" permission names; operations that change the server's setup need "Manage trade platforms".
 */
@TradeportApplicationTest
class UserTokenWebApiTests {

	@RegisterExtension
	static final BuiltInTradeServer tradeServer = BuiltInTradeServer.loopback();

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	IdentityFixtures identity;

	@Autowired
	TradePlatforms platforms;

	@Autowired
	Invitations invitations;

	@Test
	void aSignedInUsersTokenReachesOnlyThePlatformsTheirPermissionsAllow() {
		var http = new Http(port);
		var owned = fixtures.newOrganizationWithClient("user-token");
		var allowed = platform(owned, "Allowed");
		var other = platform(owned, "Other");
		var dealerEmail = IdentityFixtures.uniqueEmail("dealer");
		var dealerPassword = "quiet harbour dealer lamp";
		var dealer = identity.userWithPassword(dealerEmail, dealerPassword);
		invitations.invite(owned.organization(), dealerEmail, List.of(new Grant(Permission.USE_WEBAPI, Set.of(allowed.value()))), owned.owner());
		invitations.accept(Mailbox.match(Mailbox.latestBody(dealerEmail, "Invitation to"), "/invitations/(\\S+)"), dealer);

		var dealerToken = "Bearer " + signIn(dealerEmail, dealerPassword);
		var listed = new ArrayList<String>();
		http.get("/api/TradePlatforms", "Authorization", dealerToken).json().forEach(platform -> listed.add(platform.get("id").asString()));
		assertThat(listed).containsExactly(allowed.toString());
		var own = http.get("/api/v2/MT4/" + allowed + "/UserRecordRequest/1001", "Authorization", dealerToken);
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(http.get("/api/v2/MT4/" + other + "/UserRecordRequest/1001", "Authorization", dealerToken).status()).isEqualTo(403);
		var deposit = http.postRaw("/api/v2/MT4/" + allowed + "/TradeTransaction", "application/json",
				"{\"tradeTransactionType\":\"BalanceAdd\",\"orderBy\":1001,\"price\":5}", "Authorization", dealerToken);
		assertThat(deposit.status()).as("trading comes with Use the WebAPI").isEqualTo(200);

		var ownerToken = "Bearer " + signIn(owned.ownerEmail(), owned.ownerPassword());
		assertThat(http.get("/api/TradePlatforms", "Authorization", ownerToken).json().size()).isEqualTo(2);
		assertThat(http.get("/api/v2/MT4/" + other + "/UserRecordRequest/1001", "Authorization", ownerToken).status()).isEqualTo(200);
	}

	private TradePlatformId platform(ApiClientFixtures.OwnedClient owned, String name) {
		var id = platforms.create(owned.organization(), name, PlatformType.MT4, owned.owner());
		platforms.setManagerApi(owned.organization(), id, "127.0.0.1:" + tradeServer.port(), 1, "gateway-password", owned.owner());
		return id;
	}

	private String signIn(String email, String password) {
		var result = NodeScripts.run("user-token.mjs", Http.form("ISSUER", "http://127.0.0.1:" + port, "APP_CLIENT_ID", "test-rp",
				"APP_CLIENT_SECRET", TestInfrastructure.RELYING_PARTY_SECRET, "APP_REDIRECT_URI", "http://127.0.0.1/callback",
				"USER_EMAIL", email, "USER_PASSWORD", password));
		assertThat(result.exitCode()).as(result.output()).isZero();
		return Mailbox.match(result.output(), "token (\\S+)");
	}
}
