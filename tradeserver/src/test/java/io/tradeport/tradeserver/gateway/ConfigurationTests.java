package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.grpc.Status;
import io.tradeport.gateway.v1.AddUserRequest;
import io.tradeport.gateway.v1.ConAccess;
import io.tradeport.gateway.v1.ConBackup;
import io.tradeport.gateway.v1.ConCommon;
import io.tradeport.gateway.v1.ConDataServer;
import io.tradeport.gateway.v1.ConFeeder;
import io.tradeport.gateway.v1.ConGatewayAccount;
import io.tradeport.gateway.v1.ConGatewayMarkup;
import io.tradeport.gateway.v1.ConGatewayRule;
import io.tradeport.gateway.v1.ConHoliday;
import io.tradeport.gateway.v1.ConLiveUpdate;
import io.tradeport.gateway.v1.ConManager;
import io.tradeport.gateway.v1.ConPlugin;
import io.tradeport.gateway.v1.ConSymbolGroup;
import io.tradeport.gateway.v1.ConSync;
import io.tradeport.gateway.v1.ConTime;
import io.tradeport.gateway.v1.ConfigPosition;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigShiftRequest;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.Group;
import io.tradeport.gateway.v1.PluginParam;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.SymbolInfo;
import io.tradeport.gateway.v1.SymbolsFilter;
import io.tradeport.gateway.v1.Tick;
import io.tradeport.gateway.v1.TradeCommand;
import io.tradeport.gateway.v1.TradeTransactionRequest;
import io.tradeport.gateway.v1.TransactionType;
import io.tradeport.gateway.v1.User;
import io.tradeport.tradeserver.config.ServerConfig;

class ConfigurationTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	private List<ConfigRecord> records(ConfigSection section) {
		return admin.config().request(ConfigRequest.newBuilder().setSection(section).build()).getRecordsList();
	}

	private ConfigRecord update(ConfigSection section, int pos, ConfigRecord record) {
		return admin.config().update(ConfigUpdateRequest.newBuilder().setSection(section).setPos(pos).setRecord(record).build());
	}

	private void delete(ConfigSection section, int pos) {
		admin.config().delete(ConfigPosition.newBuilder().setSection(section).setPos(pos).build());
	}

	private void shift(ConfigSection section, int pos, int shift) {
		admin.config().shift(ConfigShiftRequest.newBuilder().setSection(section).setPos(pos).setShift(shift).build());
	}

	/** Two distinct records per list section. */
	private static final Map<ConfigSection, List<ConfigRecord>> SAMPLES = Map.of(
			ConfigSection.ACCESS, List.of(
					ConfigRecord.newBuilder().setAccess(ConAccess.newBuilder().setIpFrom("10.0.0.1").setIpTo("10.0.0.9").setComment("a")).build(),
					ConfigRecord.newBuilder().setAccess(ConAccess.newBuilder().setIpFrom("10.1.0.1").setComment("b")).build()),
			ConfigSection.DATA_SERVERS, List.of(
					ConfigRecord.newBuilder().setDataServer(ConDataServer.newBuilder().setServer("ds1:443").setDescription("a")).build(),
					ConfigRecord.newBuilder().setDataServer(ConDataServer.newBuilder().setServer("ds2:443").setDescription("b")).build()),
			ConfigSection.FEEDERS, List.of(
					ConfigRecord.newBuilder().setFeeder(ConFeeder.newBuilder().setName("a").setPassword("secret1").setEnable(true)).build(),
					ConfigRecord.newBuilder().setFeeder(ConFeeder.newBuilder().setName("b").setPassword("secret2")).build()),
			ConfigSection.GATEWAY_ACCOUNTS, List.of(
					ConfigRecord.newBuilder().setGatewayAccount(ConGatewayAccount.newBuilder().setName("a").setPassword("p")).build(),
					ConfigRecord.newBuilder().setGatewayAccount(ConGatewayAccount.newBuilder().setName("b")).build()),
			ConfigSection.GATEWAY_MARKUPS, List.of(
					ConfigRecord.newBuilder().setGatewayMarkup(ConGatewayMarkup.newBuilder().setSymbol("a").setBidMarkup(1)).build(),
					ConfigRecord.newBuilder().setGatewayMarkup(ConGatewayMarkup.newBuilder().setSymbol("b")).build()),
			ConfigSection.GATEWAY_RULES, List.of(
					ConfigRecord.newBuilder().setGatewayRule(ConGatewayRule.newBuilder().setName("a")).build(),
					ConfigRecord.newBuilder().setGatewayRule(ConGatewayRule.newBuilder().setName("b")).build()),
			ConfigSection.HOLIDAYS, List.of(
					ConfigRecord.newBuilder().setHoliday(ConHoliday.newBuilder().setYear(2026).setMonth(12).setDay(25).setDescription("a")).build(),
					ConfigRecord.newBuilder().setHoliday(ConHoliday.newBuilder().setYear(2027).setMonth(1).setDay(1).setDescription("b")).build()),
			ConfigSection.LIVE_UPDATE, List.of(
					ConfigRecord.newBuilder().setLiveUpdate(ConLiveUpdate.newBuilder().setCompany("a")).build(),
					ConfigRecord.newBuilder().setLiveUpdate(ConLiveUpdate.newBuilder().setCompany("b")).build()),
			ConfigSection.SYNC, List.of(
					ConfigRecord.newBuilder().setSync(ConSync.newBuilder().setServer("a").setPassword("x")).build(),
					ConfigRecord.newBuilder().setSync(ConSync.newBuilder().setServer("b")).build()));

	@ParameterizedTest
	@EnumSource(names = { "ACCESS", "DATA_SERVERS", "FEEDERS", "GATEWAY_ACCOUNTS", "GATEWAY_MARKUPS", "GATEWAY_RULES", "HOLIDAYS",
			"LIVE_UPDATE", "SYNC" })
	void listSectionsAddReplaceShiftAndDeleteRecords(ConfigSection section) {
		List<ConfigRecord> samples = SAMPLES.get(section);
		assertThat(records(section)).isEmpty();

		update(section, 0, samples.get(0));
		update(section, 1, samples.get(1));
		shift(section, 1, -1);
		assertThat(records(section)).hasSize(2);
		assertThat(records(section).get(1)).isEqualTo(redacted(samples.get(0)));
		update(section, 0, samples.get(1));
		delete(section, 1);

		assertThat(records(section)).containsExactly(redacted(samples.get(1)));
		assertThat(refusal(() -> delete(section, 5)).retCode()).isEqualTo(3);
		assertThat(refusal(() -> shift(section, 0, 3)).retCode()).isEqualTo(3);
		assertThat(refusal(() -> update(section, 7, samples.get(0))).retCode()).isEqualTo(3);
	}

	/** Passwords are write-only. */
	private static ConfigRecord redacted(ConfigRecord record) {
		return switch (record.getRecordCase()) {
			case FEEDER -> record.toBuilder().setFeeder(record.getFeeder().toBuilder().clearPassword()).build();
			case GATEWAY_ACCOUNT -> record.toBuilder().setGatewayAccount(record.getGatewayAccount().toBuilder().clearPassword()).build();
			case SYNC -> record.toBuilder().setSync(record.getSync().toBuilder().clearPassword()).build();
			default -> record;
		};
	}

	@Test
	void aRecordOfTheWrongKindIsInvalidData() {
		var refused = refusal(() -> update(ConfigSection.HOLIDAYS, 0, SAMPLES.get(ConfigSection.ACCESS).get(0)));

		assertThat(refused.retCode()).isEqualTo(3);
		assertThat(refusal(() -> records(ConfigSection.CONFIG_SECTION_UNSPECIFIED)).retCode()).isEqualTo(3);
	}

	@Test
	void commonKeepsWhatTheServerFixesAndTakesTheRest() {
		ConCommon common = records(ConfigSection.COMMON).getFirst().getCommon();
		assertThat(common.getName()).isEqualTo("Tradeport Demo");

		ConCommon stored = update(ConfigSection.COMMON, 0, ConfigRecord.newBuilder().setCommon(common.toBuilder()
			.setName("Broker Live").setBuild(999).setTimeZone(5).setKeepTicks(7)).build()).getCommon();

		assertThat(stored.getName()).isEqualTo("Broker Live");
		assertThat(stored.getKeepTicks()).isEqualTo(7);
		assertThat(stored.getBuild()).isEqualTo(common.getBuild());
		assertThat(stored.getTimeZone()).isZero();
		assertThat(refusal(() -> delete(ConfigSection.COMMON, 0)).retCode()).isEqualTo(3);
		assertThat(refusal(() -> shift(ConfigSection.COMMON, 0, 1)).retCode()).isEqualTo(3);
	}

	@Test
	void backupAndTimeAreSingleRecords() {
		ConBackup backup = records(ConfigSection.BACKUP).getFirst().getBackup();
		assertThat(backup.getFullBackupLastTime()).isPositive();
		var stored = update(ConfigSection.BACKUP, 0, ConfigRecord.newBuilder().setBackup(backup.toBuilder()
			.setFullBackupPeriod(30).setFullBackupLastTime(1)).build()).getBackup();
		assertThat(stored.getFullBackupPeriod()).isEqualTo(30);
		assertThat(stored.getFullBackupLastTime()).isEqualTo(backup.getFullBackupLastTime());

		ConTime time = records(ConfigSection.TIME).getFirst().getTime();
		assertThat(time.getDaysList()).hasSize(7).allSatisfy(d -> assertThat(d.getHoursList()).hasSize(24));
		ConTime closedSunday = time.toBuilder().setDays(6, ConTime.Day.newBuilder().addAllHours(java.util.Collections.nCopies(24, false))).build();
		assertThat(update(ConfigSection.TIME, 0, ConfigRecord.newBuilder().setTime(closedSunday).build()).getTime()).isEqualTo(closedSunday);
		assertThat(refusal(() -> update(ConfigSection.TIME, 0, ConfigRecord.newBuilder().setTime(ConTime.getDefaultInstance()).build()))
			.retCode()).isEqualTo(3);
		assertThat(refusal(() -> delete(ConfigSection.BACKUP, 0)).retCode()).isEqualTo(3);
	}

	@Test
	void symbolGroupsAreThirtyTwoNamedSlots() {
		assertThat(records(ConfigSection.SYMBOL_GROUPS)).hasSize(32);
		assertThat(records(ConfigSection.SYMBOL_GROUPS).get(1).getSymbolGroup().getName()).isEqualTo("Metals");

		update(ConfigSection.SYMBOL_GROUPS, 5, ConfigRecord.newBuilder().setSymbolGroup(ConSymbolGroup.newBuilder().setName("Crypto")).build());

		assertThat(records(ConfigSection.SYMBOL_GROUPS).get(5).getSymbolGroup().getName()).isEqualTo("Crypto");
		assertThat(refusal(() -> update(ConfigSection.SYMBOL_GROUPS, 32,
				ConfigRecord.newBuilder().setSymbolGroup(ConSymbolGroup.getDefaultInstance()).build())).retCode()).isEqualTo(3);
		assertThat(refusal(() -> delete(ConfigSection.SYMBOL_GROUPS, 5)).retCode()).isEqualTo(3);
	}

	@Test
	void aNewManagerLogsInWithItsRightsAndPasswordsAreNeverShown() {
		update(ConfigSection.MANAGERS, -1, ConfigRecord.newBuilder().setManager(ConManager.newBuilder().setLogin(20).setName("Risk")
			.setPassword("Risk1234").setGroups("demoforex").setSeeTrades(true).setRiskMan(true)).build());

		assertThat(records(ConfigSection.MANAGERS)).extracting(r -> r.getManager().getLogin()).containsExactly(1, 2, 20);
		assertThat(records(ConfigSection.MANAGERS)).allSatisfy(r -> assertThat(r.getManager().getPassword()).isEmpty());
		var risk = gateway.login(20, "Risk1234");
		assertThat(risk.session().getCurrentManager(io.tradeport.gateway.v1.GetCurrentManagerRequest.getDefaultInstance()).getRiskMan()).isTrue();
		assertThat(refusal(() -> risk.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.MANAGERS).build())).retCode())
			.isEqualTo(7);
		// Changing the name keeps the password.
		update(ConfigSection.MANAGERS, 2, ConfigRecord.newBuilder().setManager(ConManager.newBuilder().setLogin(20).setName("Risk desk")
			.setGroups("demoforex")).build());
		gateway.login(20, "Risk1234");
		shift(ConfigSection.MANAGERS, 2, -1);
		assertThat(records(ConfigSection.MANAGERS)).extracting(r -> r.getManager().getLogin()).containsExactly(1, 20, 2);
	}

	@Test
	void aManagerCannotLockItselfOut() {
		assertThat(refusal(() -> delete(ConfigSection.MANAGERS, 0)).retCode()).isEqualTo(3);
		assertThat(refusal(() -> update(ConfigSection.MANAGERS, 0, ConfigRecord.newBuilder().setManager(ConManager.newBuilder()
			.setLogin(1).setName("Administrator").setGroups("*")).build())).retCode()).isEqualTo(3);
		assertThat(refusal(() -> update(ConfigSection.MANAGERS, -1, ConfigRecord.newBuilder().setManager(ConManager.newBuilder()
			.setLogin(30).setName("No password")).build())).retCode()).isEqualTo(3);
	}

	@Test
	void aNewGroupTakesAccountsAndAGroupWithAccountsCannotBeDeleted() {
		Group demo = admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.GROUPS).setKey("demoforex").build())
			.getRecords(0).getGroup();
		assertThat(demo.getMarginCall()).isEqualTo(100);
		assertThat(demo.getMarginStopout()).isEqualTo(50);
		assertThat(demo.getDefaultLeverage()).isEqualTo(100);

		update(ConfigSection.GROUPS, -1, ConfigRecord.newBuilder().setGroup(demo.toBuilder().setName("vip").setDefaultLeverage(400)).build());
		User vip = admin.accounts().addUser(AddUserRequest.newBuilder().setUser(User.newBuilder().setGroup("vip").setEnable(true))
			.setPassword("Vip12345").build());

		assertThat(vip.getLeverage()).isEqualTo(400);
		assertThat(records(ConfigSection.GROUPS)).extracting(r -> r.getGroup().getName())
			.containsExactly("demoforex", "demoforex-eur", "demopro", "vip");
		assertThat(refusal(() -> delete(ConfigSection.GROUPS, 3)).retCode()).isEqualTo(3);
		shift(ConfigSection.GROUPS, 3, -3);
		assertThat(records(ConfigSection.GROUPS).getFirst().getGroup().getName()).isEqualTo("vip");
		admin.accounts().deleteUser(io.tradeport.gateway.v1.LoginRef.newBuilder().setLogin(vip.getLogin()).build());
		delete(ConfigSection.GROUPS, 0);
		assertThat(records(ConfigSection.GROUPS)).hasSize(3);
		assertThat(refusal(() -> update(ConfigSection.GROUPS, 0, ConfigRecord.newBuilder().setGroup(demo.toBuilder().setName("renamed")).build()))
			.retCode()).isEqualTo(3);
		assertThat(refusal(() -> update(ConfigSection.GROUPS, -1, ConfigRecord.newBuilder().setGroup(demo.toBuilder().setCurrency("X")).build()))
			.retCode()).isEqualTo(3);
	}

	@Test
	void groupChangesApplyToTheEngine() {
		Group demo = admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.GROUPS).setKey("demoforex").build())
			.getRecords(0).getGroup();
		update(ConfigSection.GROUPS, -1, ConfigRecord.newBuilder().setGroup(demo.toBuilder().setMaxPositions(1)).build());
		var open = TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN).setOrderBy(1001).setSymbol("EURUSD")
			.setCmd(TradeCommand.BUY).setVolume(10).build();
		admin.trading().tradeTransaction(open);

		assertThat(refusal(() -> admin.trading().tradeTransaction(open)).retCode()).isEqualTo(148);
	}

	@Test
	void aNewSymbolIsConfiguredQuotedAndTraded() {
		Symbol eurusd = admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setKey("EURUSD").build())
			.getRecords(0).getSymbol();
		assertThat(eurusd.getDescription()).isEqualTo("Euro vs US Dollar");
		assertThat(eurusd.getSessionsList()).hasSize(7);

		update(ConfigSection.SYMBOLS, -1, ConfigRecord.newBuilder().setSymbol(eurusd.toBuilder().setName("EURGBP")
			.setDescription("Euro vs Pound").setMarginCurrency("EUR").setProfitCurrency("GBP")).build());
		admin.market().sendTick(Tick.newBuilder().setSymbol("EURGBP").setBid(0.88150).setAsk(0.88165).build());
		var reply = admin.trading().tradeTransaction(TradeTransactionRequest.newBuilder().setType(TransactionType.TT_BR_ORDER_OPEN)
			.setOrderBy(1001).setSymbol("EURGBP").setCmd(TradeCommand.SELL).setVolume(10).build());

		assertThat(reply.getRetCode()).isZero();
		assertThat(admin.market().getSymbolInfos(SymbolsFilter.newBuilder().addSymbols("EURGBP").build()).getSymbolsList())
			.extracting(SymbolInfo::getBid).containsExactly(0.8815);
		shift(ConfigSection.SYMBOLS, 6, -6);
		assertThat(records(ConfigSection.SYMBOLS).getFirst().getSymbol().getName()).isEqualTo("EURGBP");
		// 1001 holds a position on EURGBP.
		var refused = refusal(() -> delete(ConfigSection.SYMBOLS, 0));
		assertThat(refused.status()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(refused.retCode()).isEqualTo(3);
		assertThat(refusal(() -> update(ConfigSection.SYMBOLS, -1, ConfigRecord.newBuilder().setSymbol(eurusd.toBuilder().setDigits(12)).build()))
			.retCode()).isEqualTo(3);
		assertThat(refusal(() -> admin.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setKey("NOPE").build()))
			.status()).isEqualTo(Status.Code.NOT_FOUND);
	}

	@Test
	void builtInPluginsExposeParametersThatCanBeChangedButNotAdded() {
		List<ConPlugin> plugins = records(ConfigSection.PLUGINS).stream().map(ConfigRecord::getPlugin).toList();
		assertThat(plugins).extracting(ConPlugin::getFile).contains(ServerConfig.PUMP_PLUGIN, ServerConfig.HISTORY_PLUGIN);

		var changed = update(ConfigSection.PLUGINS, -1, ConfigRecord.newBuilder().setPlugin(ConPlugin.newBuilder()
			.setFile(ServerConfig.PUMP_PLUGIN).setEnabled(true)
			.addParams(PluginParam.newBuilder().setName(ServerConfig.PUMP_BUFFER_PARAM).setValue("500"))).build()).getPlugin();

		assertThat(changed.getParamsList()).contains(PluginParam.newBuilder().setName(ServerConfig.PUMP_BUFFER_PARAM).setValue("500").build());
		assertThat(changed.getParamsCount()).isEqualTo(2);
		assertThat(refusal(() -> update(ConfigSection.PLUGINS, -1, ConfigRecord.newBuilder().setPlugin(ConPlugin.newBuilder()
			.setFile("evil.dll")).build())).status()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(refusal(() -> update(ConfigSection.PLUGINS, -1, ConfigRecord.newBuilder().setPlugin(ConPlugin.newBuilder()
			.setFile(ServerConfig.PUMP_PLUGIN).addParams(PluginParam.newBuilder().setName("Unknown"))).build())).retCode()).isEqualTo(3);
		assertThat(refusal(() -> delete(ConfigSection.PLUGINS, 0)).retCode()).isEqualTo(3);
		shift(ConfigSection.PLUGINS, 1, -1);
		assertThat(records(ConfigSection.PLUGINS).getFirst().getPlugin().getFile()).isEqualTo(ServerConfig.HISTORY_PLUGIN);
	}

	@Test
	void configurationNeedsTheAdminRightButGroupsAndSymbolsAreReadable() {
		var dealer = gateway.dealer();

		assertThat(dealer.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.GROUPS).build()).getRecordsCount()).isEqualTo(3);
		assertThat(dealer.config().request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOLS).build()).getRecordsCount()).isEqualTo(6);
		for (ConfigSection section : List.of(ConfigSection.ACCESS, ConfigSection.MANAGERS, ConfigSection.BACKUP, ConfigSection.PLUGINS)) {
			assertThat(refusal(() -> dealer.config().request(ConfigRequest.newBuilder().setSection(section).build())).retCode()).isEqualTo(7);
		}
		assertThat(refusal(() -> dealer.config().update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.HOLIDAYS)
			.setRecord(SAMPLES.get(ConfigSection.HOLIDAYS).get(0)).build())).retCode()).isEqualTo(7);
		assertThat(refusal(() -> dealer.config().delete(ConfigPosition.newBuilder().setSection(ConfigSection.GROUPS).build())).retCode())
			.isEqualTo(7);
		assertThat(refusal(() -> dealer.config().shift(ConfigShiftRequest.newBuilder().setSection(ConfigSection.GROUPS).setShift(1).build()))
			.retCode()).isEqualTo(7);
	}
}
