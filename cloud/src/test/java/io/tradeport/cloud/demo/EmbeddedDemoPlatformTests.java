package io.tradeport.cloud.demo;

import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

import io.tradeport.cloud.StandaloneApplication;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.identity.Users;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatforms;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default starts the built-in trade server and its report database and registers them as the
 * demo organization's MT4 platform; what it prints works: the gateway accepts the manager login, the report
 * database answers the platform's DB test.
 */
class EmbeddedDemoPlatformTests {

	@Test
	void theDemoOrganizationsPlatformReachesTheBuiltInTradeServerAndItsReportDatabase() throws Exception {
		var data = TestInfrastructure.newDataDirectory();
		String address;
		try (var app = StandaloneApplication.start(data, "--tradeport.embedded.trade-server.enabled=true")) {
			var access = app.bean(EmbeddedTradeServer.class).access();
			address = access.address();
			var demo = app.bean(Users.class).findByEmail(DemoSeed.DEMO_EMAIL).orElseThrow().id();
			var organization = app.bean(Organizations.class).membershipsOf(demo).getFirst().organizationId();
			var platforms = app.bean(TradePlatforms.class);
			var platform = platforms.list(organization, demo).getFirst();
			assertThat(platform.name()).isEqualTo("Demo MT4");
			assertThat(platform.type()).isEqualTo(PlatformType.MT4);
			assertThat(platform.managerAddress()).isEqualTo(access.address());
			assertThat(platform.managerPasswordSet()).isTrue();
			assertThat(platforms.testManagerApi(organization, platform.id(), demo).message()).startsWith("Connected to MT4 server");
			assertThat(platforms.testReportDatabase(organization, platform.id(), demo).message())
				.startsWith("Connected to").contains("MT4 report tables found");

			var db = access.reportDatabase();
			await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
				try (var connection = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.login(), db.password());
						var rows = connection.createStatement().executeQuery("select count(*) from MT4_USERS")) {
					rows.next();
					assertThat(rows.getInt(1)).as("demo accounts replicated into the report database").isPositive();
				}
			});

			var channel = ManagedChannelBuilder.forTarget(access.address()).usePlaintext().build();
			try {
				var session = ManagerSessionGrpc.newBlockingStub(channel);
				var reply = session.login(LoginRequest.newBuilder().setLogin((int) access.managerLogin()).setPassword(access.managerPassword()).build());
				assertThat(reply.getSessionToken()).isNotBlank();
				assertThatThrownBy(() -> session.login(LoginRequest.newBuilder().setLogin(1).setPassword("Manager1").build()))
					.as("the manager password is generated, not the well-known demo default")
					.isInstanceOf(StatusRuntimeException.class);
			}
			finally {
				channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
			}
		}
		try (var app = StandaloneApplication.start(data, "--tradeport.embedded.trade-server.enabled=true")) {
			assertThat(app.bean(EmbeddedTradeServer.class).access().address()).as("same address after a restart").isEqualTo(address);
		}
	}

}
