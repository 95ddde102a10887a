package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.grpc.Status;
import io.tradeport.gateway.v1.ExternalCommandRequest;
import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.LicenseCheckRequest;
import io.tradeport.gateway.v1.PerformanceRequest;
import io.tradeport.gateway.v1.SendNotificationRequest;
import io.tradeport.gateway.v1.ServerCommand;
import io.tradeport.gateway.v1.ServerCommandRequest;

/**
 * Protocol 1.1 server calls: real figures where the built-in server has them, UNIMPLEMENTED where
 * not. The soft restarts are in {@link ServerRestartTests}.
 */
class ServerCommandsTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	@Test
	void theServerAnnouncesProtocol1Point2() {
		assertThat(gateway.anonymous().getServerInfo(GetServerInfoRequest.getDefaultInstance()).getProtocolVersion()).isEqualTo("1.2");
	}

	@Test
	void performanceIsMeasuredAtTheCall() {
		var records = admin.admin().getPerformance(PerformanceRequest.getDefaultInstance()).getRecordsList();

		assertThat(records).singleElement().satisfies(p -> {
			assertThat(p.getTime()).isGreaterThanOrEqualTo(Gateway.TUESDAY_10_00.toEpochMilli());
			assertThat(p.getUsers()).isEqualTo(1);
			assertThat(p.getAccounts()).isEqualTo(3);
			assertThat(p.getMemoryUsedKb()).isPositive();
			assertThat(p.getThreads()).isPositive();
			assertThat(p.getCpu()).isBetween(0, 100);
		});
		assertThat(admin.admin().getPerformance(PerformanceRequest.newBuilder().setFrom(Gateway.TUESDAY_10_00.plusSeconds(86_400).toEpochMilli()).build())
			.getRecordsList()).isEmpty();
		assertThat(refusal(() -> gateway.dealer().admin().getPerformance(PerformanceRequest.getDefaultInstance())).retCode()).isEqualTo(7);
	}

	@Test
	void theBuiltInServerRecognisesNoLicenceAndSaysWhy() {
		var reply = admin.admin().checkLicense(LicenseCheckRequest.newBuilder().setName("MetaTrader 4 Server").build());

		assertThat(reply.getRecognised()).isFalse();
		assertThat(reply.getMessage()).contains("no licence registry");
	}

	@Test
	void commandsWithoutMeaningHereAreUnimplementedWithTheCommonError() {
		for (ServerCommand command : new ServerCommand[] { ServerCommand.SRV_FEEDERS, ServerCommand.SRV_FEEDER_LOG,
				ServerCommand.SRV_CHARTS_SYNC, ServerCommand.SRV_LIVE_UPDATE_START }) {
			var refused = refusal(() -> admin.admin().runServerCommand(ServerCommandRequest.newBuilder().setCommand(command).build()));
			assertThat(refused.status()).as("%s", command).isEqualTo(Status.Code.UNIMPLEMENTED);
			assertThat(refused.retCode()).isEqualTo(2);
		}
		assertThat(refusal(() -> admin.admin().runServerCommand(ServerCommandRequest.getDefaultInstance())).retCode()).isEqualTo(3);
		assertThat(refusal(() -> admin.admin().externalCommand(ExternalCommandRequest.newBuilder()
			.setData(ByteString.copyFromUtf8("{}")).setJson(true).build())).status()).isEqualTo(Status.Code.UNIMPLEMENTED);
		assertThat(refusal(() -> admin.admin().sendNotification(SendNotificationRequest.newBuilder().addLogins(1001)
			.setMessage("hello").build())).status()).isEqualTo(Status.Code.UNIMPLEMENTED);
	}
}
