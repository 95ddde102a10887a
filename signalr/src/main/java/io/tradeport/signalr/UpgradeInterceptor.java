package io.tradeport.signalr;

import java.security.Principal;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks a WebSocket upgrade before it happens: the authenticator again (negotiate can be skipped), then the
 * connection token: none creates a connection on the spot (skipNegotiation), an unknown one is 404 and one already
 * in use is 409, as in ASP.NET.
 */
final class UpgradeInterceptor implements HandshakeInterceptor {

	static final String CONNECTION_ID = UpgradeInterceptor.class.getName() + ".connectionId";
	static final String TOKEN = UpgradeInterceptor.class.getName() + ".token";
	static final String PRINCIPAL = UpgradeInterceptor.class.getName() + ".principal";
	static final String QUERY = UpgradeInterceptor.class.getName() + ".query";

	private static final Logger log = LoggerFactory.getLogger(UpgradeInterceptor.class);

	private final Hub hub;

	UpgradeInterceptor(Hub hub) {
		this.hub = hub;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		var servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
		var incoming = HubRequests.read(servletRequest);
		Principal principal;
		try {
			principal = hub.authenticator().authenticate(incoming.request());
		}
		catch (HubAccessDeniedException e) {
			log.debug("Upgrade on {} refused with {}: {}", hub.path(), e.status(), e.getMessage());
			NegotiateHandler.refuse(((ServletServerHttpResponse) response).getServletResponse(), e.status());
			return false;
		}
		catch (RuntimeException e) {
			log.error("The authenticator of {} failed on an upgrade", hub.path(), e);
			response.setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
			return false;
		}
		var token = incoming.connectionToken();
		String connectionId;
		if (token == null) {
			connectionId = Ids.next();
		}
		else {
			switch (hub.negotiations().claim(token)) {
				case Hub.Negotiations.Unknown unknown -> {
					response.setStatusCode(HttpStatus.NOT_FOUND);
					return false;
				}
				case Hub.Negotiations.InUse inUse -> {
					response.setStatusCode(HttpStatus.CONFLICT);
					return false;
				}
				case Hub.Negotiations.Claimed claimed -> {
					var negotiated = claimed.negotiation().principalName();
					if (negotiated != null && !Objects.equals(negotiated, name(principal))) {
						log.debug("Upgrade on {} refused: the token was negotiated by another principal", hub.path());
						hub.negotiations().release(token);
						response.setStatusCode(HttpStatus.FORBIDDEN);
						return false;
					}
					connectionId = claimed.negotiation().connectionId();
					attributes.put(TOKEN, token);
					servletRequest.setAttribute(TOKEN, token);
				}
			}
		}
		attributes.put(CONNECTION_ID, connectionId);
		if (principal != null) {
			attributes.put(PRINCIPAL, principal);
		}
		attributes.put(QUERY, incoming.request().queryParameters());
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
		// A claimed token whose upgrade did not happen (bad upgrade headers, refused origin) is given up, not leaked.
		var status = ((ServletServerHttpResponse) response).getServletResponse().getStatus();
		var claimed = ((ServletServerHttpRequest) request).getServletRequest().getAttribute(TOKEN);
		if (claimed instanceof String token && (exception != null || status != HttpServletResponse.SC_SWITCHING_PROTOCOLS)) {
			hub.negotiations().release(token);
		}
	}

	private static @Nullable String name(@Nullable Principal principal) {
		return principal == null ? null : principal.getName();
	}
}
