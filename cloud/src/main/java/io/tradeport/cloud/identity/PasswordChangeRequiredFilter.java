package io.tradeport.cloud.identity;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone who signed in with the mailed temporary password can do nothing but choose their own: every other
 * page, and the authorization endpoint, sends them to that form and remembers where they were going.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String FORM = "/account/password/new";
	private static final Set<String> ALLOWED = Set.of(FORM, "/logout", "/error", "/favicon.ico");
	/** The form's own stylesheet and scripts; saving one of these as "where the user was going" would land them on a file. */
	private static final List<String> STATIC = List.of("/css/", "/webjars/");

	private final RequestCache requestCache = new HttpSessionRequestCache();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		var mustChange = authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> SignedInUser.PASSWORD_CHANGE_REQUIRED.equals(authority.getAuthority()));
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (mustChange && !ALLOWED.contains(path) && STATIC.stream().noneMatch(path::startsWith)) {
			if ("GET".equals(request.getMethod())) {
				requestCache.saveRequest(request, response);
			}
			response.sendRedirect(request.getContextPath() + FORM);
			return;
		}
		chain.doFilter(request, response);
	}
}
