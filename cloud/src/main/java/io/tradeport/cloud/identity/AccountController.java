package io.tradeport.cloud.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /account}: profile, password, and the user's active sessions, each of which they can end. */
@Controller
class AccountController {

	record ProfileForm(@Size(max = 100, message = "Use at most 100 characters.") @Nullable String displayName) {
	}

	private final UserStore users;
	private final UserSessions sessions;

	AccountController(UserStore users, UserSessions sessions) {
		this.users = users;
		this.sessions = sessions;
	}

	@GetMapping("/account")
	String account(Authentication authentication, HttpServletRequest request, Model model) {
		var user = users.findById(UserId.parse(authentication.getName())).orElseThrow();
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ProfileForm(user.displayName()));
		}
		model.addAttribute("user", user.account());
		model.addAttribute("sessions", sessions.of(user.id()));
		model.addAttribute("currentSession", request.getSession().getId());
		return "identity/account";
	}

	@PostMapping("/account/profile")
	String saveProfile(@Valid @ModelAttribute("form") ProfileForm form, BindingResult errors,
			Authentication authentication, HttpServletRequest request, Model model) {
		if (errors.hasErrors()) {
			return account(authentication, request, model);
		}
		var name = form.displayName() == null || form.displayName().isBlank() ? null : form.displayName().strip();
		users.setDisplayName(UserId.parse(authentication.getName()), name);
		return "redirect:/account?saved";
	}

	@PostMapping("/account/sessions/{id}/end")
	String endSession(@PathVariable String id, Authentication authentication) {
		sessions.end(UserId.parse(authentication.getName()), id);
		return "redirect:/account?sessionEnded";
	}

	@PostMapping("/account/sessions/end-others")
	String endOtherSessions(Authentication authentication, HttpServletRequest request) {
		sessions.endAllExcept(UserId.parse(authentication.getName()), request.getSession().getId());
		return "redirect:/account?sessionEnded";
	}
}
