package io.tradeport.cloud.webapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;

import io.tradeport.cloud.Http;

/** The contract's operations, and which of them this version answers, for tests that go over all of them. */
final class ContractOperations {

	private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");

	/** Values that name something plausible on the built-in server, for path parameters other than the platform. */
	private static final Map<String, String> PLAUSIBLE = Map.ofEntries(Map.entry("login", "1001"), Map.entry("order", "1"),
			Map.entry("ticket", "1"), Map.entry("group", "demoforex"), Map.entry("symbol", "EURUSD"), Map.entry("pos", "0"),
			Map.entry("key", "1"), Map.entry("mode", "0"), Map.entry("file", "backup"), Map.entry("mask", "*"),
			Map.entry("licenseName", "tradeport"), Map.entry("name", "feeder"));

	record Operation(String method, String path, JsonNode spec) {

		String key() {
			return method + " " + path;
		}

		boolean hasBody() {
			return spec.has("requestBody");
		}

		boolean reads() {
			return method.equals("GET");
		}

		List<JsonNode> parameters(String in) {
			var found = new ArrayList<JsonNode>();
			spec.path("parameters").forEach(parameter -> {
				if (parameter.path("in").asText().equals(in)) {
					found.add(parameter);
				}
			});
			return found;
		}

		/** The concrete path on the given platform id, with {@code overrides} for some path parameters. */
		String on(String platform, Map<String, String> overrides) {
			Matcher matcher = PATH_PARAMETER.matcher(path);
			var concrete = new StringBuilder();
			while (matcher.find()) {
				var name = matcher.group(1);
				var value = name.equals("tradePlatform") ? platform : overrides.getOrDefault(name, PLAUSIBLE.getOrDefault(name, "x"));
				matcher.appendReplacement(concrete, Matcher.quoteReplacement(value));
			}
			matcher.appendTail(concrete);
			return concrete.toString();
		}

		String on(String platform) {
			return on(platform, Map.of());
		}
	}

	private ContractOperations() {
	}

	static List<Operation> all() {
		var operations = new ArrayList<Operation>();
		contract().get("paths").properties().forEach(path -> path.getValue().properties()
			.forEach(method -> operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()))));
		return operations;
	}

	/** The operations the reference page marks available: it reads the application's own handler mappings. */
	static List<Operation> answered(Http http) {
		var page = http.get("/api-reference").body();
		return all().stream().filter(operation -> {
			var at = page.indexOf(operation.key() + "</code></td>");
			return at >= 0 && page.substring(at, page.indexOf("</tr>", at)).contains("badge\">available");
		}).toList();
	}

	static JsonNode contract() {
		try {
			return new ObjectMapper().readTree(contractText());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String contractText() {
		try (InputStream in = new ClassPathResource("openapi/webapi-v2.json").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
