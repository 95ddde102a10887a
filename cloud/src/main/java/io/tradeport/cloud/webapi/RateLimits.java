package io.tradeport.cloud.webapi;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per caller (API client or user): {@code burst} requests at once, then {@code requestsPerSecond};
 * beyond that 429 with {@code Retry-After}, which the SDK honours. Buckets are per node: with N nodes behind a
 * balancer a caller gets up to N times the rate. Oversized bodies are refused before they are read.
 */
class RateLimits extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final class Bucket {

		private double tokens;
		private long refilledAt = System.nanoTime();

		Bucket(double tokens) {
			this.tokens = tokens;
		}

		/** @return 0 when a token was taken, else the seconds until one is available */
		synchronized long take(double perSecond, int capacity) {
			var now = System.nanoTime();
			tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
			refilledAt = now;
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - tokens) / perSecond);
		}
	}

	private final WebApiSettings settings;
	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimits(WebApiSettings settings) {
		this.settings = settings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > settings.maxRequestBytes()) {
			write(request, response, 413, ApiResponse.Code.Validation,
					"The request body is larger than " + settings.maxRequestBytes() + " bytes");
			return;
		}
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
			if (buckets.size() > 100_000) {
				buckets.clear();
			}
			var wait = buckets.computeIfAbsent(token.getToken().getSubject(), caller -> new Bucket(settings.burst()))
				.take(settings.requestsPerSecond(), settings.burst());
			if (wait > 0) {
				response.setHeader("Retry-After", Long.toString(Math.max(1, wait)));
				write(request, response, 429, ApiResponse.Code.Forbidden, "Too many requests; retry after " + Math.max(1, wait) + " s");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, int status, ApiResponse.Code code,
			String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		JSON.writeValue(response.getOutputStream(), ApiResponse.failed(new ApiResponse.Error(code, null, message), ActivityId.of(request)));
	}
}
