package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.tradeport.gateway.v1.ConAccess;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.GetCurrentManagerRequest;
import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.LoginRequest;
import io.tradeport.gateway.v1.LogoutRequest;
import io.tradeport.gateway.v1.PingRequest;
import io.tradeport.gateway.v1.PlatformType;
import io.tradeport.gateway.v1.ServerInfo;
import io.tradeport.tradeserver.config.DemoPlatform;

class ManagerSessionTests {

	private final Gateway gateway = new Gateway();

	@AfterEach
	void stop() {
		gateway.close();
	}

	@Test
	void serverInfoNeedsNoLoginAndNamesTheProtocolVersionAndPlatform() {
		ServerInfo info = gateway.anonymous().getServerInfo(GetServerInfoRequest.getDefaultInstance());

		assertThat(info.getProtocolVersion()).startsWith("1.");
		assertThat(info.getPlatform()).isEqualTo(PlatformType.PLATFORM_TYPE_MT4);
		assertThat(info.getServerBuild()).isPositive();
		assertThat(info.getServerTime()).isBetween(Gateway.TUESDAY_10_00.toEpochMilli(), Gateway.TUESDAY_10_00.toEpochMilli() + 600_000);
		assertThat(info.getServerName()).isEqualTo("Tradeport Demo");
	}

	@Test
	void aWrongPasswordIsRefusedWithBadAccountInfo() {
		var refused = refusal(() -> gateway.anonymous().login(LoginRequest.newBuilder()
			.setLogin(DemoPlatform.ADMIN_LOGIN).setPassword("wrong-password").build()));

		assertThat(refused.status()).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(refused.retCode()).isEqualTo(65);
		assertThat(refused.retName()).isEqualTo("BAD_ACCOUNT_INFO");
	}

	@Test
	void anUnknownManagerIsRefusedLikeAWrongPassword() {
		var refused = refusal(() -> gateway.anonymous().login(LoginRequest.newBuilder()
			.setLogin(999).setPassword(DemoPlatform.DEFAULT_ADMIN_PASSWORD).build()));

		assertThat(refused.retCode()).isEqualTo(65);
	}

	@Test
	void aClientAccountCannotLogInAsAManager() {
		var refused = refusal(() -> gateway.login(1001, DemoPlatform.CLIENT_PASSWORD));

		assertThat(refused.retCode()).isEqualTo(65);
	}

	@Test
	void callsWithoutASessionAreRefusedWithNoConnect() {
		var refused = refusal(() -> gateway.anonymous().ping(PingRequest.getDefaultInstance()));

		assertThat(refused.status()).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(refused.retCode()).isEqualTo(6);
	}

	@Test
	void everyCallButServerInfoAndLoginNeedsASession() {
		var stranger = gateway.withToken("expired-or-invented");
		java.util.List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = java.util.List.of(
				() -> stranger.session().logout(LogoutRequest.getDefaultInstance()),
				() -> stranger.session().ping(PingRequest.getDefaultInstance()),
				() -> stranger.session().getCurrentManager(GetCurrentManagerRequest.getDefaultInstance()),
				() -> stranger.accounts().getUsers(io.tradeport.gateway.v1.UsersFilter.getDefaultInstance()),
				() -> stranger.accounts().getUser(io.tradeport.gateway.v1.LoginRef.newBuilder().setLogin(1001).build()),
				() -> stranger.accounts().addUser(io.tradeport.gateway.v1.AddUserRequest.getDefaultInstance()),
				() -> stranger.accounts().updateUser(io.tradeport.gateway.v1.User.getDefaultInstance()),
				() -> stranger.accounts().deleteUser(io.tradeport.gateway.v1.LoginRef.getDefaultInstance()),
				() -> stranger.accounts().checkPassword(io.tradeport.gateway.v1.CheckPasswordRequest.getDefaultInstance()),
				() -> stranger.accounts().setPassword(io.tradeport.gateway.v1.SetPasswordRequest.getDefaultInstance()),
				() -> stranger.accounts().groupOperation(io.tradeport.gateway.v1.GroupOperationRequest.getDefaultInstance()),
				() -> stranger.accounts().getOnline(io.tradeport.gateway.v1.GetOnlineRequest.getDefaultInstance()),
				() -> stranger.trading().getOpenTrades(io.tradeport.gateway.v1.TradesFilter.getDefaultInstance()),
				() -> stranger.trading().getTrade(io.tradeport.gateway.v1.TicketRef.getDefaultInstance()),
				() -> stranger.trading().getHistory(io.tradeport.gateway.v1.HistoryRequest.getDefaultInstance()),
				() -> stranger.trading().tradeTransaction(io.tradeport.gateway.v1.TradeTransactionRequest.getDefaultInstance()),
				() -> stranger.trading().getMarginLevels(io.tradeport.gateway.v1.MarginFilter.getDefaultInstance()),
				() -> stranger.trading().checkBalance(io.tradeport.gateway.v1.BalanceCheckRequest.getDefaultInstance()),
				() -> stranger.market().getSymbolInfos(io.tradeport.gateway.v1.SymbolsFilter.getDefaultInstance()),
				() -> stranger.market().getLastTicks(io.tradeport.gateway.v1.LastTicksRequest.getDefaultInstance()),
				() -> stranger.market().getTicks(io.tradeport.gateway.v1.TicksRequest.getDefaultInstance()),
				() -> stranger.market().getBars(io.tradeport.gateway.v1.BarsRequest.getDefaultInstance()),
				() -> stranger.market().sendTick(io.tradeport.gateway.v1.Tick.getDefaultInstance()),
				() -> stranger.messaging().sendMail(io.tradeport.gateway.v1.SendMailRequest.getDefaultInstance()),
				() -> stranger.messaging().getMails(io.tradeport.gateway.v1.GetMailsRequest.getDefaultInstance()),
				() -> stranger.messaging().sendNews(io.tradeport.gateway.v1.SendNewsRequest.getDefaultInstance()),
				() -> stranger.messaging().getNews(io.tradeport.gateway.v1.GetNewsRequest.getDefaultInstance()),
				() -> stranger.messaging().getNewsBody(io.tradeport.gateway.v1.NewsKey.getDefaultInstance()),
				() -> stranger.admin().getJournal(io.tradeport.gateway.v1.JournalRequest.getDefaultInstance()),
				() -> stranger.admin().getReports(io.tradeport.gateway.v1.ReportsRequest.getDefaultInstance()),
				() -> stranger.admin().getDailyReports(io.tradeport.gateway.v1.ReportsRequest.getDefaultInstance()),
				() -> stranger.admin().listBackups(io.tradeport.gateway.v1.ListBackupsRequest.getDefaultInstance()),
				() -> stranger.admin().getBackupUsers(io.tradeport.gateway.v1.BackupFileRef.getDefaultInstance()),
				() -> stranger.admin().getBackupOrders(io.tradeport.gateway.v1.BackupFileRef.getDefaultInstance()),
				() -> stranger.config().request(io.tradeport.gateway.v1.ConfigRequest.getDefaultInstance()),
				() -> stranger.config().update(ConfigUpdateRequest.getDefaultInstance()),
				() -> stranger.config().delete(io.tradeport.gateway.v1.ConfigPosition.getDefaultInstance()),
				() -> stranger.config().shift(io.tradeport.gateway.v1.ConfigShiftRequest.getDefaultInstance()));

		for (var call : calls) {
			var refused = refusal(call);
			assertThat(refused.status()).isEqualTo(Status.Code.UNAUTHENTICATED);
			assertThat(refused.retCode()).isEqualTo(6);
			assertThat(refused.retName()).isEqualTo("NO_CONNECT");
		}
	}

	@Test
	void anInventedTokenIsRefused() {
		var stranger = gateway.withToken("not-a-session");

		assertThat(refusal(() -> stranger.session().ping(PingRequest.getDefaultInstance())).retCode()).isEqualTo(6);
	}

	@Test
	void aLoggedInManagerPingsAndReadsItsOwnRecordWithoutThePassword() {
		var admin = gateway.admin();

		assertThat(admin.session().ping(PingRequest.getDefaultInstance()).getServerTime()).isPositive();
		var me = admin.session().getCurrentManager(GetCurrentManagerRequest.getDefaultInstance());
		assertThat(me.getLogin()).isEqualTo(1);
		assertThat(me.getAdmin()).isTrue();
		assertThat(me.getPassword()).isEmpty();
	}

	@Test
	void logoutEndsTheSession() {
		var admin = gateway.admin();

		admin.session().logout(LogoutRequest.getDefaultInstance());

		assertThat(refusal(() -> admin.session().getCurrentManager(GetCurrentManagerRequest.getDefaultInstance())).retCode())
			.isEqualTo(6);
		assertThat(refusal(() -> admin.session().logout(LogoutRequest.getDefaultInstance())).retCode()).isEqualTo(6);
	}

	@Test
	void sessionsExpireAfterTheIdleTimeout() {
		var admin = gateway.admin();
		gateway.clock.advance(java.time.Duration.ofMinutes(29));
		admin.session().ping(PingRequest.getDefaultInstance());
		gateway.clock.advance(java.time.Duration.ofMinutes(29));
		admin.session().ping(PingRequest.getDefaultInstance());

		gateway.clock.advance(java.time.Duration.ofMinutes(31));

		assertThat(refusal(() -> admin.session().ping(PingRequest.getDefaultInstance())).retCode()).isEqualTo(6);
	}

	@Test
	void aDeletedManagerLosesItsSessionAtOnce() {
		var admin = gateway.admin();
		var dealer = gateway.dealer();

		admin.config().delete(io.tradeport.gateway.v1.ConfigPosition.newBuilder().setSection(ConfigSection.MANAGERS).setPos(1).build());

		assertThat(refusal(() -> dealer.session().ping(PingRequest.getDefaultInstance())).retCode()).isEqualTo(6);
	}

	@Test
	void theAccessListCanDenyManagerLogins() {
		var admin = gateway.admin();
		admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.ACCESS).setPos(-1)
			.setRecord(ConfigRecord.newBuilder().setAccess(ConAccess.newBuilder().setAction(ConAccess.Action.DENY)
				.setIpFrom("127.0.0.1").setIpTo("127.0.0.1").setComment("no local managers")))
			.build());

		var refused = refusal(() -> gateway.admin());

		assertThat(refused.retCode()).isEqualTo(7);
		assertThat(refused.status()).isEqualTo(Status.Code.PERMISSION_DENIED);
	}
}
