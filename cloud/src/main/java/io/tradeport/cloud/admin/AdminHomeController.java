package io.tradeport.cloud.admin;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.organizations.Permission;

@Controller
class AdminHomeController {

	private final Organizations organizations;

	AdminHomeController(Organizations organizations) {
		this.organizations = organizations;
	}

	/** Opens the first admin section the user may use in their active organization. */
	@GetMapping("/admin")
	String admin(Authentication authentication, HttpSession session) {
		var memberships = organizations.membershipsOf(UserId.parse(authentication.getName()));
		var active = ActiveOrganization.of(session, memberships);
		if (active.isEmpty()) {
			return "redirect:/organizations";
		}
		var membership = active.get();
		var base = "redirect:/admin/" + membership.organizationId();
		if (membership.allows(Permission.MANAGE_PLATFORMS)) {
			return base + "/platforms";
		}
		if (membership.allows(Permission.MANAGE_USERS)) {
			return base + "/users";
		}
		if (membership.allows(Permission.MANAGE_CLIENTS)) {
			return base + "/clients";
		}
		return "redirect:/organizations?nothingToAdminister";
	}
}
