package io.tradeport.tradeserver.gateway;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tradeport.gateway.v1.SymbolInfo;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.SymbolConfig;

/** Live quote state per symbol (MT4's SymbolInfo): last prices, the server day's high and low, direction. */
final class QuoteBoard {

	private record State(Quote quote, double high, double low, int direction, LocalDate day) {
	}

	private final ZoneId serverZone;
	private final Map<String, State> states = new ConcurrentHashMap<>();

	QuoteBoard(ZoneId serverZone) {
		this.serverZone = serverZone;
	}

	/** Called on the engine thread for every applied tick. */
	void onTick(Quote quote) {
		LocalDate day = LocalDate.ofInstant(quote.time(), serverZone);
		states.compute(quote.symbol(), (symbol, previous) -> {
			if (previous == null || !previous.day().equals(day)) {
				return new State(quote, quote.bid(), quote.bid(), 2, day);
			}
			int direction = quote.bid() > previous.quote().bid() ? 0 : quote.bid() < previous.quote().bid() ? 1 : 2;
			return new State(quote, Math.max(previous.high(), quote.bid()), Math.min(previous.low(), quote.bid()), direction, day);
		});
	}

	void remove(String symbol) {
		states.remove(symbol);
	}

	Optional<SymbolInfo> info(SymbolConfig symbol) {
		State state = states.get(symbol.name());
		if (state == null) {
			return Optional.empty();
		}
		Quote q = state.quote();
		int spread = (int) Math.round((q.ask() - q.bid()) / symbol.point());
		return Optional.of(SymbolInfo.newBuilder()
			.setSymbol(symbol.name())
			.setDigits(symbol.digits())
			.setType(symbol.type())
			.setPoint(symbol.point())
			.setSpread(spread)
			.setDirection(state.direction())
			.setBid(q.bid())
			.setAsk(q.ask())
			.setHigh(state.high())
			.setLow(state.low())
			.setLastTime(q.time().toEpochMilli())
			.build());
	}
}
