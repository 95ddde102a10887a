package io.tradeport.cloud.platforms;

import java.util.UUID;

public record TradePlatformId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}
}
