package io.tradeport.cloud.admin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import io.tradeport.cloud.organizations.Membership;
import io.tradeport.cloud.organizations.OrganizationId;

/** The organization the user works in, remembered per session; switching is one click on the organizations page. */
final class ActiveOrganization {

	private static final String ATTRIBUTE = "tradeport.active-organization";

	private ActiveOrganization() {
	}

	static void set(HttpSession session, OrganizationId organization) {
		session.setAttribute(ATTRIBUTE, organization.value().toString());
	}

	/** The remembered one if the user is still a member there, else their first organization. */
	static Optional<Membership> of(HttpSession session, List<Membership> memberships) {
		var remembered = session.getAttribute(ATTRIBUTE);
		if (remembered instanceof String id) {
			var found = memberships.stream().filter(m -> m.organizationId().value().equals(UUID.fromString(id))).findFirst();
			if (found.isPresent()) {
				return found;
			}
		}
		return memberships.stream().findFirst();
	}
}
