package io.tradeport.tradeserver.feed;

import java.time.Instant;

/** One feed quote. */
public record Tick(String symbol, Instant time, double bid, double ask) {
}
