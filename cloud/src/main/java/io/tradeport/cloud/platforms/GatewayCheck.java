package io.tradeport.cloud.platforms;

import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;

import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.LogoutRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.PlatformType;

/**
 * The "Test" of a platform's Manager API: reaches the trade server's gateway, signs in with the stored manager
 * credentials and signs out again, with a short deadline, reporting in words what happened.
 */
final class GatewayCheck {

	private static final Metadata.Key<String> SESSION = Metadata.Key.of("x-tradeport-session", Metadata.ASCII_STRING_MARSHALLER);
	private static final long DEADLINE_SECONDS = 5;

	private GatewayCheck() {
	}

	static ConnectionCheck check(String address, long login, String password, io.tradeport.cloud.platforms.PlatformType expected) {
		var channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
		try {
			var session = ManagerSessionGrpc.newBlockingStub(channel);
			var info = session.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).getServerInfo(GetServerInfoRequest.getDefaultInstance());
			var reply = session.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
				.login(LoginRequest.newBuilder().setLogin((int) login).setPassword(password).build());
			var headers = new Metadata();
			headers.put(SESSION, reply.getSessionToken());
			session.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
				.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
				.logout(LogoutRequest.getDefaultInstance());
			var platform = info.getPlatform() == PlatformType.PLATFORM_TYPE_MT5 ? "MT5" : "MT4";
			var mismatch = platform.equals(expected.name()) ? "" : " Note: the server says it is " + platform + ", the platform is set to " + expected + ".";
			return new ConnectionCheck(true, "Connected to " + platform + " server " + info.getServerVersion() + " (build "
					+ info.getServerBuild() + "), manager " + login + " signed in." + mismatch);
		}
		catch (StatusRuntimeException e) {
			return new ConnectionCheck(false, describe(e.getStatus()));
		}
		catch (IllegalArgumentException e) {
			return new ConnectionCheck(false, "The server address is not valid: " + address);
		}
		finally {
			channel.shutdownNow();
		}
	}

	private static String describe(Status status) {
		return switch (status.getCode()) {
			case UNAVAILABLE -> "Could not connect: the server does not answer at this address.";
			case DEADLINE_EXCEEDED -> "Could not connect: no answer within " + DEADLINE_SECONDS + " seconds.";
			case UNAUTHENTICATED, PERMISSION_DENIED -> "Connected, but the server refused the manager login or password.";
			default -> "The server refused: " + (status.getDescription() == null ? status.getCode().name() : status.getDescription());
		};
	}
}
