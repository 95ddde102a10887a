package io.tradeport.cloud.webapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The WebAPI v2 contract ({@code openapi/webapi-v2.json}), read once: served as is, and read for its operations. */
@Component
class WebApiContract {

	private final byte[] document;
	private final JsonNode paths;

	WebApiContract() {
		try (InputStream in = new ClassPathResource("openapi/webapi-v2.json").getInputStream()) {
			document = in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		paths = JsonMapper.builder().build().readTree(document).get("paths");
	}

	byte[] document() {
		return document;
	}

	/** The contract's {@code paths}: path → method → operation. */
	JsonNode paths() {
		return paths;
	}
}
