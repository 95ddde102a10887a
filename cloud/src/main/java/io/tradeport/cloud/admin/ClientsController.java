package io.tradeport.cloud.admin;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.clients.ApiScopes;
import io.tradeport.cloud.clients.ClientRuleViolation;
import io.tradeport.cloud.organizations.Permission;
import io.tradeport.cloud.platforms.TradePlatforms;

/** Admin → Clients: create (secret shown once), rotate the secret, disable, enable, delete, last use. */
@Controller
class ClientsController {

	private final ApiClients clients;
	private final TradePlatforms platforms;
	private final AdminPages pages;

	ClientsController(ApiClients clients, TradePlatforms platforms, AdminPages pages) {
		this.clients = clients;
		this.platforms = platforms;
		this.pages = pages;
	}

	@GetMapping("/admin/{org}/clients")
	String list(@PathVariable UUID org, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_CLIENTS, authentication, session, model);
		model.addAttribute("clients", clients.list(page.organization(), page.user()));
		model.addAttribute("platforms", platforms.list(page.organization(), page.user()));
		model.addAttribute("scopes", ApiScopes.CHOOSABLE);
		if (!model.containsAttribute("name")) {
			model.addAttribute("name", "");
		}
		return "admin/clients";
	}

	@PostMapping("/admin/{org}/clients")
	String create(@PathVariable UUID org, @RequestParam MultiValueMap<String, String> form, Authentication authentication,
			HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_CLIENTS, authentication, session, model);
		var name = form.getFirst("name") == null ? "" : form.getFirst("name").strip();
		var scopes = new HashSet<>(form.getOrDefault("scope", List.of()));
		String problem = null;
		String field = "name";
		if (name.isEmpty()) {
			problem = "Enter a name.";
		}
		else if (name.length() > 100) {
			problem = "Use at most 100 characters.";
		}
		else if (scopes.isEmpty()) {
			problem = "Choose at least one scope.";
			field = "scope";
		}
		Set<UUID> chosen = null;
		if (problem == null && "chosen".equals(form.getFirst("platformScope"))) {
			var known = platforms.list(page.organization(), page.user()).stream().map(p -> p.id().value()).toList();
			chosen = new HashSet<>();
			for (var id : form.getOrDefault("platform", List.of())) {
				try {
					var platform = UUID.fromString(id);
					if (!known.contains(platform)) {
						throw new IllegalArgumentException();
					}
					chosen.add(platform);
				}
				catch (IllegalArgumentException unknown) {
					problem = "Unknown trade platform.";
					field = "platform";
				}
			}
			if (problem == null && chosen.isEmpty()) {
				problem = "Choose at least one platform, or allow all platforms.";
				field = "platform";
			}
		}
		if (problem == null) {
			try {
				var issued = clients.register(page.organization(), name, scopes, chosen, page.user());
				model.addAttribute("issued", issued);
				model.addAttribute("action", "created");
				return "admin/client-secret";
			}
			catch (ClientRuleViolation refused) {
				problem = refused.getMessage();
				field = refused.field();
			}
		}
		model.addAttribute("problem", problem);
		model.addAttribute("problemField", field);
		model.addAttribute("name", name);
		return list(org, authentication, session, model);
	}

	@PostMapping("/admin/{org}/clients/{clientId}/rotate")
	String rotate(@PathVariable UUID org, @PathVariable String clientId, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_CLIENTS, authentication, session, model);
		model.addAttribute("issued", clients.rotateSecret(page.organization(), clientId, page.user()));
		model.addAttribute("action", "rotated");
		return "admin/client-secret";
	}

	@PostMapping("/admin/{org}/clients/{clientId}/{state:disable|enable}")
	String setState(@PathVariable UUID org, @PathVariable String clientId, @PathVariable String state, Authentication authentication,
			HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_CLIENTS, authentication, session, model);
		clients.setDisabled(page.organization(), clientId, state.equals("disable"), page.user());
		return "redirect:/admin/" + org + "/clients?" + state + "d";
	}

	@PostMapping("/admin/{org}/clients/{clientId}/delete")
	String delete(@PathVariable UUID org, @PathVariable String clientId, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_CLIENTS, authentication, session, model);
		clients.delete(page.organization(), clientId, page.user());
		return "redirect:/admin/" + org + "/clients?deleted";
	}
}
