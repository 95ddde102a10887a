package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.Bar;
import io.tradeport.gateway.v1.BarsRequest;
import io.tradeport.gateway.v1.LastTicksRequest;
import io.tradeport.gateway.v1.SymbolInfo;
import io.tradeport.gateway.v1.SymbolsFilter;
import io.tradeport.gateway.v1.Tick;
import io.tradeport.gateway.v1.TicksRequest;
import io.tradeport.gateway.v1.Timeframe;

class MarketDataTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	private void tick(String symbol, double bid, double ask) {
		admin.market().sendTick(Tick.newBuilder().setSymbol(symbol).setBid(bid).setAsk(ask).build());
	}

	@Test
	void symbolInfosCarryTheCurrentQuoteSpreadAndDirection() {
		tick("EURUSD", 1.15850, 1.15864);

		var all = admin.market().getSymbolInfos(SymbolsFilter.getDefaultInstance()).getSymbolsList();
		assertThat(all).extracting(SymbolInfo::getSymbol).containsExactly("EURUSD", "GBPUSD", "USDJPY", "EURJPY", "XAUUSD", "US30");
		SymbolInfo eurusd = admin.market().getSymbolInfos(SymbolsFilter.newBuilder().addSymbols("EURUSD").build()).getSymbols(0);
		assertThat(eurusd.getBid()).isEqualTo(1.1585);
		assertThat(eurusd.getSpread()).isEqualTo(14);
		assertThat(eurusd.getDirection()).isZero();
		assertThat(eurusd.getHigh()).isEqualTo(1.1585);
		assertThat(eurusd.getLow()).isEqualTo(1.1582);
		assertThat(refusal(() -> admin.market().getSymbolInfos(SymbolsFilter.newBuilder().addSymbols("NOPE").build())).status())
			.isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void sentTicksAreInTheTickHistory() {
		tick("GBPUSD", 1.31200, 1.31215);
		tick("GBPUSD", 1.31210, 1.31225);

		var last = admin.market().getLastTicks(LastTicksRequest.newBuilder().setSymbol("GBPUSD").setLimit(2).build()).getTicksList();
		assertThat(last).extracting(Tick::getBid).containsExactly(1.312, 1.3121);
		long now = gateway.clock.millis();
		var range = admin.market().getTicks(TicksRequest.newBuilder().setSymbol("GBPUSD").setFrom(now - 60_000).setTo(now).build());
		assertThat(range.getTicksCount()).isEqualTo(3);
		var empty = admin.market().getTicks(TicksRequest.newBuilder().setSymbol("GBPUSD").setFrom(0).setTo(1000).build());
		assertThat(empty.getTicksList()).isEmpty();
		assertThat(refusal(() -> admin.market().getTicks(TicksRequest.newBuilder().setSymbol("GBPUSD").setFrom(10).setTo(5).build()))
			.retCode()).isEqualTo(3);
		assertThat(refusal(() -> admin.market().getLastTicks(LastTicksRequest.newBuilder().setSymbol("NOPE").build())).retCode())
			.isEqualTo(3);
	}

	@Test
	void barsAggregateTheTicksPerPeriod() {
		tick("USDJPY", 156.500, 156.514);
		tick("USDJPY", 156.300, 156.314);
		gateway.clock.advance(Duration.ofMinutes(2));
		tick("USDJPY", 156.600, 156.614);

		long from = Gateway.TUESDAY_10_00.toEpochMilli();
		long to = from + 3_600_000;
		var m1 = admin.market().getBars(BarsRequest.newBuilder().setSymbol("USDJPY").setTimeframe(Timeframe.M1).setFrom(from).setTo(to).build())
			.getBarsList();
		assertThat(m1).hasSize(2);
		assertThat(m1.get(0)).extracting(Bar::getOpen, Bar::getHigh, Bar::getLow, Bar::getClose, Bar::getVolume)
			.containsExactly(156.41, 156.5, 156.3, 156.3, 3L);
		var h1 = admin.market().getBars(BarsRequest.newBuilder().setSymbol("USDJPY").setTimeframe(Timeframe.H1).setFrom(from).setTo(to).build())
			.getBarsList();
		assertThat(h1).singleElement().satisfies(bar -> {
			assertThat(bar.getTime()).isEqualTo(from);
			assertThat(bar.getClose()).isEqualTo(156.6);
			assertThat(bar.getVolume()).isEqualTo(4);
		});
		assertThat(refusal(() -> admin.market().getBars(BarsRequest.newBuilder().setSymbol("USDJPY").setFrom(from).setTo(to).build()))
			.retCode()).isEqualTo(3);
	}

	@Test
	void sendingTicksNeedsTheMarketRightAndAValidQuote() {
		var dealer = gateway.dealer();

		var refused = refusal(() -> dealer.market().sendTick(Tick.newBuilder().setSymbol("EURUSD").setBid(1.2).setAsk(1.2001).build()));
		assertThat(refused.retCode()).isEqualTo(7);
		assertThat(refusal(() -> admin.market().sendTick(Tick.newBuilder().setSymbol("EURUSD").setBid(1.2).setAsk(1.1).build())).retCode())
			.isEqualTo(3);
		assertThat(refusal(() -> admin.market().sendTick(Tick.newBuilder().setSymbol("NOPE").setBid(1).setAsk(1).build())).retCode())
			.isEqualTo(3);
		// Reading quotes needs no right.
		assertThat(dealer.market().getSymbolInfos(SymbolsFilter.getDefaultInstance()).getSymbolsCount()).isEqualTo(6);
	}
}
