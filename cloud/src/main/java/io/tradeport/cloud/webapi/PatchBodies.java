package io.tradeport.cloud.webapi;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a PATCH operation: a JSON object with only the fields to change, read into the operation's update
 * record so that absent fields stay null. It is read whatever the request's Content-Type: the contract declares
 * none for the PATCH operations, and the SDK's patch functions send none (fetch then says text/plain).
 */
final class PatchBodies {

	/** Unknown keys are ignored, as the contract wants (forwards compatibility). */
	private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private PatchBodies() {
	}

	static <T> T read(byte[] body, Class<T> fields) {
		JsonNode tree;
		try {
			tree = JSON.readTree(body);
		}
		catch (JacksonException e) {
			throw ApiException.validation("The request body is not valid JSON");
		}
		if (tree == null || !tree.isObject()) {
			throw ApiException.validation("The body is a JSON object with the fields to change");
		}
		try {
			return JSON.treeToValue(tree, fields);
		}
		catch (JacksonException e) {
			throw ApiException.validation("A field of the patch has the wrong type: " + e.getOriginalMessage());
		}
	}
}
