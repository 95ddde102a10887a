package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.Bar;
import io.tradeport.gateway.v1.BarsRequest;
import io.tradeport.gateway.v1.ChartWriteRequest;
import io.tradeport.gateway.v1.CorrectHistoryRequest;
import io.tradeport.gateway.v1.Timeframe;

/** Protocol 1.1 chart editing: ChartAdd, ChartUpdate, ChartDelete and HistoryCorrect on the bar history. */
class ChartEditingTests {

	private static final long FRIDAY_08_00 = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();
	private static final long HOUR = 3_600_000;

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	private static Bar bar(long time, double open, double high, double low, double close) {
		return Bar.newBuilder().setTime(time).setOpen(open).setHigh(high).setLow(low).setClose(close).setVolume(100).build();
	}

	private static ChartWriteRequest h1(Bar... bars) {
		return ChartWriteRequest.newBuilder().setSymbol("EURUSD").setTimeframe(Timeframe.H1).addAllBars(List.of(bars)).build();
	}

	private List<Bar> friday() {
		return admin.market().getBars(BarsRequest.newBuilder().setSymbol("EURUSD").setTimeframe(Timeframe.H1).setFrom(FRIDAY_08_00)
			.setTo(FRIDAY_08_00 + 23 * HOUR).build()).getBarsList();
	}

	@Test
	void addedBarsAreChartedInTimeOrderAndUpdateAndDeleteChangeThemByTime() {
		assertThat(admin.market().addBars(h1(bar(FRIDAY_08_00 + HOUR, 1.151, 1.153, 1.150, 1.152),
			bar(FRIDAY_08_00, 1.150, 1.152, 1.149, 1.151))).getCount()).isEqualTo(2);
		assertThat(friday()).extracting(Bar::getTime).containsExactly(FRIDAY_08_00, FRIDAY_08_00 + HOUR);

		var update = h1(bar(FRIDAY_08_00, 1.150, 1.155, 1.149, 1.154), bar(FRIDAY_08_00 + 5 * HOUR, 1, 1, 1, 1));
		// The bar at 13:00 does not exist: ChartUpdate ignores it.
		assertThat(admin.market().updateBars(update).getCount()).isEqualTo(1);
		assertThat(friday()).hasSize(2).first().satisfies(b -> assertThat(b.getHigh()).isEqualTo(1.155));

		assertThat(admin.market().deleteBars(h1(Bar.newBuilder().setTime(FRIDAY_08_00).build())).getCount()).isEqualTo(1);
		assertThat(friday()).extracting(Bar::getTime).containsExactly(FRIDAY_08_00 + HOUR);
	}

	@Test
	void aBarOffTheTimeframesBoundaryIsRefusedWithInvalidDataAndNothingIsWritten() {
		var refused = refusal(() -> admin.market().addBars(h1(bar(FRIDAY_08_00, 1.15, 1.16, 1.14, 1.15),
			bar(FRIDAY_08_00 + HOUR / 2, 1.15, 1.16, 1.14, 1.15))));

		assertThat(refused.retCode()).isEqualTo(3);
		assertThat(refused.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(friday()).isEmpty();
		assertThat(refusal(() -> admin.market().addBars(h1().toBuilder().setSymbol("NOPE").build())).status())
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> gateway.dealer().market().addBars(h1(bar(FRIDAY_08_00, 1.15, 1.16, 1.14, 1.15)))).retCode())
			.isEqualTo(7);
	}

	@Test
	void historyCorrectRepairsBrokenBarsAndCountsThem() {
		admin.market().addBars(h1(bar(FRIDAY_08_00, 1.150, 1.151, 1.149, 1.153), bar(FRIDAY_08_00 + HOUR, 1.15, 1.16, 1.14, 1.15),
			bar(FRIDAY_08_00 + 2 * HOUR, 0, 1.16, 1.14, 1.15)));

		var reply = admin.market().correctHistory(CorrectHistoryRequest.newBuilder().setSymbol("EURUSD").build());

		assertThat(reply.getCount()).isEqualTo(2);
		assertThat(friday()).extracting(Bar::getTime).containsExactly(FRIDAY_08_00, FRIDAY_08_00 + HOUR);
		assertThat(friday().getFirst().getHigh()).isEqualTo(1.153);
		assertThat(admin.market().correctHistory(CorrectHistoryRequest.newBuilder().setSymbol("EURUSD").build()).getCount()).isZero();
		assertThat(refusal(() -> gateway.dealer().market().correctHistory(CorrectHistoryRequest.newBuilder().setSymbol("EURUSD").build()))
			.retCode()).isEqualTo(7);
	}
}
