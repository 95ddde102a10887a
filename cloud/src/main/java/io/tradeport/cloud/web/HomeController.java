package io.tradeport.cloud.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.tradeport.cloud.identity.SignedInUser;
import io.tradeport.cloud.organizations.Organizations;

@Controller
class HomeController {

	private final Organizations organizations;

	HomeController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping("/")
	String home(Model model) {
		var user = SignedInUser.current();
		if (user.isEmpty()) {
			return "web/welcome";
		}
		model.addAttribute("memberships", organizations.membershipsOf(user.get()));
		return "web/home";
	}
}
