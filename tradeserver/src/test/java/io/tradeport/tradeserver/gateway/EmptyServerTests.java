package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.UsersFilter;
import io.tradeport.tradeserver.config.DemoPlatform;

class EmptyServerTests {

	@Test
	void anEmptyServerHasOnlyItsAdministratorWithTheGivenPasswordAndWritesItsJournal(@TempDir Path dataDir) throws Exception {
		try (Gateway gateway = new Gateway(TradeServerSettings.loopback().withDemo(false).withAdminPassword("Chosen99")
			.withDataDir(dataDir))) {

			assertThat(refusal(() -> gateway.admin()).retCode()).isEqualTo(65);
			var admin = gateway.login(DemoPlatform.ADMIN_LOGIN, "Chosen99");
			assertThat(admin.accounts().getUsers(UsersFilter.getDefaultInstance()).getUsersList()).isEmpty();
			assertThat(admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.GROUPS).build()).getRecordsList()).isEmpty();
			assertThat(admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.MANAGERS).build()).getRecordsList())
				.hasSize(1);
		}

		try (var logs = Files.list(dataDir.resolve("logs"))) {
			Path log = logs.findFirst().orElseThrow();
			assertThat(Files.readString(log)).contains("trade server build").contains("'1': manager login").contains("stopped");
		}
	}
}
