package io.tradeport.cloud;

import java.util.Set;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.clients.IssuedCredentials;
import io.tradeport.cloud.identity.IdentityFixtures;
import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.organizations.OrganizationId;
import io.tradeport.cloud.organizations.Organizations;

/** A new user with their organization and an API client of that organization. */
@Component
public class ApiClientFixtures {

	public record OwnedClient(UserId owner, String ownerEmail, String ownerPassword, OrganizationId organization,
			IssuedCredentials credentials) {
	}

	private final IdentityFixtures identity;
	private final Organizations organizations;
	private final ApiClients clients;

	ApiClientFixtures(IdentityFixtures identity, Organizations organizations, ApiClients clients) {
		this.identity = identity;
		this.organizations = organizations;
		this.clients = clients;
	}

	public OwnedClient newOrganizationWithClient(String name) {
		var email = IdentityFixtures.uniqueEmail(name);
		var password = "lilac anchor " + name + " sleeps";
		var owner = identity.userWithPassword(email, password);
		var organization = organizations.membershipsOf(owner).getFirst().organizationId();
		return new OwnedClient(owner, email, password, organization,
				clients.register(organization, name, Set.of("webapi"), owner));
	}
}
