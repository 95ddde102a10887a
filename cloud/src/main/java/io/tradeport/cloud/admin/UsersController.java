package io.tradeport.cloud.admin;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.mail.MailNotSentException;
import io.tradeport.cloud.organizations.Grant;
import io.tradeport.cloud.organizations.Invitations;
import io.tradeport.cloud.organizations.Member;
import io.tradeport.cloud.organizations.OrganizationAccessDenied;
import io.tradeport.cloud.organizations.OrganizationRuleViolation;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.organizations.PendingInvitation;
import io.tradeport.cloud.organizations.Permission;
import io.tradeport.cloud.platforms.TradePlatform;
import io.tradeport.cloud.platforms.TradePlatforms;

/** Admin → Users: members and their permissions, invitations (send, resend, revoke), removal. */
@Controller
class UsersController {

	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final Organizations organizations;
	private final Invitations invitations;
	private final TradePlatforms platforms;
	private final AdminPages pages;

	UsersController(Organizations organizations, Invitations invitations, TradePlatforms platforms, AdminPages pages) {
		this.organizations = organizations;
		this.invitations = invitations;
		this.platforms = platforms;
		this.pages = pages;
	}

	record MemberRow(Member member, String permissions) {
	}

	record InvitationRow(PendingInvitation invitation, String permissions) {
	}

	@GetMapping("/admin/{org}/users")
	String list(@PathVariable UUID org, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_USERS, authentication, session, model);
		var known = platforms.list(page.organization(), page.user());
		model.addAttribute("members", organizations.members(page.organization(), page.user()).stream()
			.map(member -> new MemberRow(member, describe(member.grants(), known)))
			.toList());
		model.addAttribute("invitations", invitations.pending(page.organization(), page.user()).stream()
			.map(invitation -> new InvitationRow(invitation, describe(invitation.grants(), known)))
			.toList());
		model.addAttribute("permissions", Permission.values());
		model.addAttribute("platforms", known);
		model.addAttribute("myId", page.user().toString());
		if (!model.containsAttribute("email")) {
			model.addAttribute("email", "");
		}
		return "admin/users";
	}

	@PostMapping("/admin/{org}/users/invite")
	String invite(@PathVariable UUID org, @RequestParam MultiValueMap<String, String> form, Authentication authentication,
			HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_USERS, authentication, session, model);
		var email = form.getFirst("email") == null ? "" : form.getFirst("email").strip();
		String problem = null;
		if (email.isEmpty()) {
			problem = "Enter an e-mail address.";
		}
		else if (email.length() > 254) {
			problem = "Use at most 254 characters.";
		}
		else if (!EMAIL.matcher(email).matches()) {
			problem = "This is not an e-mail address.";
		}
		var parsed = GrantsForm.parse(form, platformIds(page));
		if (problem == null && parsed.problem().isPresent()) {
			problem = parsed.problem().get();
		}
		if (problem == null) {
			try {
				invitations.invite(page.organization(), email, parsed.grants(), page.user());
				return "redirect:/admin/" + org + "/users?invited";
			}
			catch (OrganizationRuleViolation | MailNotSentException refused) {
				problem = refused instanceof MailNotSentException ? "The mail could not be sent; nothing was saved. Try again."
						: refused.getMessage();
			}
		}
		model.addAttribute("inviteError", problem);
		model.addAttribute("email", email);
		return list(org, authentication, session, model);
	}

	@PostMapping("/admin/{org}/invitations/{invitation}/resend")
	String resend(@PathVariable UUID org, @PathVariable UUID invitation, Authentication authentication, HttpSession session,
			Model model) {
		var page = pages.open(org, Permission.MANAGE_USERS, authentication, session, model);
		invitations.resend(page.organization(), invitation, page.user());
		return "redirect:/admin/" + org + "/users?resent";
	}

	@PostMapping("/admin/{org}/invitations/{invitation}/revoke")
	String revoke(@PathVariable UUID org, @PathVariable UUID invitation, Authentication authentication, HttpSession session,
			Model model) {
		var page = pages.open(org, Permission.MANAGE_USERS, authentication, session, model);
		invitations.revoke(page.organization(), invitation, page.user());
		return "redirect:/admin/" + org + "/users?revoked";
	}

	@GetMapping("/admin/{org}/users/{member}/permissions")
	String permissionsForm(@PathVariable UUID org, @PathVariable UUID member, Authentication authentication, HttpSession session,
			Model model) {
		var page = pages.open(org, Permission.MANAGE_USERS, authentication, session, model);
		var target = organizations.members(page.organization(), page.user()).stream()
			.filter(m -> m.user().id().value().equals(member))
			.findFirst()
			.orElseThrow(OrganizationAccessDenied::notAMember);
		model.addAttribute("member", target);
		model.addAttribute("held", target.grants().stream().collect(Collectors.toMap(g -> g.permission().code(), g -> g)));
		model.addAttribute("permissions", Permission.values());
		model.addAttribute("platforms", platforms.list(page.organization(), page.user()));
		return "admin/permissions";
	}

	@PostMapping("/admin/{org}/users/{member}/permissions")
	String setPermissions(@PathVariable UUID org, @PathVariable UUID member, @RequestParam MultiValueMap<String, String> form,
			Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_USERS, authentication, session, model);
		var parsed = GrantsForm.parse(form, platformIds(page));
		var problem = parsed.problem().orElse(null);
		if (problem == null) {
			try {
				organizations.setGrants(page.organization(), new UserId(member), parsed.grants(), page.user());
				return "redirect:/admin/" + org + "/users?saved";
			}
			catch (OrganizationRuleViolation refused) {
				problem = refused.getMessage();
			}
		}
		model.addAttribute("problem", problem);
		return permissionsForm(org, member, authentication, session, model);
	}

	@PostMapping("/admin/{org}/users/{member}/remove")
	String remove(@PathVariable UUID org, @PathVariable UUID member, Authentication authentication, HttpSession session,
			Model model, RedirectAttributes redirect) {
		var page = pages.open(org, Permission.MANAGE_USERS, authentication, session, model);
		try {
			organizations.removeMember(page.organization(), new UserId(member), page.user());
			return "redirect:/admin/" + org + "/users?removed";
		}
		catch (OrganizationRuleViolation refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
			return "redirect:/admin/" + org + "/users";
		}
	}

	private Set<UUID> platformIds(AdminPages.Context page) {
		return platforms.list(page.organization(), page.user()).stream().map(TradePlatform::id).map(id -> id.value()).collect(Collectors.toSet());
	}

	/** "View analytics (MT4 Live), Use monitors": permissions in words, with the platforms they are limited to. */
	private static String describe(java.util.List<Grant> grants, java.util.List<TradePlatform> platforms) {
		if (grants.isEmpty()) {
			return "none";
		}
		return grants.stream().map(grant -> {
			if (grant.platforms() == null) {
				return grant.permission().label();
			}
			var names = platforms.stream().filter(p -> grant.platforms().contains(p.id().value())).map(TradePlatform::name).sorted().toList();
			return grant.permission().label() + " (" + (names.isEmpty() ? "no platform" : String.join(", ", names)) + ")";
		}).collect(Collectors.joining(", "));
	}
}
