package io.tradeport.cloud;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.clients.IssuedCredentials;
import io.tradeport.cloud.identity.IdentityFixtures;
import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.organizations.OrganizationId;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.platforms.TradePlatforms;

/** A new user with their organization and an API client of that organization, optionally with a connected MT4 platform. */
@Component
public class ApiClientFixtures {

	public record OwnedClient(UserId owner, String ownerEmail, String ownerPassword, OrganizationId organization,
			IssuedCredentials credentials) {
	}

	/** An MT4 platform whose Manager API is a gateway, and a bearer token of a client of its organization. */
	public record ConnectedPlatform(OwnedClient owned, TradePlatformId platform, String bearer) {
	}

	private final IdentityFixtures identity;
	private final Organizations organizations;
	private final ApiClients clients;
	private final TradePlatforms platforms;

	ApiClientFixtures(IdentityFixtures identity, Organizations organizations, ApiClients clients, TradePlatforms platforms) {
		this.identity = identity;
		this.organizations = organizations;
		this.clients = clients;
		this.platforms = platforms;
	}

	public ConnectedPlatform newPlatformOnGateway(String name, int gatewayPort, String managerPassword, Set<String> scopes, Http http) {
		var owned = newOrganizationWithClient(name);
		var platform = platforms.create(owned.organization(), name + " MT4", PlatformType.MT4, owned.owner());
		platforms.setManagerApi(owned.organization(), platform, "127.0.0.1:" + gatewayPort, 1, managerPassword, owned.owner());
		var client = clients.register(owned.organization(), name + " " + UUID.randomUUID(), scopes, owned.owner());
		return new ConnectedPlatform(owned, platform, bearer(http, client));
	}

	public static String bearer(Http http, IssuedCredentials client) {
		return "Bearer " + http.postForm("/connect/token", Http.form("grant_type", "client_credentials", "client_id",
				client.clientId(), "client_secret", client.clientSecret())).json().get("access_token").asString();
	}

	public OwnedClient newOrganizationWithClient(String name) {
		var email = IdentityFixtures.uniqueEmail(name);
		var password = "lilac anchor " + name + " sleeps";
		var owner = identity.userWithPassword(email, password);
		var organization = organizations.membershipsOf(owner).getFirst().organizationId();
		return new OwnedClient(owner, email, password, organization,
				clients.register(organization, name, Set.of("read"), owner));
	}
}
