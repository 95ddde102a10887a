package io.tradeport.cloud.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import io.tradeport.cloud.audit.AuditEvent;
import io.tradeport.cloud.audit.AuditLog;

/** Audits what the token endpoint does, then answers exactly as SAS would. */
@Component
class TokenEndpointEvents implements AuthenticationSuccessHandler {

	private final AuthenticationSuccessHandler tokenResponse = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
	private static final HttpMessageConverter<OAuth2Error> ERRORS = new OAuth2ErrorHttpMessageConverter();
	private final AuditLog audit;
	private final List<TokenClaimsContributor> contributors;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	TokenEndpointEvents(AuditLog audit, List<TokenClaimsContributor> contributors, ApplicationEventPublisher events, Clock clock) {
		this.audit = audit;
		this.contributors = contributors;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication instanceof OAuth2AccessTokenAuthenticationToken issued) {
			var clientId = issued.getRegisteredClient().getClientId();
			var event = AuditEvent.of("token.issued", issued.getPrincipal() instanceof Authentication client ? client.getName() : clientId,
					request.getRemoteAddr())
				.withClient(clientId)
				.withDetails(Map.of("grant", request.getParameter("grant_type") == null ? "" : request.getParameter("grant_type"),
						"scope", String.join(" ", issued.getAccessToken().getScopes())));
			audit.record(organizationOf(clientId).map(event::withOrganization).orElse(event));
			events.publishEvent(new TokenIssued(clientId, event.details().get("grant"), clock.instant()));
		}
		tokenResponse.onAuthenticationSuccess(request, response, authentication);
	}

	void onClientAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException, ServletException {
		var clientId = request.getParameter("client_id");
		var event = AuditEvent.of("client.authentication-failed", null, request.getRemoteAddr())
			.withDetails(Map.of("error", failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "unknown"));
		audit.record(clientId == null || clientId.length() > 100 ? event : event.withClient(clientId));
		var error = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError()
				: new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
		writeError(response, error);
	}

	/**
	 * RFC 6749 §5.2: {@code invalid_client} is a 401; SAS's default handler does this too, but answers every
	 * replacement handler's error with 400.
	 */
	static void writeError(HttpServletResponse response, OAuth2Error error) throws IOException {
		var status = OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode()) ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
		var output = new ServletServerHttpResponse(response);
		output.setStatusCode(status);
		ERRORS.write(error, null, output);
	}

	private java.util.Optional<UUID> organizationOf(String clientId) {
		for (var contributor : contributors) {
			if (contributor.clientClaims(clientId).get("org_id") instanceof String org) {
				try {
					return java.util.Optional.of(UUID.fromString(org));
				}
				catch (IllegalArgumentException ignored) {
					// not an organization-owned client
				}
			}
		}
		return java.util.Optional.empty();
	}
}
