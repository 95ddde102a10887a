package io.tradeport.cloud;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser, as far as the server can tell: its own cookies and its own client address (sent as
 * X-Forwarded-For, which the tests' server trusts from loopback), so lockouts in one test do not reach another.
 */
public final class WebSession {

	public record Page(int status, String body, String location) {

		public boolean redirectsTo(String path) {
			return status == 302 && (location.endsWith(path) || location.contains(path + "?") || location.contains(path));
		}
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final String address;
	private final HttpClient client;

	public WebSession(int port) {
		this(port, randomAddress());
	}

	public WebSession(int port, String address) {
		this.base = "http://127.0.0.1:" + port;
		this.address = address;
		this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public static String randomAddress() {
		var random = ThreadLocalRandom.current();
		return "203.0." + random.nextInt(0, 255) + "." + random.nextInt(1, 255);
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
	}

	/** Opens the page with the form (for its CSRF token), then posts the fields to {@code action}. */
	public Page submit(String formPage, String action, String... fields) {
		var page = get(formPage);
		var matcher = CSRF.matcher(page.body());
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token on " + formPage + " (status " + page.status() + ")");
		}
		var values = new LinkedHashMap<String, String>();
		values.put("_csrf", matcher.group(1));
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		return post(action, values);
	}

	public Page post(String action, Map<String, String> fields) {
		var body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Page signIn(String email, String password) {
		return submit("/login", "/login", "email", email, "password", password);
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : base + path);
	}

	private Page send(HttpRequest.Builder request) {
		try {
			var response = client.send(request.header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
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
