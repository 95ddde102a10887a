package io.tradeport.tradeserver.engine;

import java.time.Instant;

/** A symbol's current prices as the engine applies them (after fixed-spread handling). */
public record Quote(String symbol, double bid, double ask, Instant time) {
}
