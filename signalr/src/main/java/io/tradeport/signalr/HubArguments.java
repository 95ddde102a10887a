package io.tradeport.signalr;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The JSON arguments of an invocation, converted on demand. Property names match case-insensitively and unknown
 * properties are ignored, as with ASP.NET's defaults. A missing or unconvertible argument fails the call with
 * ASP.NET's {@code Failed to invoke '<method>' due to an error on the server.}; arguments beyond those read are
 * ignored, so a method that accepts optional trailing arguments checks {@link #size()}.
 */
public final class HubArguments {

	private final ArrayNode values;
	private final JsonMapper mapper;

	HubArguments(ArrayNode values, JsonMapper mapper) {
		this.values = values;
		this.mapper = mapper;
	}

	public int size() {
		return values.size();
	}

	/** @return the argument as {@code type}; {@code null} when the client sent JSON null (for a class, not a primitive) */
	public <T> @Nullable T get(int index, Class<T> type) {
		return get(index, (Type) type);
	}

	/** For generic types, e.g. a {@code List<String>} from a {@link java.lang.reflect.ParameterizedType}. */
	public <T> @Nullable T get(int index, Type type) {
		if (index < 0 || index >= values.size()) {
			throw new BindingException("Invocation provides " + values.size() + " argument(s) but the method reads argument " + index + ".");
		}
		try {
			return mapper.treeToValue(values.get(index), mapper.constructType(type));
		}
		catch (JacksonException e) {
			throw new BindingException("Argument " + index + " is not a " + type.getTypeName() + ": " + e.getOriginalMessage());
		}
	}

	@Override
	public String toString() {
		return values.toString();
	}

	/** The client's arguments do not fit the method: reported as a binding failure, not as a server error. */
	static final class BindingException extends IllegalArgumentException {

		BindingException(String message) {
			super(message);
		}
	}
}
