package io.tradeport.cloud.admin;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.tradeport.cloud.audit.AuditLog;
import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.identity.Users;
import io.tradeport.cloud.organizations.Permission;

/** Admin → Audit log: who changed what in the organization, and when. Administrators only. */
@Controller
class AuditController {

	private final AuditLog audit;
	private final Users users;
	private final AdminPages pages;

	AuditController(AuditLog audit, Users users, AdminPages pages) {
		this.audit = audit;
		this.users = users;
		this.pages = pages;
	}

	@GetMapping("/admin/{org}/audit")
	String audit(@PathVariable UUID org, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.ADMINISTRATOR, authentication, session, model);
		var events = audit.recent(page.organization().value(), 500);
		var names = new java.util.HashMap<String, String>();
		for (var event : events) {
			var actor = event.event().actor();
			if (actor != null && !names.containsKey(actor)) {
				try {
					names.put(actor, users.find(UserId.parse(actor)).map(u -> u.email()).orElse(actor));
				}
				catch (IllegalArgumentException notAUser) {
					names.put(actor, actor);
				}
			}
		}
		model.addAttribute("events", events);
		model.addAttribute("names", names);
		return "admin/audit";
	}
}
