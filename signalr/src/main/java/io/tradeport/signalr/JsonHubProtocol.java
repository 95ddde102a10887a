package io.tradeport.signalr;

import java.io.StringWriter;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The JSON hub protocol: records terminated by the ASCII record separator, the handshake, and the hub messages.
 * Parsing goes through a tree so that property order does not matter and unknown properties are skipped, as in ASP.NET.
 */
final class JsonHubProtocol {

	static final char RECORD_SEPARATOR = '\u001e';

	static final int INVOCATION = 1;
	static final int STREAM_ITEM = 2;
	static final int COMPLETION = 3;
	static final int STREAM_INVOCATION = 4;
	static final int CANCEL_INVOCATION = 5;
	static final int PING = 6;
	static final int CLOSE = 7;

	private static final String PING_RECORD = "{\"type\":6}" + RECORD_SEPARATOR;

	/**
	 * Payloads follow ASP.NET's defaults where Jackson's differ: case-insensitive property matching and unknown
	 * properties ignored on input. Jackson already writes nulls, camelCase Java names and ISO-8601 dates.
	 */
	private final JsonMapper mapper = JsonMapper.builder()
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

	JsonMapper mapper() {
		return mapper;
	}

	String handshakeResponse(@Nullable String error) {
		return record(generator -> {
			if (error != null) {
				generator.writeStringProperty("error", error);
			}
		});
	}

	String invocation(String target, @Nullable Object[] arguments) {
		return record(generator -> {
			generator.writeNumberProperty("type", INVOCATION);
			generator.writeStringProperty("target", target);
			generator.writeName("arguments");
			generator.writeStartArray();
			for (var argument : arguments) {
				generator.writePOJO(argument);
			}
			generator.writeEndArray();
		});
	}

	String streamItem(String invocationId, @Nullable Object item) {
		return record(generator -> {
			generator.writeNumberProperty("type", STREAM_ITEM);
			generator.writeStringProperty("invocationId", invocationId);
			generator.writePOJOProperty("item", item);
		});
	}

	/** A Completion without result: the method returned nothing, or a stream ended. */
	String completion(String invocationId) {
		return record(generator -> {
			generator.writeNumberProperty("type", COMPLETION);
			generator.writeStringProperty("invocationId", invocationId);
		});
	}

	String completionWithResult(String invocationId, @Nullable Object result) {
		return record(generator -> {
			generator.writeNumberProperty("type", COMPLETION);
			generator.writeStringProperty("invocationId", invocationId);
			generator.writePOJOProperty("result", result);
		});
	}

	String completionWithError(String invocationId, String error) {
		return record(generator -> {
			generator.writeNumberProperty("type", COMPLETION);
			generator.writeStringProperty("invocationId", invocationId);
			generator.writeStringProperty("error", error);
		});
	}

	String ping() {
		return PING_RECORD;
	}

	String close(@Nullable String error, boolean allowReconnect) {
		return record(generator -> {
			generator.writeNumberProperty("type", CLOSE);
			if (error != null) {
				generator.writeStringProperty("error", error);
			}
			if (allowReconnect) {
				generator.writeBooleanProperty("allowReconnect", true);
			}
		});
	}

	Handshake parseHandshake(String record) {
		var node = object(record);
		var protocol = node.get("protocol");
		var version = node.get("version");
		if (protocol == null || !protocol.isString()) {
			throw new ProtocolException("Missing required property 'protocol'.");
		}
		if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
			throw new ProtocolException("Missing required property 'version'.");
		}
		return new Handshake(protocol.stringValue(), version.intValue());
	}

	HubMessage parse(String record) {
		var node = object(record);
		var type = node.get("type");
		if (type == null) {
			throw new ProtocolException("Missing required property 'type'.");
		}
		if (!type.isIntegralNumber() || !type.canConvertToInt()) {
			throw new ProtocolException("Expected 'type' to be of type Integer.");
		}
		return switch (type.intValue()) {
			case INVOCATION -> {
				var id = optionalString(node, "invocationId");
				yield new HubMessage.Invocation(id, requiredString(node, "target"), arguments(node), hasStreamIds(node));
			}
			case STREAM_INVOCATION -> new HubMessage.StreamInvocation(requiredString(node, "invocationId"),
					requiredString(node, "target"), arguments(node), hasStreamIds(node));
			case CANCEL_INVOCATION -> new HubMessage.CancelInvocation(requiredString(node, "invocationId"));
			case PING -> new HubMessage.Ping();
			case CLOSE -> new HubMessage.Close();
			default -> new HubMessage.Ignored(type.intValue());
		};
	}

	private JsonNode object(String record) {
		JsonNode node;
		try {
			node = mapper.readTree(record);
		}
		catch (JacksonException e) {
			throw new ProtocolException("Error reading JSON.");
		}
		if (node == null || !node.isObject()) {
			throw new ProtocolException("Unexpected JSON Token Type '" + (node == null ? "None" : node.getNodeType()) + "'. Expected a JSON Object.");
		}
		return node;
	}

	private static @Nullable String optionalString(JsonNode node, String name) {
		var value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new ProtocolException("Expected '" + name + "' to be of type String.");
		}
		return value.stringValue();
	}

	private static String requiredString(JsonNode node, String name) {
		var value = optionalString(node, name);
		if (value == null) {
			throw new ProtocolException("Missing required property '" + name + "'.");
		}
		return value;
	}

	private static ArrayNode arguments(JsonNode node) {
		var value = node.get("arguments");
		if (value == null) {
			throw new ProtocolException("Missing required property 'arguments'.");
		}
		if (!value.isArray()) {
			throw new ProtocolException("Expected 'arguments' to be of type Array.");
		}
		return (ArrayNode) value;
	}

	private static boolean hasStreamIds(JsonNode node) {
		var value = node.get("streamIds");
		return value != null && value.isArray() && !value.isEmpty();
	}

	private String record(Consumer<JsonGenerator> body) {
		var out = new StringWriter(64);
		try (var generator = mapper.createGenerator(out)) {
			generator.writeStartObject();
			body.accept(generator);
			generator.writeEndObject();
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException("A hub message argument cannot be written as JSON: " + e.getOriginalMessage(), e);
		}
		return out.append(RECORD_SEPARATOR).toString();
	}

	record Handshake(String protocol, int version) {
	}

	/** A record the peer sent that breaks the protocol: the connection is closed with this message. */
	static final class ProtocolException extends RuntimeException {

		ProtocolException(String message) {
			super(message, null, false, false);
		}
	}
}
