package io.tradeport.cloud.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.tradeport.cloud.mail.Links;
import io.tradeport.cloud.mail.MailNotSentException;

@Controller
class PasswordController {

	record NewPasswordForm(@Size(max = PasswordPolicy.MAXIMUM_LENGTH, message = "Use at most 128 characters.") String password,
			String confirmation) {
	}

	record ChangePasswordForm(String currentPassword,
			@Size(max = PasswordPolicy.MAXIMUM_LENGTH, message = "Use at most 128 characters.") String password,
			String confirmation) {
	}

	record ForgotPasswordForm(@NotBlank(message = "Enter your e-mail address.")
	@Email(message = "This is not an e-mail address.") @Size(max = 254, message = "Use at most 254 characters.") String email) {
	}

	record ResetPasswordForm(String token,
			@Size(max = PasswordPolicy.MAXIMUM_LENGTH, message = "Use at most 128 characters.") String password,
			String confirmation) {
	}

	private final PasswordChanges changes;
	private final Links urls;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PasswordController(PasswordChanges changes, Links urls) {
		this.changes = changes;
		this.urls = urls;
	}

	@GetMapping(PasswordChangeRequiredFilter.FORM)
	String firstPasswordForm(Model model) {
		model.addAttribute("form", new NewPasswordForm("", ""));
		return "identity/password-new";
	}

	@PostMapping(PasswordChangeRequiredFilter.FORM)
	String chooseFirstPassword(@Valid @ModelAttribute("form") NewPasswordForm form, BindingResult errors,
			Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return "identity/password-new";
		}
		var user = UserId.parse(authentication.getName());
		var outcome = changes.chooseFirst(user, nullToEmpty(form.password()), nullToEmpty(form.confirmation()),
				request.getSession().getId(), request.getRemoteAddr());
		if (outcome instanceof PasswordChanges.Refused refused) {
			errors.rejectValue(refused.field(), "refused", refused.message());
			return "identity/password-new";
		}
		becomeFullySignedIn(authentication, request, response);
		var saved = new HttpSessionRequestCache().getRequest(request, response);
		return "redirect:" + (saved == null ? "/?passwordSet" : saved.getRedirectUrl());
	}

	@GetMapping("/account/password")
	String changeForm(Model model) {
		model.addAttribute("form", new ChangePasswordForm("", "", ""));
		return "identity/password-change";
	}

	@PostMapping("/account/password")
	String change(@Valid @ModelAttribute("form") ChangePasswordForm form, BindingResult errors,
			Authentication authentication, HttpServletRequest request) {
		if (errors.hasErrors()) {
			return "identity/password-change";
		}
		var outcome = changes.change(UserId.parse(authentication.getName()), nullToEmpty(form.currentPassword()),
				nullToEmpty(form.password()), nullToEmpty(form.confirmation()), request.getSession().getId(),
				request.getRemoteAddr());
		if (outcome instanceof PasswordChanges.Refused refused) {
			errors.rejectValue(refused.field(), "refused", refused.message());
			return "identity/password-change";
		}
		return "redirect:/account?passwordChanged";
	}

	@GetMapping("/forgot-password")
	String forgotForm(Model model) {
		model.addAttribute("form", new ForgotPasswordForm(""));
		return "identity/forgot-password";
	}

	@PostMapping("/forgot-password")
	String forgot(@Valid @ModelAttribute("form") ForgotPasswordForm form, BindingResult errors,
			HttpServletRequest request, Model model) {
		if (errors.hasErrors()) {
			return "identity/forgot-password";
		}
		try {
			changes.requestReset(form.email(), urls.to("/reset-password"), request.getRemoteAddr());
		}
		catch (MailNotSentException e) {
			errors.reject("mail", "We could not send the mail just now. Please try again in a few minutes.");
			return "identity/forgot-password";
		}
		model.addAttribute("email", form.email().strip());
		return "identity/forgot-password-sent";
	}

	@GetMapping("/reset-password")
	String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("valid", !token.isBlank() && token.length() < 100 && changes.validResetToken(token).isPresent());
		model.addAttribute("form", new ResetPasswordForm(token, "", ""));
		return "identity/reset-password";
	}

	@PostMapping("/reset-password")
	String reset(@Valid @ModelAttribute("form") ResetPasswordForm form, BindingResult errors,
			HttpServletRequest request, Model model) {
		model.addAttribute("valid", true);
		if (errors.hasErrors()) {
			return "identity/reset-password";
		}
		var token = nullToEmpty(form.token());
		var outcome = token.length() > 100 ? new PasswordChanges.Refused("token", "This link is invalid.")
				: changes.reset(token, nullToEmpty(form.password()), nullToEmpty(form.confirmation()), request.getRemoteAddr());
		if (outcome instanceof PasswordChanges.Refused refused) {
			if ("token".equals(refused.field())) {
				model.addAttribute("valid", false);
			}
			else {
				errors.rejectValue(refused.field(), "refused", refused.message());
			}
			return "identity/reset-password";
		}
		return "redirect:/login?reset";
	}

	private void becomeFullySignedIn(Authentication current, HttpServletRequest request, HttpServletResponse response) {
		var authorities = new java.util.ArrayList<GrantedAuthority>(List.of(new SimpleGrantedAuthority(SignedInUser.FULLY_SIGNED_IN)));
		current.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance).forEach(authorities::add);
		var principal = new User(current.getName(), "", authorities);
		var upgraded = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
		upgraded.setDetails(current.getDetails());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(upgraded);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	private static String nullToEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}
}
