package io.tradeport.tradeserver.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TradingGrpc;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.tradeserver.config.DemoPlatform;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

/**
 * The trade server with report replication configured: the journaled engine's events reach the
 * replicator next to the gateway's pump, and its reconciliation covers what was there at start.
 * Uses the shared MariaDB of this package's tests.
 */
class TradeServerReplicationTests {

	@TempDir
	Path dataDir;

	@Test
	void aServerWithAReportDatabaseReplicatesTheDemoAndEveryGatewayTransaction() throws SQLException {
		TestDatabase.dropTables();
		try (TradeServer server = TradeServer.start(TradeServerSettings.loopback().withDataDir(dataDir)
			.withReportDatabase(TestDatabase.writer()))) {
			// The demo's deposits, from the reconciliation at start.
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(number("SELECT BALANCE FROM MT4_USERS WHERE LOGIN = 1001")).isEqualTo(10_000);
				assertThat(number("SELECT COUNT(*) FROM MT4_TRADES WHERE CMD = 6")).isEqualTo(3);
			});

			ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
			try {
				String token = ManagerSessionGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder()
					.setLogin(DemoPlatform.ADMIN_LOGIN).setPassword(DemoPlatform.DEFAULT_ADMIN_PASSWORD).build()).getSessionToken();
				Metadata headers = new Metadata();
				headers.put(Metadata.Key.of("x-tradeport-session", Metadata.ASCII_STRING_MARSHALLER), token);
				var trading = TradingGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
					.withDeadlineAfter(10, TimeUnit.SECONDS);
				int ticket = trading.tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_BALANCE)
					.setCmd(TradeCommand.BALANCE).setOrderBy(1001).setPrice(250).setComment("replicated").build()).getOrder();

				// A live event, after the reconciliation: the listener composition delivers it.
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					assertThat(number("SELECT PROFIT FROM MT4_TRADES WHERE TICKET = " + ticket)).isEqualTo(250);
					assertThat(number("SELECT BALANCE FROM MT4_USERS WHERE LOGIN = 1001")).isEqualTo(10_250);
				});
			}
			finally {
				channel.shutdownNow();
			}
			assertThat(server.replicationStatus()).hasValueSatisfying(status -> assertThat(status.running()).isTrue());
			assertThat(server.reportDatabase()).as("credentials are shown only for the embedded database").isEmpty();
		}
	}

	private static double number(String sql) throws SQLException {
		try (Connection connection = TestDatabase.writer().open(); PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			return rows.next() ? rows.getDouble(1) : Double.NaN;
		}
	}
}
