package io.tradeport.cloud.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/** Labels the session for the account page, then continues where the user was going (or to the forced change). */
@Component
class SignInSucceeded extends SavedRequestAwareAuthenticationSuccessHandler {

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		var session = request.getSession();
		session.setAttribute(UserSessions.ADDRESS, request.getRemoteAddr());
		session.setAttribute(UserSessions.USER_AGENT, RequestOrigin.userAgent(request));
		if (authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> SignedInUser.PASSWORD_CHANGE_REQUIRED.equals(authority.getAuthority()))) {
			getRedirectStrategy().sendRedirect(request, response, PasswordChangeRequiredFilter.FORM);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
