package io.tradeport.cloud.webapi;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

import io.tradeport.cloud.platforms.PlatformType;

/**
 * Resolves {@link CalledPlatform} parameters, so that no operation can forget a check: the caller's scope for the
 * operation (looked up in the contract by the matched path pattern), then the platform's ownership and type.
 */
class CalledPlatformResolver implements HandlerMethodArgumentResolver {

	private final Callers callers;
	private final PlatformAccess access;
	private final OperationScopes scopes;

	CalledPlatformResolver(Callers callers, PlatformAccess access, OperationScopes scopes) {
		this.callers = callers;
		this.access = access;
		this.scopes = scopes;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CalledPlatform.class;
	}

	@Override
	public CalledPlatform resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer, NativeWebRequest webRequest,
			WebDataBinderFactory binderFactory) {
		var request = webRequest.getNativeRequest(HttpServletRequest.class);
		var pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		@SuppressWarnings("unchecked")
		var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (pattern == null || variables == null || !variables.containsKey("tradePlatform")) {
			throw new IllegalStateException(parameter.getExecutable() + " takes a CalledPlatform but its path has no {tradePlatform}");
		}
		var type = pattern.startsWith("/api/v2/MT5/") ? PlatformType.MT5 : PlatformType.MT4;
		var caller = callers.of(SecurityContextHolder.getContext().getAuthentication());
		var platform = access.require(caller, variables.get("tradePlatform"), type, scopes.of(request.getMethod(), pattern));
		return new CalledPlatform(platform, caller);
	}
}
