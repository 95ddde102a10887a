package io.tradeport.tradeserver.feed;

import java.time.Instant;

/** A chart bar built from bid prices, as MT4 charts are; {@code tickVolume} counts the ticks in it. */
public record Bar(Instant openTime, double open, double high, double low, double close, long tickVolume) {
}
