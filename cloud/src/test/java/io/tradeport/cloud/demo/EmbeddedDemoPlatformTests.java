package io.tradeport.cloud.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.tradeport.cloud.Http;
import io.tradeport.cloud.StandaloneApplication;
import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.identity.Users;
import io.tradeport.cloud.organizations.OrganizationId;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatform;
import io.tradeport.cloud.platforms.TradePlatforms;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default starts the built-in trade server with its report database, and a second one presenting as
 * MT5, and registers them as the demo organization's MT4 and MT5 platforms; what it prints works: the gateways
 * accept the manager logins, the report database answers the platform's DB test, and the printed API client calls
 * the MT5 platform. One first start serves all of these (the report database takes a while to set up).
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDemoPlatformTests {

	private static Path data;
	private static StandaloneApplication app;
	private static String firstStartOutput;

	@BeforeAll
	static void theFirstStart(CapturedOutput output) {
		data = TestInfrastructure.newDataDirectory();
		app = StandaloneApplication.start(data, "--tradeport.embedded.trade-server.enabled=true");
		firstStartOutput = output.getAll();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void theDemoMt4PlatformReachesTheBuiltInTradeServerAndItsReportDatabase() throws Exception {
		var access = app.bean(EmbeddedTradeServer.class).access();
		var demo = demoUser();
		var platform = demoPlatform("Demo MT4");
		assertThat(platform.type()).isEqualTo(PlatformType.MT4);
		assertThat(platform.managerAddress()).isEqualTo(access.address());
		assertThat(platform.managerPasswordSet()).isTrue();
		var platforms = app.bean(TradePlatforms.class);
		assertThat(platforms.testManagerApi(demoOrganization(), platform.id(), demo).message()).startsWith("Connected to MT4 server");
		assertThat(platforms.testReportDatabase(demoOrganization(), platform.id(), demo).message())
			.startsWith("Connected to").contains("MT4 report tables found");

		var db = access.reportDatabase();
		assertThat(db).isNotNull();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			try (var connection = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.login(), db.password());
					var rows = connection.createStatement().executeQuery("select count(*) from MT4_USERS")) {
				rows.next();
				assertThat(rows.getInt(1)).as("demo accounts replicated into the report database").isPositive();
			}
		});
		assertManagerPasswordIsGenerated(access);
	}

	@Test
	void theDemoMt5PlatformAnswersAnMt5OperationWithThePrintedDemoClientsToken() throws Exception {
		var access = app.bean(EmbeddedTradeServer.class).mt5Access();
		var platform = demoPlatform("Demo MT5");
		assertThat(platform.type()).isEqualTo(PlatformType.MT5);
		assertThat(platform.managerAddress()).isEqualTo(access.address()).isNotEqualTo(app.bean(EmbeddedTradeServer.class).access().address());
		assertThat(access.reportDatabase()).as("no report database for the MT5 demo").isNull();
		assertThat(app.bean(TradePlatforms.class).testManagerApi(demoOrganization(), platform.id(), demoUser()).message())
			.startsWith("Connected to MT5 server");
		assertThat(printed("MT5 platform")).isEqualTo(platform.id().toString());
		assertManagerPasswordIsGenerated(access);

		var http = new Http(app.port());
		var token = http.postForm("/connect/token", Http.form("grant_type", "client_credentials", "client_id", printed("API client id"),
				"client_secret", printed("API secret"))).json().get("access_token").asString();
		var user = http.get("/api/v2/MT5/" + printed("MT5 platform") + "/UserGet/1001", "Authorization", "Bearer " + token);
		assertThat(user.status()).as(user.body()).isEqualTo(200);
		assertThat(user.json().get("data").get("name").asString()).isEqualTo("Demo Trader");
		var manager = http.get("/api/v2/MT5/" + printed("MT5 platform") + "/ManagerCurrent", "Authorization", "Bearer " + token);
		assertThat(manager.json().get("data").get("login").asLong()).isEqualTo(access.managerLogin());
	}

	@Test
	void theDemoServersKeepTheirAddressesAndTheDemoIsNotSeededAgainAfterARestart() {
		var servers = app.bean(EmbeddedTradeServer.class);
		var mt4 = servers.access().address();
		var mt5 = servers.mt5Access().address();
		app.close();
		app = StandaloneApplication.start(data, "--tradeport.embedded.trade-server.enabled=true");
		assertThat(app.bean(EmbeddedTradeServer.class).access().address()).as("same MT4 address after a restart").isEqualTo(mt4);
		assertThat(app.bean(EmbeddedTradeServer.class).mt5Access().address()).as("same MT5 address after a restart").isEqualTo(mt5);
		assertThat(app.bean(TradePlatforms.class).list(demoOrganization(), demoUser())).extracting(TradePlatform::name)
			.containsExactlyInAnyOrder("Demo MT4", "Demo MT5");
	}

	private static void assertManagerPasswordIsGenerated(EmbeddedTradeServer.Access access) throws InterruptedException {
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

	/** A value of the demo data printed on the first start, e.g. {@code API secret:     …}. */
	private static String printed(String label) {
		var matcher = Pattern.compile(Pattern.quote(label) + ":\\s+(\\S+)").matcher(firstStartOutput);
		assertThat(matcher.find()).as("\"%s\" is printed on the first start", label).isTrue();
		return matcher.group(1);
	}

	private static TradePlatform demoPlatform(String name) {
		return app.bean(TradePlatforms.class).list(demoOrganization(), demoUser()).stream()
			.filter(platform -> platform.name().equals(name)).findFirst().orElseThrow();
	}

	private static io.tradeport.cloud.identity.UserId demoUser() {
		return app.bean(Users.class).findByEmail(DemoSeed.DEMO_EMAIL).orElseThrow().id();
	}

	private static OrganizationId demoOrganization() {
		return app.bean(Organizations.class).membershipsOf(demoUser()).getFirst().organizationId();
	}
}
