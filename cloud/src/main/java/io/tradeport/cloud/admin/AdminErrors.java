package io.tradeport.cloud.admin;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.tradeport.cloud.clients.ClientRuleViolation;
import io.tradeport.cloud.organizations.OrganizationAccessDenied;
import io.tradeport.cloud.organizations.OrganizationRuleViolation;
import io.tradeport.cloud.platforms.PlatformRuleViolation;

/**
 * Refusals become pages, never stack traces: someone else's organization is "not found" (its existence is not
 * confirmed), a missing permission is "forbidden", a malformed id in the URL is "not found".
 */
@ControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {

	@ExceptionHandler(OrganizationAccessDenied.class)
	String denied(OrganizationAccessDenied denied, HttpServletResponse response, Model model) {
		var status = denied.hidesExistence() ? 404 : 403;
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("reason", denied.hidesExistence() ? null : denied.getMessage());
		return "error";
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, PlatformRuleViolation.class, ClientRuleViolation.class })
	String notFound(RuntimeException notFound, HttpServletResponse response, Model model) {
		response.setStatus(404);
		model.addAttribute("status", 404);
		return "error";
	}

	@ExceptionHandler(OrganizationRuleViolation.class)
	String refused(OrganizationRuleViolation violation, HttpServletResponse response, Model model) {
		response.setStatus(409);
		model.addAttribute("status", 409);
		model.addAttribute("reason", violation.getMessage());
		return "error";
	}
}
