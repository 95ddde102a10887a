package io.tradeport.tradeserver.gateway;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.feed.Tick;
import io.tradeport.tradeserver.feed.Timeframe;

/**
 * The gateway's history on the feed's store ({@link io.tradeport.tradeserver.feed.MarketHistory}:
 * primitive rings of ticks and of M1..MN1 bars, aligned in server time with the week starting on
 * Sunday as MT4 charts do). It is fed with every quote the engine applies, whoever sent it (the
 * price feed, a manager's SendTick, the opening quotes), so charts show exactly the prices the
 * engine traded on. The gateway asks for closed ranges, the store answers half-open ones.
 */
final class FeedMarketHistory implements MarketHistory {

	private final io.tradeport.tradeserver.feed.MarketHistory store;

	/**
	 * @param ticksPerSymbol ticks kept per symbol
	 * @param barsPerTimeframe bars kept per symbol and timeframe (10,080 keeps a week of M1)
	 */
	FeedMarketHistory(ZoneId serverZone, int ticksPerSymbol, int barsPerTimeframe) {
		this.store = new io.tradeport.tradeserver.feed.MarketHistory(serverZone, ticksPerSymbol, barsPerTimeframe);
	}

	@Override
	public void onTick(Quote quote) {
		store.onTick(new Tick(quote.symbol(), quote.time(), quote.bid(), quote.ask()));
	}

	@Override
	public List<Quote> ticks(String symbol, Instant from, Instant to) {
		return store.ticks(symbol, clamp(from), inclusive(to)).stream().map(FeedMarketHistory::quote).toList();
	}

	@Override
	public List<PriceBar> bars(String symbol, BarPeriod period, Instant from, Instant to) {
		return store.bars(symbol, Timeframe.valueOf(period.name()), clamp(from), inclusive(to)).stream()
			.map(b -> new PriceBar(b.openTime(), b.open(), b.high(), b.low(), b.close(), b.tickVolume()))
			.toList();
	}

	@Override
	public int putBars(String symbol, BarPeriod period, List<PriceBar> bars, boolean onlyExisting) {
		return store.putBars(symbol, Timeframe.valueOf(period.name()), bars.stream()
			.map(b -> new io.tradeport.tradeserver.feed.Bar(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume()))
			.toList(), onlyExisting);
	}

	@Override
	public int deleteBars(String symbol, BarPeriod period, List<Instant> times) {
		return store.deleteBars(symbol, Timeframe.valueOf(period.name()), times);
	}

	@Override
	public int correct(String symbol) {
		return store.correct(symbol);
	}

	@Override
	public List<Quote> lastTicks(String symbol, int limit) {
		return store.lastTicks(symbol, limit).stream().map(FeedMarketHistory::quote).toList();
	}

	private static final Instant FIRST = Instant.ofEpochMilli(Long.MIN_VALUE);
	private static final Instant LAST = Instant.ofEpochMilli(Long.MAX_VALUE);

	/** Ticks are kept to the millisecond, so "up to and including {@code to}" ends one millisecond later. */
	private static Instant inclusive(Instant to) {
		return to.isBefore(LAST) ? clamp(to.plusMillis(1)) : LAST;
	}

	/** The store counts in epoch milliseconds; Instant.MIN and MAX (open ends) do not fit. */
	private static Instant clamp(Instant time) {
		return time.isBefore(FIRST) ? FIRST : time.isAfter(LAST) ? LAST : time;
	}

	private static Quote quote(Tick tick) {
		return new Quote(tick.symbol(), tick.bid(), tick.ask(), tick.time());
	}
}
