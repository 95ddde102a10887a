package io.tradeport.cloud;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for end-to-end tests: real sockets, no redirects followed, JSON parsed on demand. */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	public record Response(int status, String body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse("");
		}
	}

	private final String base;

	public Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public String base() {
		return base;
	}

	public Response get(String path, String... headers) {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder.build());
	}

	public Response postForm(String path, Map<String, String> form, String... headers) {
		var builder = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder.build());
	}

	public Response postRaw(String path, String contentType, String body, String... headers) {
		return sendRaw("POST", path, contentType, body, headers);
	}

	/** Any method with a body: PATCH, PUT, DELETE. */
	public Response sendRaw(String method, String path, String contentType, String body, String... headers) {
		var builder = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder.build());
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((encodeComponent(user) + ":" + encodeComponent(password)).getBytes(StandardCharsets.UTF_8));
	}

	public static Map<String, String> form(String... keysAndValues) {
		var map = new LinkedHashMap<String, String>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	public static JsonNode jwtPart(String jwt, int part) {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]));
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet().stream().map(e -> encodeComponent(e.getKey()) + "=" + encodeComponent(e.getValue())).collect(Collectors.joining("&"));
	}

	private static String encodeComponent(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static Response send(HttpRequest request) {
		try {
			var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
