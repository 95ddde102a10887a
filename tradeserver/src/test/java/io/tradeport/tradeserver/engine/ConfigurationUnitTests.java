package io.tradeport.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.SymbolConfig.MarginMode;
import io.tradeport.tradeserver.engine.SymbolConfig.ProfitMode;
import io.tradeport.tradeserver.engine.TradeSessions.Window;

class ConfigurationUnitTests {

	private static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 11, 24, 0, 0);

	@Test
	void sessionWindowsIncludeTheirStartAndExcludeTheirEnd() {
		TradeSessions sessions = TradeSessions.weekdays(Window.of(1, 0, 12, 30), Window.of(13, 0, 24, 0));

		assertThat(sessions.isOpen(TUESDAY.withHour(0).withMinute(59))).isFalse();
		assertThat(sessions.isOpen(TUESDAY.withHour(1))).isTrue();
		assertThat(sessions.isOpen(TUESDAY.withHour(12).withMinute(29))).isTrue();
		assertThat(sessions.isOpen(TUESDAY.withHour(12).withMinute(30))).isFalse();
		assertThat(sessions.isOpen(TUESDAY.withHour(23).withMinute(59))).isTrue();
		assertThat(sessions.isOpen(TUESDAY.plusDays(4).withHour(10))).as("Saturday").isFalse();
	}

	@Test
	void aDayCanBeReplacedAndMt4AllowsThreeWindowsADay() {
		TradeSessions sessions = TradeSessions.ALWAYS.with(DayOfWeek.TUESDAY, Window.of(8, 0, 9, 0));

		assertThat(sessions.isOpen(TUESDAY.withHour(10))).isFalse();
		assertThat(sessions.isOpen(TUESDAY.plusDays(1).withHour(10))).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> TradeSessions.ALWAYS.with(DayOfWeek.MONDAY,
				Window.of(0, 0, 1, 0), Window.of(2, 0, 3, 0), Window.of(4, 0, 5, 0), Window.of(6, 0, 7, 0)));
		assertThatIllegalArgumentException().isThrownBy(() -> Window.of(10, 0, 9, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Window(0, 24 * 60 + 1));
	}

	@Test
	void forexSymbolsTakeTheirCurrenciesFromTheName() {
		SymbolConfig eurjpy = SymbolConfig.forex("EURJPY", 3).build();

		assertThat(eurjpy.marginCurrency()).isEqualTo("EUR");
		assertThat(eurjpy.profitCurrency()).isEqualTo("JPY");
		assertThat(eurjpy.point()).isEqualTo(0.001);
		assertThat(eurjpy.toBuilder().build()).isEqualTo(eurjpy);
	}

	@Test
	void calcModesThatNeedTickValuesRefuseASymbolWithoutThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> SymbolConfig.builder("CL")
			.profitMode(ProfitMode.FUTURES).build());
		assertThatIllegalArgumentException().isThrownBy(() -> SymbolConfig.builder("US30")
			.profitMode(ProfitMode.CFD).marginMode(MarginMode.CFD_INDEX).build());
		assertThatIllegalArgumentException().isThrownBy(() -> SymbolConfig.forex("EURUSD", 5).marginDivider(0).build());
	}

	@Test
	void securitySettingsFallBackToTheGroupDefault() {
		GroupConfig.Security metals = GroupConfig.Security.DEFAULT.withLots(10, 100, 10);
		GroupConfig group = GroupConfig.builder("g", "USD").security(4, metals).build();

		assertThat(group.security(4)).isEqualTo(metals);
		assertThat(group.security(0)).isEqualTo(GroupConfig.Security.DEFAULT);
	}

	@Test
	void moneyRoundsHalfAwayFromZeroLikeNormalizeDouble() {
		assertThat(Money.round2(1.005)).isEqualTo(1.01);
		assertThat(Money.round2(-1.005)).isEqualTo(-1.01);
		assertThat(Money.round2(2.675)).isEqualTo(2.68);
		assertThat(Money.round2(-0.004)).isEqualTo(0.0);
		assertThat(Money.normalizePrice(1.123455, 5)).isEqualTo(1.12346);
		assertThat(Money.normalizePrice(150.0204, 3)).isEqualTo(150.020);
	}
}
