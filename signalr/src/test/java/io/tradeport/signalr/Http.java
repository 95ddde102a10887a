package io.tradeport.signalr;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP calls for negotiate. */
final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	record Response(int status, String body, HttpResponse<String> raw) {

		Map<String, Object> json() {
			return RawClient.parse(body);
		}
	}

	private Http() {
	}

	static Response post(URI uri, String... headers) {
		return send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("")), headers);
	}

	static Response get(URI uri, String... headers) {
		return send(HttpRequest.newBuilder(uri).GET(), headers);
	}

	static Response send(HttpRequest.Builder builder, String... headers) {
		builder.timeout(Duration.ofSeconds(5));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		try {
			var response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
