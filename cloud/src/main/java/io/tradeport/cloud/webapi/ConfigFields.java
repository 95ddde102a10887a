package io.tradeport.cloud.webapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks and conversions shared by the configuration DTOs. Bodies are overlays: a field left out (null) keeps the
 * record's value, so every setter goes through {@link #set}; every value is checked before anything is sent.
 */
final class ConfigFields {

	private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
	private static final long MAX_UINT = 0xFFFF_FFFFL;

	private ConfigFields() {
	}

	/** Writes a value the body carries; a missing one leaves the record's. */
	static <T> void set(@Nullable T value, Consumer<T> setter) {
		if (value != null) {
			setter.accept(value);
		}
	}

	/** MT4 keeps texts in fixed-size fields; a longer one would be cut by the server, so it is refused here. */
	static @Nullable String text(String field, @Nullable String value, int max) {
		if (value != null && value.length() > max) {
			throw ApiException.validation(field + " has at most " + max + " characters");
		}
		return value;
	}

	static @Nullable Integer between(String field, @Nullable Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			throw ApiException.validation(field + " must be between " + min + " and " + max);
		}
		return value;
	}

	static @Nullable Integer notNegative(String field, @Nullable Integer value) {
		return between(field, value, 0, Integer.MAX_VALUE);
	}

	/** The contract's raw 0/1 integers for what the gateway keeps as booleans. */
	static @Nullable Boolean zeroOrOne(String field, @Nullable Integer value) {
		return value == null ? null : between(field, value, 0, 1) == 1;
	}

	static int zeroOrOne(boolean value) {
		return value ? 1 : 0;
	}

	/**
	 * A field MT4 has but the gateway does not carry: answered as MT4's zero value, and a body may only send that value
	 * back (what a client that read the record does), since anything else could not be stored.
	 */
	static void notCarried(String field, @Nullable Object value, Object zero) {
		if (value != null && !value.equals(zero)) {
			throw ApiException.validation(field + " cannot be set: the trade server's gateway does not carry it");
		}
	}

	/**
	 * An IPv4 address as MT4's unsigned 32-bit number, first octet highest (so that ranges compare as numbers): 0 for
	 * none, null for what has no such number (an IPv6 address).
	 */
	static @Nullable Long ipv4(String address) {
		if (address.isBlank()) {
			return 0L;
		}
		var matcher = DOTTED_QUAD.matcher(address.trim());
		if (!matcher.matches()) {
			return null;
		}
		long number = 0;
		for (int octet = 1; octet <= 4; octet++) {
			var value = Integer.parseInt(matcher.group(octet));
			if (value > 255) {
				return null;
			}
			number = number << 8 | value;
		}
		return number;
	}

	static String dottedQuad(String field, long number) {
		if (number < 0 || number > MAX_UINT) {
			throw ApiException.validation(field + " must be between 0 and " + MAX_UINT);
		}
		return (number >>> 24) + "." + (number >>> 16 & 0xFF) + "." + (number >>> 8 & 0xFF) + "." + (number & 0xFF);
	}

	static @Nullable Long unsigned(String field, @Nullable Long value) {
		if (value != null && (value < 0 || value > MAX_UINT)) {
			throw ApiException.validation(field + " must be between 0 and " + MAX_UINT);
		}
		return value;
	}

	/** The contract's enum spellings and the gateway's numbers for them. */
	record Spellings(String field, Map<String, Integer> values) {

		/** Spellings for MT4's constants 0, 1, 2, … in this order. */
		static Spellings indexed(String field, String... names) {
			var values = new LinkedHashMap<String, Integer>();
			for (int i = 0; i < names.length; i++) {
				values.put(names[i], i);
			}
			return new Spellings(field, values);
		}

		/** The spelling of a gateway value; null when the contract has none for it. */
		@Nullable String of(int value) {
			return values.entrySet().stream().filter(entry -> entry.getValue() == value).map(Map.Entry::getKey).findFirst().orElse(null);
		}

		@Nullable Integer value(@Nullable String spelling) {
			if (spelling == null) {
				return null;
			}
			var value = values.get(spelling);
			if (value == null) {
				throw ApiException.validation("Unknown " + field + " \"" + spelling + "\"; one of " + values.keySet());
			}
			return value;
		}
	}
}
