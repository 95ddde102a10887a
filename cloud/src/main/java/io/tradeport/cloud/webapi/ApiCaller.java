package io.tradeport.cloud.webapi;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.organizations.OrganizationId;

/**
 * Who calls: an API client of one organization (client credentials), or a user through one of their applications
 * (authorization code), whose access follows their permissions.
 */
record ApiCaller(@Nullable String clientId, @Nullable OrganizationId clientOrganization, @Nullable UserId user, Set<String> scopes) {

	boolean isClient() {
		return clientId != null;
	}
}
