package io.tradeport.cloud.admin;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.organizations.OrganizationAccessDenied;
import io.tradeport.cloud.organizations.OrganizationId;
import io.tradeport.cloud.organizations.OrganizationRuleViolation;
import io.tradeport.cloud.organizations.Organizations;

/** "Manage organizations": list, create, rename, switch, leave, delete. */
@Controller
class OrganizationsController {

	record NameForm(@NotBlank(message = "Enter a name.") @Size(max = 100, message = "Use at most 100 characters.") String name) {
	}

	private final Organizations organizations;

	OrganizationsController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping("/organizations")
	String list(Authentication authentication, HttpSession session, Model model) {
		var user = UserId.parse(authentication.getName());
		var memberships = organizations.membershipsOf(user);
		model.addAttribute("memberships", memberships);
		model.addAttribute("active", ActiveOrganization.of(session, memberships).map(m -> m.organizationId()).orElse(null));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NameForm(""));
		}
		return "admin/organizations";
	}

	@PostMapping("/organizations")
	String create(@Valid @ModelAttribute("form") NameForm form, BindingResult errors, Authentication authentication,
			HttpSession session, Model model) {
		var user = UserId.parse(authentication.getName());
		if (!errors.hasErrors() && organizations.membershipsOf(user).stream().anyMatch(m -> m.organizationName().equalsIgnoreCase(form.name().strip()))) {
			errors.rejectValue("name", "duplicate", "You already have an organization with this name.");
		}
		if (errors.hasErrors()) {
			return list(authentication, session, model);
		}
		var created = organizations.create(form.name(), user);
		ActiveOrganization.set(session, created);
		return "redirect:/organizations?created";
	}

	@PostMapping("/organizations/{organization}/rename")
	String rename(@PathVariable UUID organization, @Valid @ModelAttribute("renameForm") NameForm form, BindingResult errors,
			Authentication authentication, HttpSession session, Model model, RedirectAttributes redirect) {
		var user = UserId.parse(authentication.getName());
		if (errors.hasErrors()) {
			model.addAttribute("renameError", errors.getFieldError("name").getDefaultMessage());
			model.addAttribute("renaming", organization);
			return list(authentication, session, model);
		}
		organizations.rename(new OrganizationId(organization), form.name(), user);
		return "redirect:/organizations?renamed";
	}

	@PostMapping("/organizations/{organization}/switch")
	String switchTo(@PathVariable UUID organization, Authentication authentication, HttpSession session) {
		var id = new OrganizationId(organization);
		organizations.membership(UserId.parse(authentication.getName()), id).orElseThrow(OrganizationAccessDenied::notAMember);
		ActiveOrganization.set(session, id);
		return "redirect:/admin";
	}

	@PostMapping("/organizations/{organization}/leave")
	String leave(@PathVariable UUID organization, Authentication authentication, RedirectAttributes redirect) {
		try {
			organizations.leave(new OrganizationId(organization), UserId.parse(authentication.getName()));
			return "redirect:/organizations?left";
		}
		catch (OrganizationRuleViolation refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
			return "redirect:/organizations";
		}
	}

	@GetMapping("/organizations/{organization}/delete")
	String confirmDelete(@PathVariable UUID organization, Authentication authentication, Model model) {
		var id = new OrganizationId(organization);
		var membership = organizations.require(UserId.parse(authentication.getName()), id, io.tradeport.cloud.organizations.Permission.ADMINISTRATOR);
		model.addAttribute("membership", membership);
		return "admin/delete-organization";
	}

	@PostMapping("/organizations/{organization}/delete")
	String delete(@PathVariable UUID organization, @RequestParam(defaultValue = "") String confirmation,
			Authentication authentication, Model model) {
		var id = new OrganizationId(organization);
		var user = UserId.parse(authentication.getName());
		var membership = organizations.require(user, id, io.tradeport.cloud.organizations.Permission.ADMINISTRATOR);
		if (!membership.organizationName().equals(confirmation.strip())) {
			model.addAttribute("membership", membership);
			model.addAttribute("confirmationError", "Type the organization's name exactly to confirm.");
			return "admin/delete-organization";
		}
		organizations.delete(id, user);
		return "redirect:/organizations?deleted";
	}
}
