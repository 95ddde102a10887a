package io.tradeport.tradeserver.gateway;

import io.grpc.stub.StreamObserver;
import io.tradeport.gateway.v1.ConManager;
import io.tradeport.gateway.v1.GetCurrentManagerRequest;
import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.LoginReply;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.LogoutReply;
import io.tradeport.gateway.v1.LogoutRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.PingReply;
import io.tradeport.gateway.v1.PingRequest;
import io.tradeport.gateway.v1.PlatformType;
import io.tradeport.gateway.v1.ServerInfo;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.ManagerAccount;

/** ManagerSession: server info, manager login and logout. */
final class SessionService extends ManagerSessionGrpc.ManagerSessionImplBase {

	/** Major 1 is the package name; the minor grows with backward-compatible additions. */
	static final String PROTOCOL_VERSION = "1.2";
	static final int SERVER_BUILD = 1;

	private final ServerContext context;

	SessionService(ServerContext context) {
		this.context = context;
	}

	@Override
	public void getServerInfo(GetServerInfoRequest request, StreamObserver<ServerInfo> out) {
		Calls.unary(out, () -> {
			var now = context.clock.instant();
			var common = context.sections.common.get();
			String version = TradeServer.class.getPackage().getImplementationVersion();
			return ServerInfo.newBuilder()
				.setProtocolVersion(PROTOCOL_VERSION)
				.setServerBuild(SERVER_BUILD)
				.setServerVersion(version == null ? "dev" : version)
				.setPlatform(context.settings.platform() == TradeServerSettings.Platform.MT5 ? PlatformType.PLATFORM_TYPE_MT5
						: PlatformType.PLATFORM_TYPE_MT4)
				.setServerTime(now.toEpochMilli())
				.setServerTimeOffsetMinutes(context.zone.getRules().getOffset(now).getTotalSeconds() / 60)
				.setServerZone(context.zone.getId())
				.setServerName(common.getName())
				.setCompany(common.getOwner())
				.build();
		});
	}

	@Override
	public void login(LoginRequest request, StreamObserver<LoginReply> out) {
		Calls.unary(out, () -> {
			String ip = Sessions.remoteAddress();
			ManagerAccount manager = context.config.authenticate(request.getLogin(), request.getPassword()).orElse(null);
			if (manager == null) {
				context.journal.write(Journal.Type.LOGINS, ip, "'" + request.getLogin() + "': manager login failed (invalid account or password)");
				throw MtException.of(Ret.BAD_ACCOUNT_INFO, "invalid manager login or password");
			}
			if (!AccessRules.allows(context.sections.access.all(), ip)) {
				context.journal.write(Journal.Type.LOGINS, ip, "'" + request.getLogin() + "': manager login refused by the access list");
				throw MtException.of(Ret.NOT_ENOUGH_RIGHTS, "the server's access list refuses " + ip);
			}
			var session = context.sessions.open(manager.login(), ip);
			context.journal.write(Journal.Type.LOGINS, ip, "'" + manager.login() + "': manager login (" + manager.name() + ")");
			return LoginReply.newBuilder()
				.setSessionToken(session.token)
				.setManager(Protos.manager(manager))
				.setIdleTimeoutSeconds((int) context.sessions.idleTimeout().toSeconds())
				.build();
		});
	}

	@Override
	public void logout(LogoutRequest request, StreamObserver<LogoutReply> out) {
		Calls.unary(out, () -> {
			var session = Sessions.current();
			context.sessions.close(session);
			context.pump.revokeSession(session.token);
			context.journal.write(Journal.Type.LOGINS, session.ip, "'" + session.login + "': manager logout");
			return LogoutReply.getDefaultInstance();
		});
	}

	@Override
	public void ping(PingRequest request, StreamObserver<PingReply> out) {
		Calls.unary(out, () -> {
			context.sessions.manager();
			return PingReply.newBuilder().setServerTime(context.clock.millis()).build();
		});
	}

	@Override
	public void getCurrentManager(GetCurrentManagerRequest request, StreamObserver<ConManager> out) {
		Calls.unary(out, () -> Protos.manager(context.sessions.manager()));
	}
}
