package io.tradeport.cloud.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client address as the servlet container sees it (honours forwarded headers when configured to). */
final class RequestOrigin {

	private RequestOrigin() {
	}

	static @Nullable String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

	static String userAgent(HttpServletRequest request) {
		var agent = request.getHeader("User-Agent");
		return agent == null ? "" : agent.length() > 200 ? agent.substring(0, 200) : agent;
	}
}
