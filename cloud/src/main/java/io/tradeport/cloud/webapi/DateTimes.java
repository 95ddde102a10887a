package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Date-time parameters and body fields ({@code format: date-time}, UTC): RFC 3339 as the SDK sends it; a time
 * without offset, or a bare date, is read as UTC; a {@code +} sent unencoded in a query arrives as a space and is read
 * back as {@code +}.
 */
final class DateTimes {

	private DateTimes() {
	}

	static @Nullable Instant parse(String name, @Nullable String value) {
		// The SDK writes a parameter set to null as the text "null".
		if (value == null || value.isBlank() || value.equals("null")) {
			return null;
		}
		var text = value.trim().replace(' ', '+');
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return text.contains("T") ? LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)
						: LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notATime) {
				throw ApiException.validation(name + " is not an ISO 8601 date-time");
			}
		}
	}

	/** A required window bound, as the gateway's epoch milliseconds; MT4 has no times before 1970. */
	static long requiredMillis(String name, @Nullable String value) {
		var time = parse(name, value);
		if (time == null) {
			throw ApiException.validation(name + " is required");
		}
		return millis(name, time);
	}

	static long millis(String name, Instant time) {
		if (time.isBefore(Instant.EPOCH)) {
			throw ApiException.validation(name + " must not be before 1970");
		}
		try {
			return time.toEpochMilli();
		}
		catch (ArithmeticException tooFar) {
			throw ApiException.validation(name + " is out of range");
		}
	}

	/** A [from, to] window in epoch milliseconds, checked to be in order. */
	static void requireOrdered(long from, long to) {
		if (to != 0 && from > to) {
			throw ApiException.validation("the window's start is after its end");
		}
	}
}
