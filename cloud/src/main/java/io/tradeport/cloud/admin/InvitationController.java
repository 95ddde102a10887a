package io.tradeport.cloud.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.tradeport.cloud.identity.SignedInUser;
import io.tradeport.cloud.organizations.Invitations;
import io.tradeport.cloud.organizations.OrganizationRuleViolation;

/**
 * The invitation link. Anyone with the link sees whom it is for; accepting needs signing in as that e-mail
 * (registering first if need be: the sign-in brings them back here).
 */
@Controller
class InvitationController {

	private final Invitations invitations;
	private final RequestCache requestCache = new HttpSessionRequestCache();

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	/** Remembers the link for the anonymous visitor, so signing in (even after registering) returns here. */
	@GetMapping("/invitations/{token}")
	String open(@PathVariable String token, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (SignedInUser.of(authentication).isEmpty()) {
			requestCache.saveRequest(request, response);
		}
		return show(token, authentication, model);
	}

	private String show(String token, Authentication authentication, Model model) {
		model.addAttribute("invitation", invitations.find(token).orElse(null));
		model.addAttribute("token", token);
		model.addAttribute("signedIn", SignedInUser.of(authentication).isPresent());
		return "admin/invitation";
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable String token, Authentication authentication, HttpSession session, Model model) {
		var user = SignedInUser.of(authentication).orElseThrow();
		try {
			var organization = invitations.accept(token, user);
			ActiveOrganization.set(session, organization);
			return "redirect:/?joined";
		}
		catch (OrganizationRuleViolation refused) {
			model.addAttribute("problem", refused.getMessage());
			return show(token, authentication, model);
		}
	}
}
