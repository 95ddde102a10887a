package io.tradeport.cloud.webapi;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON Merge Patch (RFC 7386) of one of the contract's record DTOs, as the MT5 {@code PATCH …Record} operations
 * take it, checked as a whole before anything changes. Every field must be one of the DTO's; {@code null} leaves a
 * field as it is (the DTOs' fields are all nullable, and CPlugin's setters read null as "not sent"). A field the
 * platform cannot change is accepted only with its current value, so a client may send back the record it read;
 * any other value is a {@code Validation} error rather than a change silently dropped.
 */
final class MergePatch {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, JsonNode> changes;

	private MergePatch(Map<String, JsonNode> changes) {
		this.changes = changes;
	}

	/**
	 * @param current the record as it is now
	 * @param writable the fields this platform can change
	 */
	static MergePatch of(JsonNode patch, Record current, Set<String> writable) {
		if (!patch.isObject()) {
			throw ApiException.validation("Send the fields to change as a JSON object");
		}
		var fields = Arrays.stream(current.getClass().getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
		JsonNode now = JSON.valueToTree(current);
		var changes = new LinkedHashMap<String, JsonNode>();
		for (var field : patch.propertyNames()) {
			var value = patch.get(field);
			if (!fields.contains(field)) {
				throw ApiException.validation("Unknown field \"" + field + "\"");
			}
			if (value.isNull() || same(value, now.path(field))) {
				continue;
			}
			if (!writable.contains(field)) {
				throw ApiException.validation("\"" + field + "\" cannot be changed on this platform");
			}
			changes.put(field, value);
		}
		return new MergePatch(changes);
	}

	boolean isEmpty() {
		return changes.isEmpty();
	}

	/** Whether the patch changes the field (to a value other than its current one). */
	boolean changes(String field) {
		return changes.containsKey(field);
	}

	String text(String field, int maxLength) {
		var value = changes.get(field);
		if (!value.isString() || value.asString().length() > maxLength) {
			throw ApiException.validation(field + " must be a text of at most " + maxLength + " characters");
		}
		return value.asString();
	}

	/** One of the contract's enum spellings, limited to those the platform has. */
	String oneOf(String field, Set<String> allowed) {
		var value = changes.get(field);
		if (!value.isString() || !allowed.contains(value.asString())) {
			throw ApiException.validation(field + " must be one of " + allowed + " on this platform");
		}
		return value.asString();
	}

	int integer(String field, int min, int max) {
		var value = changes.get(field);
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
			throw ApiException.validation(field + " must be a whole number from " + min + " to " + max);
		}
		return value.asInt();
	}

	double number(String field, double min) {
		var value = changes.get(field);
		if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < min) {
			throw ApiException.validation(field + " must be a number of at least " + min);
		}
		return value.asDouble();
	}

	double number(String field) {
		return number(field, -Double.MAX_VALUE);
	}

	/** Numbers by value (2 equals 2.0), times by instant (however written), the rest as JSON. */
	private static boolean same(JsonNode sent, JsonNode current) {
		if (sent.isNumber() && current.isNumber()) {
			return sent.decimalValue().compareTo(current.decimalValue()) == 0;
		}
		if (sent.isString() && current.isString() && !sent.asString().equals(current.asString())) {
			return sameInstant(sent.asString(), current.asString());
		}
		if (sent.isArray() && current.isArray() && sent.size() == current.size()) {
			for (var i = 0; i < sent.size(); i++) {
				if (!same(sent.get(i), current.get(i))) {
					return false;
				}
			}
			return true;
		}
		if (sent.isObject() && current.isObject()) {
			for (var field : current.propertyNames()) {
				if (!sent.has(field) ? !current.get(field).isNull() : !same(sent.get(field), current.get(field))) {
					return false;
				}
			}
			return sent.propertyNames().stream().allMatch(current::has);
		}
		return sent.equals(current);
	}

	private static boolean sameInstant(String sent, String current) {
		try {
			return Instant.parse(sent).equals(Instant.parse(current));
		}
		catch (DateTimeParseException notTimes) {
			return false;
		}
	}
}
