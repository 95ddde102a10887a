package io.tradeport.cloud.organizations;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A user's place in one organization: what they may do there. */
public record Membership(OrganizationId organizationId, String organizationName, List<Grant> grants) {

	public Membership {
		grants = List.copyOf(grants);
	}

	public boolean isAdministrator() {
		return grants.stream().anyMatch(grant -> grant.permission() == Permission.ADMINISTRATOR);
	}

	/** Holds the permission for at least one platform (or organization-wide). */
	public boolean allows(Permission permission) {
		return isAdministrator() || grants.stream().anyMatch(grant -> grant.permission() == permission);
	}

	public boolean allows(Permission permission, UUID platform) {
		return isAdministrator()
				|| grants.stream().anyMatch(grant -> grant.permission() == permission && grant.covers(platform));
	}

	/** The platforms the permission covers: empty for all platforms. */
	public Optional<Set<UUID>> platformsFor(Permission permission) {
		if (isAdministrator()) {
			return Optional.empty();
		}
		return grants.stream()
			.filter(grant -> grant.permission() == permission)
			.findFirst()
			.flatMap(grant -> Optional.ofNullable(grant.platforms()));
	}
}
