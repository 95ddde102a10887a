package io.tradeport.cloud.webapi;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Chain 2 of 3: {@code /api/**} and {@code /hubs/**}, stateless, bearer JWTs from Tradeport's issuer with scope
 * {@code webapi}. Refusals are written in the v2 envelope so the SDK reports them as {@code ApiError}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebApiSettings.class)
class WebApiSecurityConfiguration {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Bean
	@Order(2)
	SecurityFilterChain webApiChain(HttpSecurity http, IdempotencyKeys idempotencyKeys, WebApiSettings settings) throws Exception {
		http.securityMatcher("/api/**", "/hubs/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("SCOPE_webapi"))
			.oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(headerOrHubQuery()).jwt(jwt -> {
			})
				.authenticationEntryPoint((request, response, failure) -> write(request, response, HttpStatus.UNAUTHORIZED,
						"A valid bearer token is required"))
				.accessDeniedHandler((request, response, denied) -> write(request, response, HttpStatus.FORBIDDEN,
						"The token lacks the webapi scope")))
			.addFilterBefore(new ActivityId(), BasicAuthenticationFilter.class)
			.addFilterAfter(idempotencyKeys, AuthorizationFilter.class)
			.addFilterBefore(new RateLimits(settings), IdempotencyKeys.class);
		return http.build();
	}

	/**
	 * Browsers cannot set headers on a WebSocket upgrade, so SignalR's clients put the token in {@code access_token}
	 * there; the query is accepted on {@code /hubs/**} only (query strings end up in logs and proxies).
	 */
	private static BearerTokenResolver headerOrHubQuery() {
		var header = new DefaultBearerTokenResolver();
		var headerOrQuery = new DefaultBearerTokenResolver();
		headerOrQuery.setAllowUriQueryParameter(true);
		return request -> request.getRequestURI().startsWith("/hubs/") ? headerOrQuery.resolve(request) : header.resolve(request);
	}

	/** Only inside this chain, after authentication: Boot would otherwise also run it for every request. */
	@Bean
	FilterRegistrationBean<IdempotencyKeys> idempotencyKeysOnlyInTheApiChain(IdempotencyKeys filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		JSON.writeValue(response.getOutputStream(),
				ApiResponse.failed(new ApiResponse.Error(ApiResponse.Code.Forbidden, null, message), ActivityId.of(request)));
	}
}
