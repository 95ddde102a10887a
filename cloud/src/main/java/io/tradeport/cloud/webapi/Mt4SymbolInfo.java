package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.tradeport.cloud.platforms.PlatformCache;
import io.tradeport.gateway.v1.Symbol;

/**
 * The contract's MT4SymbolInfo, from the pumped symbol and its pumped ticks. High and low are the bid range since the
 * pump's snapshot (see {@link PlatformCache.QuoteState}); before the first tick prices are 0 and {@code lastTime} is
 * null, as the contract describes.
 */
record Mt4SymbolInfo(String symbol, int digits, int type, double point, int spread, String direction, double bid, double ask,
		double high, double low, @Nullable Instant lastTime) {

	static Mt4SymbolInfo of(Symbol symbol, Optional<PlatformCache.QuoteState> quote) {
		if (quote.isEmpty()) {
			return new Mt4SymbolInfo(symbol.getName(), symbol.getDigits(), symbol.getType(), symbol.getPoint(), symbol.getSpread(), "None",
					0, 0, 0, 0, null);
		}
		var state = quote.get();
		var tick = state.last();
		var spread = symbol.getPoint() > 0 ? (int) Math.round((tick.getAsk() - tick.getBid()) / symbol.getPoint()) : symbol.getSpread();
		return new Mt4SymbolInfo(symbol.getName(), symbol.getDigits(), symbol.getType(), symbol.getPoint(), spread,
				direction(state.direction()), tick.getBid(), tick.getAsk(), state.high(), state.low(), Instant.ofEpochMilli(tick.getTime()));
	}

	private static String direction(int direction) {
		return switch (direction) {
			case 0 -> "Up";
			case 1 -> "Down";
			default -> "None";
		};
	}
}
