package io.tradeport.cloud.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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
class SignInController {

	record RegistrationForm(@NotBlank(message = "Enter your e-mail address.")
	@Email(message = "This is not an e-mail address.") @Size(max = 254, message = "Use at most 254 characters.") String email) {
	}

	private final Registration registration;
	private final Links urls;

	SignInController(Registration registration, Links urls) {
		this.registration = registration;
		this.urls = urls;
	}

	@GetMapping("/login")
	String signIn() {
		return "identity/login";
	}

	@GetMapping("/register")
	String registrationForm(@RequestParam(defaultValue = "") String email, Model model) {
		model.addAttribute("form", new RegistrationForm(email.length() > 254 ? "" : email));
		return "identity/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, HttpServletRequest request,
			Model model) {
		if (errors.hasErrors()) {
			return "identity/register";
		}
		try {
			registration.register(form.email(), request.getRemoteAddr(), urls.to("/login"));
		}
		catch (Registration.TooManyRegistrations e) {
			errors.reject("throttled", e.getMessage());
			return "identity/register";
		}
		catch (MailNotSentException e) {
			errors.reject("mail", "We could not send the mail just now, so nothing was registered. Please try again in a few minutes.");
			return "identity/register";
		}
		model.addAttribute("email", form.email().strip());
		return "identity/registered";
	}
}
