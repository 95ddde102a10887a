package io.tradeport.tradeserver.gateway;

import java.time.Instant;

/** A bid bar (MT4 RateInfo). @param volume tick count */
public record PriceBar(Instant time, double open, double high, double low, double close, long volume) {
}
