package io.tradeport.cloud.organizations;

import java.util.Set;

/** A user's place in one organization. */
public record Membership(OrganizationId organizationId, String organizationName, Set<Permission> permissions) {

	public Membership {
		permissions = Set.copyOf(permissions);
	}

	public boolean isAdministrator() {
		return permissions.contains(Permission.ADMINISTRATOR);
	}

	public boolean allows(Permission permission) {
		return isAdministrator() || permissions.contains(permission);
	}
}
