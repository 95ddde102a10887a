package io.tradeport.signalr;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads negotiate and upgrade requests the way ASP.NET does: query parameter names are case-insensitive, and the
 * bearer token comes from the header or, for browsers, from {@code access_token}. The query string is parsed here
 * rather than through the servlet API so that a negotiate body is never read as a form.
 */
final class HubRequests {

	/** The connection token a client sends back on the upgrade. */
	static final String CONNECTION_TOKEN = "id";
	static final String ACCESS_TOKEN = "access_token";

	record Incoming(HubRequest request, @Nullable String connectionToken, Map<String, String> allQueryParameters) {
	}

	private HubRequests() {
	}

	static Incoming read(HttpServletRequest servletRequest) {
		var all = parseQuery(servletRequest.getQueryString());
		var visible = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
		visible.putAll(all);
		visible.remove(CONNECTION_TOKEN);
		visible.remove(ACCESS_TOKEN);
		var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
		for (var names = servletRequest.getHeaderNames(); names.hasMoreElements();) {
			var name = names.nextElement();
			headers.putIfAbsent(name, servletRequest.getHeader(name));
		}
		var path = servletRequest.getRequestURI().substring(servletRequest.getContextPath().length());
		var request = new HubRequest(path, accessToken(headers.get("Authorization"), all.get(ACCESS_TOKEN)),
				Collections.unmodifiableMap(visible), Collections.unmodifiableMap(headers), servletRequest.getUserPrincipal());
		return new Incoming(request, blankToNull(all.get(CONNECTION_TOKEN)), all);
	}

	private static @Nullable String accessToken(@Nullable String authorization, @Nullable String queryToken) {
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return blankToNull(authorization.substring(7).trim());
		}
		return blankToNull(queryToken);
	}

	static Map<String, String> parseQuery(@Nullable String query) {
		var parameters = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (var pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			var equals = pair.indexOf('=');
			try {
				var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				parameters.putIfAbsent(name, value);
			}
			catch (IllegalArgumentException e) {
				// a broken %-escape: the parameter is ignored, like a malformed one in ASP.NET
			}
		}
		return parameters;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
