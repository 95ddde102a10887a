package io.tradeport.cloud.admin;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tradeport.cloud.organizations.Permission;
import io.tradeport.cloud.platforms.ConnectionCheck;
import io.tradeport.cloud.platforms.PlatformRuleViolation;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.platforms.TradePlatforms;

/** Admin → Trade platforms: add, Edit (name, type), API (Manager API), DB (report database), Test, delete. */
@Controller
class PlatformsController {

	record PlatformForm(@NotBlank(message = "Enter a name.") @Size(max = 100, message = "Use at most 100 characters.") String name,
			@NotNull(message = "Choose MT4 or MT5.") @Nullable PlatformType type) {
	}

	record ManagerApiForm(
			@NotBlank(message = "Enter the server address.") @Size(max = 255, message = "Use at most 255 characters.")
			@Pattern(regexp = "^[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?$", message = "Enter host or host:port, e.g. mt4.broker.com:443.") String address,
			@NotNull(message = "Enter the manager login.") @Positive(message = "The login is a positive number.")
			@Max(value = 2147483647L, message = "The login is at most 2147483647.") @Nullable Long login,
			@Size(max = 128, message = "Use at most 128 characters.") @Nullable String password) {
	}

	record ReportDatabaseForm(
			@NotBlank(message = "Enter the host.") @Size(max = 255, message = "Use at most 255 characters.")
			@Pattern(regexp = "^[A-Za-z0-9.\\-\\[\\]:]+$", message = "Enter a host name or IP address.") String host,
			@NotNull(message = "Enter the port.") @Min(value = 1, message = "The port is between 1 and 65535.")
			@Max(value = 65535, message = "The port is between 1 and 65535.") @Nullable Integer port,
			@NotBlank(message = "Enter the database name.") @Size(max = 64, message = "Use at most 64 characters.")
			@Pattern(regexp = "^[A-Za-z0-9_$]+$", message = "Use letters, digits, _ and $ only.") String database,
			@NotBlank(message = "Enter the login.") @Size(max = 100, message = "Use at most 100 characters.") String login,
			@Size(max = 128, message = "Use at most 128 characters.") @Nullable String password) {
	}

	private final TradePlatforms platforms;
	private final AdminPages pages;

	PlatformsController(TradePlatforms platforms, AdminPages pages) {
		this.platforms = platforms;
		this.pages = pages;
	}

	@GetMapping("/admin/{org}/platforms")
	String list(@PathVariable UUID org, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_PLATFORMS, authentication, session, model);
		model.addAttribute("platforms", platforms.list(page.organization(), page.user()));
		model.addAttribute("types", PlatformType.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PlatformForm("", PlatformType.MT4));
		}
		return "admin/platforms";
	}

	@PostMapping("/admin/{org}/platforms")
	String add(@PathVariable UUID org, @Valid @ModelAttribute("form") PlatformForm form, BindingResult errors,
			Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_PLATFORMS, authentication, session, model);
		if (!errors.hasErrors()) {
			try {
				platforms.create(page.organization(), form.name(), form.type(), page.user());
				return "redirect:/admin/" + org + "/platforms?added";
			}
			catch (PlatformRuleViolation refused) {
				errors.rejectValue(refused.field(), "refused", refused.getMessage());
			}
		}
		return list(org, authentication, session, model);
	}

	@GetMapping("/admin/{org}/platforms/{platform}/edit")
	String editForm(@PathVariable UUID org, @PathVariable UUID platform, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_PLATFORMS, authentication, session, model);
		var found = platforms.get(page.organization(), new TradePlatformId(platform), page.user());
		model.addAttribute("platform", found);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PlatformForm(found.name(), found.type()));
		}
		model.addAttribute("types", PlatformType.values());
		return "admin/platform-edit";
	}

	@PostMapping("/admin/{org}/platforms/{platform}/edit")
	String edit(@PathVariable UUID org, @PathVariable UUID platform, @Valid @ModelAttribute("form") PlatformForm form,
			BindingResult errors, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_PLATFORMS, authentication, session, model);
		if (!errors.hasErrors()) {
			try {
				platforms.edit(page.organization(), new TradePlatformId(platform), form.name(), form.type(), page.user());
				return "redirect:/admin/" + org + "/platforms?saved";
			}
			catch (PlatformRuleViolation refused) {
				errors.rejectValue(refused.field().equals("platform") ? "name" : refused.field(), "refused", refused.getMessage());
			}
		}
		return editForm(org, platform, authentication, session, model);
	}

	@GetMapping("/admin/{org}/platforms/{platform}/api")
	String apiForm(@PathVariable UUID org, @PathVariable UUID platform, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_PLATFORMS, authentication, session, model);
		var found = platforms.get(page.organization(), new TradePlatformId(platform), page.user());
		model.addAttribute("platform", found);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ManagerApiForm(found.managerAddress() == null ? "" : found.managerAddress(), found.managerLogin(), ""));
		}
		return "admin/platform-api";
	}

	@PostMapping("/admin/{org}/platforms/{platform}/api")
	String saveApi(@PathVariable UUID org, @PathVariable UUID platform, @Valid @ModelAttribute("form") ManagerApiForm form,
			BindingResult errors, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_PLATFORMS, authentication, session, model);
		var id = new TradePlatformId(platform);
		if (!errors.hasErrors() && (form.password() == null || form.password().isEmpty())
				&& !platforms.get(page.organization(), id, page.user()).managerPasswordSet()) {
			errors.rejectValue("password", "required", "Enter the manager password.");
		}
		if (errors.hasErrors()) {
			return apiForm(org, platform, authentication, session, model);
		}
		platforms.setManagerApi(page.organization(), id, form.address(), form.login(), form.password(), page.user());
		return "redirect:/admin/" + org + "/platforms?saved";
	}

	@GetMapping("/admin/{org}/platforms/{platform}/db")
	String databaseForm(@PathVariable UUID org, @PathVariable UUID platform, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_PLATFORMS, authentication, session, model);
		var found = platforms.get(page.organization(), new TradePlatformId(platform), page.user());
		model.addAttribute("platform", found);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ReportDatabaseForm(orEmpty(found.databaseHost()),
					found.databasePort() == null ? 3306 : found.databasePort(), orEmpty(found.databaseName()), orEmpty(found.databaseLogin()), ""));
		}
		return "admin/platform-db";
	}

	@PostMapping("/admin/{org}/platforms/{platform}/db")
	String saveDatabase(@PathVariable UUID org, @PathVariable UUID platform, @Valid @ModelAttribute("form") ReportDatabaseForm form,
			BindingResult errors, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_PLATFORMS, authentication, session, model);
		if (errors.hasErrors()) {
			return databaseForm(org, platform, authentication, session, model);
		}
		platforms.setReportDatabase(page.organization(), new TradePlatformId(platform), form.host(), form.port(),
				form.database(), form.login(), form.password(), page.user());
		return "redirect:/admin/" + org + "/platforms?saved";
	}

	/** With htmx the result replaces the button's neighbour; without JavaScript the list page shows it. */
	@PostMapping("/admin/{org}/platforms/{platform}/test-{what}")
	String test(@PathVariable UUID org, @PathVariable UUID platform, @PathVariable String what,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Authentication authentication,
			HttpSession session, Model model, RedirectAttributes redirect) {
		var page = pages.open(org, Permission.MANAGE_PLATFORMS, authentication, session, model);
		var id = new TradePlatformId(platform);
		ConnectionCheck check = switch (what) {
			case "api" -> platforms.testManagerApi(page.organization(), id, page.user());
			case "db" -> platforms.testReportDatabase(page.organization(), id, page.user());
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
		if (htmx != null) {
			model.addAttribute("check", check);
			return "admin/fragments :: check";
		}
		redirect.addFlashAttribute("check", check);
		redirect.addFlashAttribute("checked", platform);
		return "redirect:/admin/" + org + "/platforms";
	}

	@PostMapping("/admin/{org}/platforms/{platform}/delete")
	String delete(@PathVariable UUID org, @PathVariable UUID platform, Authentication authentication, HttpSession session, Model model) {
		var page = pages.open(org, Permission.MANAGE_PLATFORMS, authentication, session, model);
		platforms.delete(page.organization(), new TradePlatformId(platform), page.user());
		return "redirect:/admin/" + org + "/platforms?deleted";
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}
}
