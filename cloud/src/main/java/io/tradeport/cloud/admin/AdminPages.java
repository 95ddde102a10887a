package io.tradeport.cloud.admin;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.organizations.Membership;
import io.tradeport.cloud.organizations.OrganizationId;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.organizations.Permission;

/** What every admin page needs: the permission check for the page, and the organization and tabs for the layout. */
@Component
class AdminPages {

	record Context(UserId user, OrganizationId organization, Membership membership) {
	}

	private final Organizations organizations;

	AdminPages(Organizations organizations) {
		this.organizations = organizations;
	}

	Context open(UUID organization, Permission needed, Authentication authentication, HttpSession session, Model model) {
		var user = UserId.parse(authentication.getName());
		var id = new OrganizationId(organization);
		var membership = organizations.require(user, id, needed);
		ActiveOrganization.set(session, id);
		model.addAttribute("organization", membership);
		model.addAttribute("orgId", organization);
		model.addAttribute("canPlatforms", membership.allows(Permission.MANAGE_PLATFORMS));
		model.addAttribute("canUsers", membership.allows(Permission.MANAGE_USERS));
		model.addAttribute("canClients", membership.allows(Permission.MANAGE_CLIENTS));
		model.addAttribute("canAudit", membership.isAdministrator());
		return new Context(user, id, membership);
	}
}
