package io.tradeport.signalr;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.HttpRequestHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST {hub}/negotiate}: authenticates, then hands out a connection id and (negotiate v1) a secret
 * connection token for the WebSocket to come. Only WebSockets is offered, which every official client and the CPlugin
 * SDK accept; no stateful reconnect, so {@code useStatefulReconnect} is never answered even when asked for.
 */
final class NegotiateHandler implements HttpRequestHandler {

	private static final Logger log = LoggerFactory.getLogger(NegotiateHandler.class);
	private static final int HIGHEST_VERSION = 1;
	/** The JSON protocol uses Text; Binary is listed as ASP.NET does, so a MessagePack client fails at the handshake with a clear error. */
	private static final List<Map<String, Object>> TRANSPORTS = List.of(
			Map.of("transport", "WebSockets", "transferFormats", List.of("Text", "Binary")));

	private final Hub hub;

	NegotiateHandler(Hub hub) {
		this.hub = hub;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		var incoming = HubRequests.read(request);
		Principal principal;
		try {
			principal = hub.authenticator().authenticate(incoming.request());
		}
		catch (HubAccessDeniedException e) {
			log.debug("Negotiate on {} refused with {}: {}", hub.path(), e.status(), e.getMessage());
			refuse(response, e.status());
			return;
		}
		catch (RuntimeException e) {
			log.error("The authenticator of {} failed on negotiate", hub.path(), e);
			response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			return;
		}
		var requested = incoming.allQueryParameters().get("negotiateVersion");
		Map<String, Object> body = new LinkedHashMap<>();
		Integer version = version(requested);
		if (version == null) {
			body.put("error", "The client requested an invalid protocol version '" + requested + "'");
		}
		else {
			var negotiation = hub.negotiations().negotiate(principal, version, System.nanoTime());
			body.put("negotiateVersion", version);
			body.put("connectionId", negotiation.connectionId());
			if (version >= 1) {
				body.put("connectionToken", negotiation.token());
			}
			body.put("availableTransports", TRANSPORTS);
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/json");
		response.setHeader("Cache-Control", "no-store");
		response.getOutputStream().write(hub.protocol().mapper().writeValueAsBytes(body));
	}

	static void refuse(HttpServletResponse response, int status) {
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.setStatus(status);
	}

	/** @return the version to answer, or null when the client's is not a number (0 when it sent none) */
	private static @Nullable Integer version(@Nullable String requested) {
		if (requested == null) {
			return 0;
		}
		try {
			var version = Integer.parseInt(requested.trim());
			return version < 0 ? null : Math.min(version, HIGHEST_VERSION);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
