package io.tradeport.cloud.webapi;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every API request a W3C trace id (taken from an incoming {@code traceparent}, else new): it is the
 * response's {@code meta.activityId}, the {@code X-Activity-Id} header, and in every log line of the request, so
 * a developer's report can be found in the logs.
 */
class ActivityId extends OncePerRequestFilter {

	static final String ATTRIBUTE = ActivityId.class.getName();
	private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
	private static final Logger log = LoggerFactory.getLogger("io.tradeport.cloud.webapi.requests");

	static String of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof String id ? id : "";
	}

	/** The activity of the request this thread serves. */
	static String current() {
		var attributes = RequestContextHolder.getRequestAttributes();
		return attributes != null && attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof String id ? id : "";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var traceparent = request.getHeader("traceparent");
		var matcher = traceparent == null ? null : TRACEPARENT.matcher(traceparent);
		var id = matcher != null && matcher.matches() ? matcher.group(1) : newId();
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader("X-Activity-Id", id);
		MDC.put("activityId", id);
		var started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			log.info("{} {} {} {} ms activity={}", request.getMethod(), request.getRequestURI(), response.getStatus(),
					(System.nanoTime() - started) / 1_000_000, id);
			MDC.remove("activityId");
		}
	}

	private static String newId() {
		var bytes = new byte[16];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}
}
