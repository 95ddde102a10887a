package io.tradeport.tradeserver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.grpc.Status;
import io.tradeport.gateway.v1.AddUserRequest;
import io.tradeport.gateway.v1.BackupFileRef;
import io.tradeport.gateway.v1.BackupInfo;
import io.tradeport.gateway.v1.BackupKind;
import io.tradeport.gateway.v1.CheckPasswordRequest;
import io.tradeport.gateway.v1.ConCommon;
import io.tradeport.gateway.v1.ConFeeder;
import io.tradeport.gateway.v1.ConHoliday;
import io.tradeport.gateway.v1.ConManager;
import io.tradeport.gateway.v1.ConPlugin;
import io.tradeport.gateway.v1.ConSymbolGroup;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.GetMailsRequest;
import io.tradeport.gateway.v1.GetNewsRequest;
import io.tradeport.gateway.v1.ListBackupsRequest;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.Mail;
import io.tradeport.gateway.v1.NewsKey;
import io.tradeport.gateway.v1.NewsTopic;
import io.tradeport.gateway.v1.PluginParam;
import io.tradeport.gateway.v1.SendMailRequest;
import io.tradeport.gateway.v1.SendNewsRequest;
import io.tradeport.gateway.v1.SetPasswordRequest;
import io.tradeport.gateway.v1.User;
import io.tradeport.tradeserver.config.DemoPlatform;
import io.tradeport.tradeserver.config.ServerConfig;

/**
 * The server-side stores with a data directory: each change is made through a real gRPC client,
 * the server is closed, a new one starts on the same directory and the change is read back through
 * gRPC. The demo seeding runs only on the first start, so nothing it seeds overwrites a change.
 */
class PersistentStoresTests {

	@TempDir
	Path dataDir;

	private Gateway start() {
		return new Gateway(TradeServerSettings.loopback().withDataDir(dataDir));
	}

	@Test
	void aManagerAddedThroughTheGatewayCanLogInAfterARestart() {
		try (Gateway gateway = start()) {
			gateway.admin().config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.MANAGERS).setPos(-1)
				.setRecord(ConfigRecord.newBuilder().setManager(ConManager.newBuilder().setLogin(77).setName("Night desk")
					.setPassword("Desk7777").setGroups("demo*").setManager(true).setSeeTrades(true)))
				.build());
		}
		try (Gateway gateway = start()) {
			Gateway.Manager desk = gateway.login(77, "Desk7777");
			ConManager current = desk.session().getCurrentManager(
					io.tradeport.gateway.v1.GetCurrentManagerRequest.getDefaultInstance());
			assertThat(current.getName()).isEqualTo("Night desk");
			assertThat(current.getGroups()).isEqualTo("demo*");
			assertThat(current.getManager()).isTrue();
			assertThat(current.getAdmin()).isFalse();
			assertThat(gateway.admin().config().request(ConfigRequest.newBuilder().setSection(ConfigSection.MANAGERS).build())
				.getRecordsList()).extracting(r -> r.getManager().getLogin())
				.containsExactly(DemoPlatform.ADMIN_LOGIN, DemoPlatform.DEALER_LOGIN, 77);
			assertThat(Gateway.refusal(() -> gateway.login(77, "wrong-password")).status())
				.isEqualTo(Status.Code.UNAUTHENTICATED);
		}
	}

	@Test
	void aClientsDetailsAndChangedPasswordsSurviveARestartAndTheDemoSeedingDoesNotResetThem() {
		int login;
		try (Gateway gateway = start()) {
			Gateway.Manager admin = gateway.admin();
			login = admin.accounts().addUser(AddUserRequest.newBuilder()
				.setUser(User.newBuilder().setGroup("demoforex").setName("Ada Lovelace").setEmail("ada@example.com")
					.setCity("London").setLeverage(100).setEnable(true))
				.setPassword("Analytical1").setInvestorPassword("Engine222").build()).getLogin();
			admin.accounts().setPassword(SetPasswordRequest.newBuilder().setLogin(1001).setPassword("Changed99").build());
		}
		try (Gateway gateway = start()) {
			Gateway.Manager admin = gateway.admin();
			User ada = admin.accounts().getUser(LoginRef.newBuilder().setLogin(login).build());
			assertThat(ada.getName()).isEqualTo("Ada Lovelace");
			assertThat(ada.getEmail()).isEqualTo("ada@example.com");
			assertThat(ada.getCity()).isEqualTo("London");
			var master = admin.accounts().checkPassword(CheckPasswordRequest.newBuilder().setLogin(login).setPassword("Analytical1").build());
			assertThat(master.getValid()).isTrue();
			assertThat(master.getInvestor()).isFalse();
			var investor = admin.accounts().checkPassword(CheckPasswordRequest.newBuilder().setLogin(login).setPassword("Engine222").build());
			assertThat(investor.getValid()).isTrue();
			assertThat(investor.getInvestor()).isTrue();
			assertThat(admin.accounts().checkPassword(CheckPasswordRequest.newBuilder().setLogin(1001).setPassword("Changed99").build())
				.getValid()).isTrue();
			assertThat(admin.accounts().checkPassword(CheckPasswordRequest.newBuilder().setLogin(1001)
				.setPassword(DemoPlatform.CLIENT_PASSWORD).build()).getValid()).isFalse();
			// Logins continue after the restart (COMMON's last login is stored).
			int next = admin.accounts().addUser(AddUserRequest.newBuilder()
				.setUser(User.newBuilder().setGroup("demoforex").setLeverage(100).setEnable(true))
				.setPassword("Another1").build()).getLogin();
			assertThat(next).isGreaterThan(login);
		}
	}

	@Test
	void noClearPasswordReachesTheDisk() throws IOException {
		try (Gateway gateway = start()) {
			Gateway.Manager admin = gateway.admin();
			admin.accounts().addUser(AddUserRequest.newBuilder()
				.setUser(User.newBuilder().setGroup("demoforex").setLeverage(100).setEnable(true))
				.setPassword("ClearText123").setInvestorPassword("ClearInvestor456").build());
			admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.MANAGERS).setPos(-1)
				.setRecord(ConfigRecord.newBuilder().setManager(ConManager.newBuilder().setLogin(78)
					.setPassword("ClearManager789").setGroups("*"))).build());
			admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.FEEDERS).setPos(0)
				.setRecord(ConfigRecord.newBuilder().setFeeder(ConFeeder.newBuilder().setName("LP feed")
					.setServer("feed.example.com:443").setLogin("broker").setPassword("ClearFeeder000"))).build());
		}
		List<String> contents;
		try (Stream<Path> files = Files.walk(dataDir.resolve("stores"))) {
			contents = files.filter(Files::isRegularFile).map(f -> {
				try {
					return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
		}
		assertThat(contents).hasSizeGreaterThan(3).noneMatch(c -> c.contains("ClearText123") || c.contains("ClearInvestor456")
				|| c.contains("ClearManager789") || c.contains("ClearFeeder000") || c.contains(DemoPlatform.DEFAULT_ADMIN_PASSWORD)
				|| c.contains(DemoPlatform.CLIENT_PASSWORD));
	}

	@Test
	void mailAndNewsSurviveARestartAndNewOnesContinueTheirNumbers() {
		long mailId;
		int newsKey;
		try (Gateway gateway = start()) {
			Gateway.Manager admin = gateway.admin();
			mailId = admin.messaging().sendMail(SendMailRequest.newBuilder().setSenderName("Support").setSubject("Welcome")
				.setBody("Your account is ready.").addLogins(1001).addLogins(1002).build()).getId();
			newsKey = admin.messaging().sendNews(SendNewsRequest.newBuilder().setTopic("ECB holds rates")
				.setCategory("Macro").setKeywords("EUR").setBody("The ECB left rates unchanged.").setHighPriority(true).build())
				.getKey();
		}
		try (Gateway gateway = start()) {
			Gateway.Manager admin = gateway.admin();
			List<Mail> mails = admin.messaging().getMails(GetMailsRequest.newBuilder().setLogin(1002).build()).getMailsList();
			assertThat(mails).singleElement().satisfies(m -> {
				assertThat(m.getId()).isEqualTo(mailId);
				assertThat(m.getSubject()).isEqualTo("Welcome");
				assertThat(m.getBody()).isEqualTo("Your account is ready.");
				assertThat(m.getLoginsList()).containsExactly(1001, 1002);
			});
			List<NewsTopic> news = admin.messaging().getNews(GetNewsRequest.getDefaultInstance()).getNewsList();
			assertThat(news).singleElement().satisfies(n -> {
				assertThat(n.getKey()).isEqualTo(newsKey);
				assertThat(n.getTopic()).isEqualTo("ECB holds rates");
				assertThat(n.getPriority()).isEqualTo(1);
			});
			assertThat(admin.messaging().getNewsBody(NewsKey.newBuilder().setKey(newsKey).build()).getBody())
				.isEqualTo("The ECB left rates unchanged.");
			assertThat(admin.messaging().sendMail(SendMailRequest.newBuilder().setSubject("Second").addLogins(1001).build())
				.getId()).isGreaterThan(mailId);
			assertThat(admin.messaging().sendNews(SendNewsRequest.newBuilder().setTopic("Second").build()).getKey())
				.isGreaterThan(newsKey);
		}
	}

	@Test
	void configurationSectionsSurviveARestart() {
		ConHoliday christmas = ConHoliday.newBuilder().setYear(2026).setMonth(12).setDay(25).setFrom(0).setTo(1440)
			.setSymbol("*").setDescription("Christmas").setEnable(true).build();
		try (Gateway gateway = start()) {
			Gateway.Manager admin = gateway.admin();
			admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.HOLIDAYS).setPos(0)
				.setRecord(ConfigRecord.newBuilder().setHoliday(christmas)).build());
			ConCommon common = admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.COMMON).build())
				.getRecords(0).getCommon();
			admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.COMMON)
				.setRecord(ConfigRecord.newBuilder().setCommon(common.toBuilder().setOwner("Example Markets Ltd"))).build());
			admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.SYMBOL_GROUPS).setPos(5)
				.setRecord(ConfigRecord.newBuilder().setSymbolGroup(ConSymbolGroup.newBuilder().setName("Crypto"))).build());
		}
		try (Gateway gateway = start()) {
			Gateway.Manager admin = gateway.admin();
			assertThat(admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.HOLIDAYS).build())
				.getRecordsList()).extracting(ConfigRecord::getHoliday).containsExactly(christmas);
			assertThat(admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.COMMON).build())
				.getRecords(0).getCommon().getOwner()).isEqualTo("Example Markets Ltd");
			assertThat(admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOL_GROUPS).build())
				.getRecordsList()).extracting(r -> r.getSymbolGroup().getName())
				.hasSize(32).startsWith("Forex", "Metals", "Indices", "", "", "Crypto");
		}
	}

	@Test
	void aPluginParameterSurvivesARestart() {
		try (Gateway gateway = start()) {
			Gateway.Manager admin = gateway.admin();
			ConPlugin pump = plugin(admin, ServerConfig.PUMP_PLUGIN);
			ConPlugin changed = pump.toBuilder().clearParams()
				.addParams(PluginParam.newBuilder().setName(ServerConfig.PUMP_BUFFER_PARAM).setValue("2500"))
				.addParams(PluginParam.newBuilder().setName(ServerConfig.PUMP_MARGIN_INTERVAL_PARAM).setValue("750"))
				.build();
			admin.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.PLUGINS).setPos(-1)
				.setRecord(ConfigRecord.newBuilder().setPlugin(changed)).build());
		}
		try (Gateway gateway = start()) {
			ConPlugin pump = plugin(gateway.admin(), ServerConfig.PUMP_PLUGIN);
			assertThat(pump.getParamsList()).extracting(PluginParam::getName, PluginParam::getValue).containsExactly(
					org.assertj.core.groups.Tuple.tuple(ServerConfig.PUMP_BUFFER_PARAM, "2500"),
					org.assertj.core.groups.Tuple.tuple(ServerConfig.PUMP_MARGIN_INTERVAL_PARAM, "750"));
			assertThat(plugin(gateway.admin(), ServerConfig.HISTORY_PLUGIN).getParamsList()).isNotEmpty();
		}
	}

	@Test
	void backupsSurviveARestartWithTheirRecords() {
		BackupInfo before;
		try (Gateway gateway = start()) {
			Gateway.Manager admin = gateway.admin();
			admin.accounts().addUser(AddUserRequest.newBuilder()
				.setUser(User.newBuilder().setLogin(5005).setGroup("demoforex").setName("Backed Up").setLeverage(100).setEnable(true))
				.setPassword("Backup123").build());
			gateway.server.backup();
			List<BackupInfo> users = admin.admin().listBackups(ListBackupsRequest.newBuilder().setKind(BackupKind.BACKUP_USERS)
				.build()).getBackupsList();
			before = users.getLast();
		}
		try (Gateway gateway = start()) {
			Gateway.Manager admin = gateway.admin();
			List<BackupInfo> users = admin.admin().listBackups(ListBackupsRequest.newBuilder().setKind(BackupKind.BACKUP_USERS)
				.build()).getBackupsList();
			// The one taken before the restart, and the one every start takes.
			assertThat(users).contains(before);
			assertThat(users.getLast().getFile()).isNotEqualTo(before.getFile());
			assertThat(admin.admin().getBackupUsers(BackupFileRef.newBuilder().setFile(before.getFile()).build())
				.getUsersList()).anySatisfy(u -> {
					assertThat(u.getLogin()).isEqualTo(5005);
					assertThat(u.getName()).isEqualTo("Backed Up");
				});
			assertThat(admin.admin().listBackups(ListBackupsRequest.newBuilder().setKind(BackupKind.BACKUP_ORDERS).build())
				.getBackupsCount()).isGreaterThanOrEqualTo(2);
		}
	}

	private static ConPlugin plugin(Gateway.Manager admin, String file) {
		return admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.PLUGINS).setKey(file).build())
			.getRecords(0).getPlugin();
	}
}
