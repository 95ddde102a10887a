package io.tradeport.tradeserver.gateway;

import java.time.Instant;
import java.util.List;

import io.tradeport.tradeserver.engine.Quote;

/**
 * Tick and bar history behind MarketData.GetTicks and GetBars (MT4's TicksRequest and
 * ChartRequest). The gateway calls {@link #onTick} for every quote the engine applies, on the
 * engine thread, so it must be quick; an implementation fed from elsewhere (a price feed with its
 * own store) may ignore it. Queries come from gRPC threads.
 */
public interface MarketHistory {

	/** Ticks of {@code symbol} with time in [from, to], oldest first. */
	List<Quote> ticks(String symbol, Instant from, Instant to);

	/** Bid bars of {@code symbol} whose open time is in [from, to], oldest first. */
	List<PriceBar> bars(String symbol, BarPeriod period, Instant from, Instant to);

	/** The latest {@code limit} ticks of {@code symbol}, oldest first. */
	List<Quote> lastTicks(String symbol, int limit);

	default void onTick(Quote quote) {
	}

	/**
	 * Chart editing (ChartAdd; ChartUpdate with {@code onlyExisting}): writes bars of one period by
	 * open time. The default refuses, for a history kept elsewhere that this server cannot edit.
	 *
	 * @return the bars written
	 * @throws IllegalArgumentException when a bar's time is not a bar boundary of the period
	 */
	default int putBars(String symbol, BarPeriod period, List<PriceBar> bars, boolean onlyExisting) {
		throw new UnsupportedOperationException("this server's chart history cannot be edited");
	}

	/** Chart editing (ChartDelete): removes the bars of one period opening at the given times. */
	default int deleteBars(String symbol, BarPeriod period, List<Instant> times) {
		throw new UnsupportedOperationException("this server's chart history cannot be edited");
	}

	/** HistoryCorrect: repairs broken bars of every period; answers how many were corrected. */
	default int correct(String symbol) {
		throw new UnsupportedOperationException("this server's chart history cannot be corrected");
	}
}
