package io.tradeport.cloud.platforms;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.tradeport.cloud.ReportDatabase;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.identity.IdentityFixtures;
import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.organizations.OrganizationId;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform "Test" buttons against real servers: a trade server's gateway and a MariaDB report database. */
@TradeportApplicationTest
class ConnectionChecksTests {

	private static TradeServer tradeServer;

	@Autowired
	IdentityFixtures identity;

	@Autowired
	Organizations organizations;

	@Autowired
	TradePlatforms platforms;

	UserId owner;
	OrganizationId organization;
	TradePlatformId platform;

	@BeforeAll
	static void aTradeServer() {
		tradeServer = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("right-password"));
	}

	@AfterAll
	static void stopIt() {
		tradeServer.close();
	}

	@BeforeEach
	void aPlatform() {
		owner = identity.userWithPassword(IdentityFixtures.uniqueEmail("tester"), "frosty lantern hums along");
		organization = organizations.membershipsOf(owner).getFirst().organizationId();
		platform = platforms.create(organization, "Checked", PlatformType.MT4, owner);
	}

	@Test
	void theApiTestSignsInWithTheStoredManagerCredentials() {
		assertThat(platforms.testManagerApi(organization, platform, owner).message()).contains("Enter the server address");
		platforms.setManagerApi(organization, platform, "127.0.0.1:" + tradeServer.port(), 1, "right-password", owner);
		var check = platforms.testManagerApi(organization, platform, owner);
		assertThat(check.ok()).isTrue();
		assertThat(check.message()).contains("Connected to MT4 server", "manager 1 signed in");
	}

	@Test
	void theApiTestSaysWhatWentWrong() {
		platforms.setManagerApi(organization, platform, "127.0.0.1:" + tradeServer.port(), 1, "wrong-password", owner);
		assertThat(platforms.testManagerApi(organization, platform, owner)).satisfies(check -> {
			assertThat(check.ok()).isFalse();
			assertThat(check.message()).contains("refused the manager login or password");
		});
		platforms.setManagerApi(organization, platform, "127.0.0.1:" + TestInfrastructure.freePort(), 1, "right-password", owner);
		assertThat(platforms.testManagerApi(organization, platform, owner).message()).contains("Could not connect");
	}

	@Test
	void theDatabaseTestOpensARealConnectionOrSaysWhyNot() {
		assertThat(platforms.testReportDatabase(organization, platform, owner).message()).contains("Enter the report database");
		platforms.setReportDatabase(organization, platform, "127.0.0.1", ReportDatabase.port(), ReportDatabase.DATABASE,
				ReportDatabase.LOGIN, ReportDatabase.PASSWORD, owner);
		var check = platforms.testReportDatabase(organization, platform, owner);
		assertThat(check.ok()).isTrue();
		assertThat(check.message()).contains("Connected to", "MT4 report tables found");

		platforms.setReportDatabase(organization, platform, "127.0.0.1", TestInfrastructure.freePort(), "mt4", "nobody", "x", owner);
		assertThat(platforms.testReportDatabase(organization, platform, owner)).satisfies(failed -> {
			assertThat(failed.ok()).isFalse();
			assertThat(failed.message()).startsWith("Could not connect");
		});
	}
}
