package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.grpc.Status;
import io.tradeport.gateway.v1.ConHoliday;
import io.tradeport.gateway.v1.ConfigPosition;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.LastTicksRequest;
import io.tradeport.gateway.v1.TicksRequest;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.tradeserver.config.ServerStores;

/**
 * The HOLIDAYS section closes trading (132 MARKET_CLOSED) and quoting. The test clock starts on
 * Tuesday 2026-11-24 10:00 server time (UTC) and is moved by hand to reach a holiday.
 */
class HolidayTests {

	@TempDir
	Path dataDir;

	private static final ConHoliday TODAY_EURUSD = ConHoliday.newBuilder().setYear(2026).setMonth(11).setDay(24)
		.setSymbol("EURUSD").setDescription("closed today").setEnable(true).build();

	private static void addHoliday(Gateway.Manager admin, ConHoliday holiday) {
		admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.HOLIDAYS).setPos(-1)
			.setRecord(ConfigRecord.newBuilder().setHoliday(holiday)).build());
	}

	private static int buy(Gateway.Manager admin, String symbol) {
		return admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
			.setOrderBy(1001).setSymbol(symbol).setCmd(TradeCommand.BUY).setVolume(10).build()).getOrder();
	}

	@Test
	void aHolidayAddedThroughTheSectionClosesItsSymbolUntilItIsDeleted() {
		try (Gateway gateway = new Gateway()) {
			Gateway.Manager admin = gateway.admin();
			addHoliday(admin, TODAY_EURUSD);

			var closed = refusal(() -> buy(admin, "EURUSD"));
			assertThat(closed.retCode()).isEqualTo(132);
			assertThat(closed.status()).isEqualTo(Status.Code.FAILED_PRECONDITION);
			assertThat(buy(admin, "GBPUSD")).isPositive();

			admin.config().delete(ConfigPosition.newBuilder().setSection(ConfigSection.HOLIDAYS).setPos(0).build());

			assertThat(buy(admin, "EURUSD")).isPositive();
		}
	}

	@Test
	void tomorrowsHolidayClosesTradingOnceTheClockGetsThere() {
		try (Gateway gateway = new Gateway()) {
			Gateway.Manager admin = gateway.admin();
			addHoliday(admin, TODAY_EURUSD.toBuilder().setDay(25).setSymbol("*").build());

			assertThat(buy(admin, "EURUSD")).isPositive();
			gateway.clock.advance(Duration.ofDays(1));
			Gateway.Manager tomorrow = gateway.admin(); // a day idle ended the first session

			assertThat(refusal(() -> buy(tomorrow, "EURUSD")).retCode()).isEqualTo(132);
			assertThat(refusal(() -> buy(tomorrow, "XAUUSD")).retCode()).isEqualTo(132);
		}
	}

	@Test
	void disabledHolidaysAreKeptWithoutEffectAndImpossibleOnesAreRefused() {
		try (Gateway gateway = new Gateway()) {
			Gateway.Manager admin = gateway.admin();
			addHoliday(admin, TODAY_EURUSD.toBuilder().setEnable(false).build());

			assertThat(buy(admin, "EURUSD")).isPositive();

			var refused = refusal(() -> addHoliday(admin, TODAY_EURUSD.toBuilder().setMonth(13).build()));
			assertThat(refused.retCode()).isEqualTo(3);
			assertThat(admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.HOLIDAYS).build())
				.getRecordsCount()).isEqualTo(1);
		}
	}

	@Test
	void theFeedStopsQuotingTheSymbolOnItsHolidayWhileOthersGoOn() {
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withFeed(true))) {
			Gateway.Manager admin = gateway.admin();
			addHoliday(admin, TODAY_EURUSD);
			// Quotes carry the engine's clock when it applies them: a tick produced before the change may
			// still land just after it, so the check starts a second later. The minute jumped over is
			// produced at once, so its ticks are stamped at the end of the jump.
			long from = gateway.clock.millis() + 1_000;

			gateway.clock.advance(Duration.ofSeconds(60));
			long now = gateway.clock.millis();
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> admin.market()
				.getLastTicks(LastTicksRequest.newBuilder().setSymbol("GBPUSD").setLimit(1).build()).getTicks(0).getTime() >= now);
			long to = gateway.clock.millis();

			assertThat(admin.market().getTicks(TicksRequest.newBuilder().setSymbol("GBPUSD").setFrom(from).setTo(to).build())
				.getTicksCount()).isGreaterThan(10);
			assertThat(admin.market().getTicks(TicksRequest.newBuilder().setSymbol("EURUSD").setFrom(from).setTo(to).build())
				.getTicksCount()).isZero();
		}
	}

	@Test
	void holidaysSurviveARestartAndTheEngineFollowsTheSectionWrittenBeforeACrash() {
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir))) {
			addHoliday(gateway.admin(), TODAY_EURUSD);
		}
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir))) {
			assertThat(refusal(() -> buy(gateway.admin(), "EURUSD")).retCode()).isEqualTo(132);
		}
		// The section is written before the engine journals the change: a crash in between leaves the
		// record stored but not applied, and the next start applies it.
		ServerStores stores = ServerStores.open(dataDir.resolve("stores"));
		new Sections(stores).holidays.put(-1, TODAY_EURUSD.toBuilder().setSymbol("GBPUSD").build());

		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDataDir(dataDir))) {
			assertThat(refusal(() -> buy(gateway.admin(), "GBPUSD")).retCode()).isEqualTo(132);
			assertThat(buy(gateway.admin(), "USDJPY")).isPositive();
		}
	}
}
