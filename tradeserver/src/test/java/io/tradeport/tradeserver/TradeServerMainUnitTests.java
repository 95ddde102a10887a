package io.tradeport.tradeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.config.DemoPlatform;
import io.tradeport.tradeserver.gateway.TradeServerSettings;
import io.tradeport.tradeserver.reports.ReportDatabaseAccess;

class TradeServerMainUnitTests {

	@Test
	void withoutOptionsItServesTheDemoOnPort4500() {
		var settings = TradeServerMain.settings(new String[0], Map.of());

		assertThat(settings.port()).isEqualTo(4500);
		assertThat(settings.dataDir()).isNull();
		assertThat(settings.adminPassword()).isEqualTo(DemoPlatform.DEFAULT_ADMIN_PASSWORD);
		assertThat(settings.demo()).isTrue();
		assertThat(settings.feed()).isTrue();
		assertThat(settings.simulatedTraders()).isEqualTo(TradeServerMain.DEFAULT_TRADERS);
		assertThat(settings.platform()).isEqualTo(TradeServerSettings.Platform.MT4);
		assertThat(settings.reportDatabase()).isNull();
		assertThat(settings.embeddedReportDatabase()).isFalse();
	}

	@Test
	void theFeedTheCrowdThePlatformAndTheReportDatabaseAreOptions() {
		var settings = TradeServerMain.settings(new String[] { "--data-dir", "/tmp/ts", "--traders", "0", "--no-feed",
			"--platform", "mt5", "--report-db", "embedded" }, Map.of());

		assertThat(settings.feed()).isFalse();
		assertThat(settings.simulatedTraders()).isZero();
		assertThat(settings.platform()).isEqualTo(TradeServerSettings.Platform.MT5);
		assertThat(settings.embeddedReportDatabase()).isTrue();

		var external = TradeServerMain.settings(new String[] { "--report-db", "jdbc:mariadb://db:3306/mt4",
			"--report-db-user", "writer", "--report-db-password", "secret" }, Map.of());
		assertThat(external.reportDatabase()).isNotNull();
		assertThat(external.embeddedReportDatabase()).isFalse();
	}

	@Test
	void badOrIncompleteReportDatabaseOptionsAreRefused() {
		assertThatIllegalArgumentException().as("embedded needs a data directory")
			.isThrownBy(() -> TradeServerMain.settings(new String[] { "--report-db", "embedded" }, Map.of()));
		assertThatIllegalArgumentException().as("a JDBC URL needs a user and a password")
			.isThrownBy(() -> TradeServerMain.settings(new String[] { "--report-db", "jdbc:mariadb://db/mt4" }, Map.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TradeServerMain.settings(new String[] { "--report-db", "mysql" }, Map.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TradeServerMain.settings(new String[] { "--platform", "MT6" }, Map.of()));
	}

	@Test
	void theBannerShowsTheGatewayTheManagersAndTheReportDatabaseCredentials() {
		var settings = TradeServerMain.settings(new String[] { "--data-dir", "/tmp/ts", "--report-db", "embedded" }, Map.of());

		String banner = TradeServerMain.banner(settings, 4567,
				new ReportDatabaseAccess("127.0.0.1", 3307, "mt4", "mt4_report", "s3cret-Generated"));

		assertThat(banner).contains("gateway port:      4567")
			.contains("manager login 1 / password Manager1")
			.contains("manager login 2 / password Dealer1")
			.contains("host:     127.0.0.1", "port:     3307", "database: mt4", "login:    mt4_report",
					"password: s3cret-Generated");
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
