package io.tradeport.tradeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.config.DemoPlatform;

class TradeServerMainUnitTests {

	@Test
	void withoutOptionsItServesTheDemoOnPort4500() {
		var settings = TradeServerMain.settings(new String[0], Map.of());

		assertThat(settings.port()).isEqualTo(4500);
		assertThat(settings.dataDir()).isNull();
		assertThat(settings.adminPassword()).isEqualTo(DemoPlatform.DEFAULT_ADMIN_PASSWORD);
		assertThat(settings.demo()).isTrue();
	}

	@Test
	void optionsWinOverTheEnvironment() {
		var settings = TradeServerMain.settings(new String[] { "--port", "4600", "--data-dir=/tmp/ts" },
				Map.of("TRADESERVER_PORT", "4700", "TRADESERVER_ADMIN_PASSWORD", "FromEnv1"));

		assertThat(settings.port()).isEqualTo(4600);
		assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/ts"));
		assertThat(settings.adminPassword()).isEqualTo("FromEnv1");
	}

	@Test
	void aBadPortIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TradeServerMain.settings(new String[] { "--port", "x" }, Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> TradeServerMain.settings(new String[] { "--port" }, Map.of()));
	}
}
