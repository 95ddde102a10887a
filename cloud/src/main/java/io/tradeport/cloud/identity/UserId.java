package io.tradeport.cloud.identity;

import java.util.UUID;

public record UserId(UUID value) {

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	/** @throws IllegalArgumentException when {@code text} is not a UUID */
	public static UserId parse(String text) {
		return new UserId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
