package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.BuiltInTradeServer;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigurationGrpc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cfg* and plugin operations against the built-in server: a change shows in the next read, shifts reorder, deletes
 * remove, and bad input is a Validation error or the server's MT4Error. Every test works on sections no other test here
 * changes, or relative to what it finds, since the server is shared by the class.
 */
@TradeportApplicationTest
class Mt4ConfigTests {

	@RegisterExtension
	static final BuiltInTradeServer tradeServer = BuiltInTradeServer.loopback();

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	ApiClients clients;

	Http http;
	String bearer;
	TradePlatformId platform;

	@BeforeEach
	void aPlatform() {
		http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("config", tradeServer.port(), "gateway-password", Set.of("read", "trade", "admin"), http);
		platform = connected.platform();
		bearer = connected.bearer();
	}

	/** A section whose update takes a {@code pos}; {@code change} is a partial body for the first record. */
	record Positioned(String name, String first, String second, String change, String changed, String changedTo, String kept,
			String keptAs) {

		@Override
		public String toString() {
			return name;
		}
	}

	/** A section updated by key; {@code change} names the first record by its key and changes one field. */
	record Keyed(String name, String key, String first, String second, String change, String changed, String changedTo, String kept,
			String keptAs) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Positioned> positionedSections() {
		return Stream.of(
				new Positioned("Access", "{\"action\":0,\"ipFrom\":167772160,\"ipTo\":167772415,\"comment\":\"first\"}",
						"{\"action\":1,\"ipFrom\":3232235520,\"ipTo\":3232235775,\"comment\":\"second\"}", "{\"comment\":\"first, changed\"}",
						"comment", "\"first, changed\"", "ipTo", "167772415"),
				new Positioned("DataServer",
						"{\"server\":\"first.example.com:443\",\"ip\":167772161,\"description\":\"first\",\"priority\":1,\"loading\":4294967295}",
						"{\"server\":\"second.example.com:443\",\"description\":\"second\"}", "{\"priority\":7}", "priority", "7", "loading",
						"4294967295"),
				new Positioned("Holiday", "{\"year\":2030,\"month\":12,\"day\":25,\"symbol\":\"All\",\"description\":\"first\",\"enable\":true}",
						"{\"year\":2031,\"month\":1,\"day\":1,\"symbol\":\"EURUSD\",\"description\":\"second\",\"enable\":true}",
						"{\"from\":600,\"to\":900}", "from", "600", "day", "25"));
	}

	static Stream<Keyed> keyedSections() {
		return Stream.of(
				new Keyed("Feeder", "name", "{\"name\":\"feed one\",\"file\":\"one.dll\",\"enable\":1,\"dataFeedMode\":\"News\",\"timeout\":30}",
						"{\"name\":\"feed two\",\"dataFeedMode\":\"Quotes\"}", "{\"name\":\"feed one\",\"timeout\":90}", "timeout", "90",
						"dataFeedMode", "\"News\""),
				new Keyed("GatewayAccount", "id",
						"{\"id\":11,\"name\":\"LP one\",\"login\":7001,\"address\":\"lp1.example.com:443\",\"notifyLogins\":[5,6],\"flags\":\"Quotes\",\"enable\":true}",
						"{\"id\":12,\"name\":\"LP two\"}", "{\"id\":11,\"login\":7002}", "login", "7002", "notifyLogins", "[5,6,0,0,0,0,0,0]"),
				new Keyed("GatewayMarkup", "source",
						"{\"source\":\"EURUSD.ecn\",\"symbol\":\"EURUSD\",\"bidMarkup\":-3,\"askMarkup\":3,\"enable\":true}",
						"{\"source\":\"GBPUSD.ecn\",\"symbol\":\"GBPUSD\"}", "{\"source\":\"EURUSD.ecn\",\"symbol\":\"EURUSD\",\"askMarkup\":5}",
						"askMarkup", "5", "bidMarkup", "-3"),
				new Keyed("GatewayRule", "name",
						"{\"name\":\"rule one\",\"requestSymbol\":\"EUR*\",\"requestGroup\":\"demo*\",\"exeVolumePercent\":30,\"enable\":true}",
						"{\"name\":\"rule two\"}", "{\"name\":\"rule one\",\"exeVolumePercent\":60}", "exeVolumePercent", "60", "requestGroup",
						"\"demo*\""),
				new Keyed("LiveUpdate", "company", "{\"company\":\"Broker One\",\"path\":\"lu/one\",\"version\":4,\"build\":1400,\"maxConnect\":10,\"enable\":1}",
						"{\"company\":\"Broker Two\"}", "{\"company\":\"Broker One\",\"build\":1420}", "build", "1420", "maxConnect", "10"),
				new Keyed("Sync", "login",
						"{\"server\":\"hist.example.com:443\",\"login\":\"one\",\"enable\":1,\"mode\":\"Insert\",\"from\":1700000000,\"to\":-1,\"securities\":\"EURUSD\"}",
						"{\"server\":\"hist.example.com:443\",\"login\":\"two\"}",
						"{\"server\":\"hist.example.com:443\",\"login\":\"one\",\"securities\":\"EURUSD,GBPUSD\"}", "securities", "\"EURUSD,GBPUSD\"",
						"from", "1700000000"));
	}

	@ParameterizedTest
	@MethodSource("positionedSections")
	void aPositionedRecordIsAppendedChangedInPlaceShiftedAndDeleted(Positioned section) {
		var name = section.name();
		var base = list(name).size();
		assertOk(post("/CfgUpdate" + name + "/" + base, section.first()));
		assertOk(post("/CfgUpdate" + name + "/" + (base + 1), section.second()));
		assertThat(list(name)).hasSize(base + 2);

		var changed = post("/CfgUpdate" + name + "/" + base, section.change());
		assertOk(changed);
		assertThat(changed.json().get("data").get(section.changed()).toString()).isEqualTo(section.changedTo());
		var first = list(name).get(base);
		assertThat(first.get(section.changed()).toString()).isEqualTo(section.changedTo());
		assertThat(first.get(section.kept()).toString()).as("a field the change left out").isEqualTo(section.keptAs());

		assertError(post("/CfgUpdate" + name + "/" + (base + 3), section.first()), 404, "NotFound");
		assertError(post("/CfgUpdate" + name + "/-1", section.first()), 400, "Validation");
		assertThat(list(name)).as("refused updates change nothing").hasSize(base + 2);

		assertOk(post("/CfgShift" + name + "/" + base + "?shift=1", null));
		assertThat(list(name).get(base + 1)).isEqualTo(first);
		assertError(post("/CfgShift" + name + "/" + base + "?shift=5", null), 400, "MT4Error");
		assertError(post("/CfgShift" + name + "/" + base, null), 400, "Validation");

		assertOk(post("/CfgDelete" + name + "/" + base, null));
		var left = list(name);
		assertThat(left).hasSize(base + 1);
		assertThat(left.get(base)).isEqualTo(first);
		assertError(post("/CfgDelete" + name + "/" + (base + 5), null), 400, "MT4Error");
		assertError(post("/CfgDelete" + name + "/abc", null), 400, "Validation");
	}

	@ParameterizedTest
	@MethodSource("keyedSections")
	void aKeyedRecordIsAddedThenChangedByItsKeyShiftedAndDeleted(Keyed section) {
		var name = section.name();
		var base = list(name).size();
		assertOk(post("/CfgUpdate" + name, section.first()));
		assertOk(post("/CfgUpdate" + name, section.second()));
		var added = list(name);
		assertThat(added).hasSize(base + 2);
		var firstKey = added.get(base).get(section.key());

		var changed = post("/CfgUpdate" + name, section.change());
		assertOk(changed);
		assertThat(changed.json().get("data").get(section.changed()).toString()).isEqualTo(section.changedTo());
		var records = list(name);
		assertThat(records).as("changed in place, not added").hasSize(base + 2);
		var first = records.get(base);
		assertThat(first.get(section.key())).isEqualTo(firstKey);
		assertThat(first.get(section.changed()).toString()).isEqualTo(section.changedTo());
		assertThat(first.get(section.kept()).toString()).as("a field the change left out").isEqualTo(section.keptAs());
		assertThat(first.has("password")).isFalse();

		assertError(post("/CfgUpdate" + name, "{}"), 400, "Validation");
		assertError(post("/CfgUpdate" + name, "not json"), 400, "Validation");

		assertOk(post("/CfgShift" + name + "/" + base + "?shift=1", null));
		assertThat(list(name).get(base + 1)).isEqualTo(first);
		assertOk(post("/CfgDelete" + name + "/" + (base + 1), null));
		var left = list(name);
		assertThat(left).hasSize(base + 1);
		assertThat(left.get(base).get(section.key())).isNotEqualTo(firstKey);
	}

	@Test
	void aLongSectionIsListedPageByPageInConfigurationOrder() {
		var base = list("Holiday").size();
		for (int day = 1; day <= 7; day++) {
			assertOk(post("/CfgUpdateHoliday/" + (base + day - 1),
					"{\"year\":2040,\"month\":5,\"day\":" + day + ",\"symbol\":\"All\",\"description\":\"paged " + day + "\",\"enable\":true}"));
		}
		var everything = list("Holiday");
		var paged = new ArrayList<JsonNode>();
		String cursor = null;
		var pages = 0;
		do {
			var page = get("/CfgRequestHoliday?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
			assertOk(page);
			var body = page.json();
			assertThat(body.get("data").size()).isLessThanOrEqualTo(3);
			body.get("data").forEach(paged::add);
			var paging = body.get("meta").get("paging");
			cursor = paging.get("hasMore").asBoolean() ? paging.get("nextCursor").asString() : null;
			assertThat(paging.get("nextCursor").isNull()).isEqualTo(cursor == null);
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isGreaterThanOrEqualTo(3);
		assertThat(paged).as("the pages together are the list, in configuration order").isEqualTo(everything);
		assertThat(paged.get(base + 6).get("description").asString()).isEqualTo("paged 7");

		assertError(get("/CfgRequestHoliday?limit=0"), 400, "Validation");
		assertError(get("/CfgRequestHoliday?limit=5001"), 400, "Validation");
		assertError(get("/CfgRequestHoliday?cursor=garbage"), 400, "Validation");
	}

	@Test
	void commonChangesAreReadBackWhileTheBuildAndLeftOutFieldsKeepTheServersValues() {
		var before = get("/CfgRequestCommon").json().get("data");
		assertThat(before.get("build").asInt()).isPositive();

		var changed = post("/CfgUpdateCommon", "{\"owner\":\"Round Trip Ltd\",\"keepTicks\":7}");
		assertOk(changed);
		assertThat(changed.json().get("data").get("owner").asString()).isEqualTo("Round Trip Ltd");
		var after = get("/CfgRequestCommon").json().get("data");
		assertThat(after.get("owner").asString()).isEqualTo("Round Trip Ltd");
		assertThat(after.get("name")).isEqualTo(before.get("name"));
		assertThat(after.get("build")).isEqualTo(before.get("build"));

		assertError(post("/CfgUpdateCommon", "{\"owner\":\"Not Applied\",\"minClient\":1200}"), 400, "Validation");
		assertError(post("/CfgUpdateCommon", "{\"owner\":\"" + "o".repeat(129) + "\"}"), 400, "Validation");
		assertThat(get("/CfgRequestCommon").json().get("data").get("owner").asString()).as("all or nothing").isEqualTo("Round Trip Ltd");
	}

	@Test
	void theAccessHourMatrixIsReplacedWholeAndMustHaveOneFlagPerHourOfTheWeek() {
		var hours = new ArrayList<>(Collections.nCopies(168, 1));
		for (int hour = 0; hour < 24; hour++) {
			hours.set(hour, 0);
		}
		assertOk(post("/CfgUpdateTime", "{\"accessHours\":" + hours + "}"));
		var read = get("/CfgRequestTime").json().get("data").get("accessHours");
		assertThat(read.size()).isEqualTo(168);
		assertThat(read.get(0).asInt()).as("Sunday 00:00").isZero();
		assertThat(read.get(23).asInt()).isZero();
		assertThat(read.get(24).asInt()).as("Monday 00:00").isEqualTo(1);
		assertThat(onServer(ConfigSection.TIME).getFirst().getTime().getDays(0).getHours(5)).isFalse();

		assertError(post("/CfgUpdateTime", "{\"accessHours\":" + Collections.nCopies(167, 1) + "}"), 400, "Validation");
		hours.set(30, 2);
		assertError(post("/CfgUpdateTime", "{\"accessHours\":" + hours + "}"), 400, "Validation");
		assertError(post("/CfgUpdateTime", "{}"), 400, "Validation");
	}

	@Test
	void backupSchedulesTakeTheContractsSpellingsAndTheCompletionTimesStayTheServers() {
		var before = get("/CfgRequestBackup").json().get("data");
		var lastFullBackup = before.get("fullBackupLastTime");
		assertThat(lastFullBackup.asString()).as("the built-in server backs up when it starts").doesNotStartWith("1970");

		var changed = post("/CfgUpdateBackup", "{\"fullBackupPeriod\":\"H4\",\"fullBackupStore\":\"Mn3\",\"fullBackupLastTime\":\"2001-01-01T00:00:00Z\"}");
		assertOk(changed);
		var backup = changed.json().get("data");
		assertThat(backup.get("fullBackupPeriod").asString()).isEqualTo("H4");
		assertThat(backup.get("fullBackupStore").asString()).isEqualTo("Mn3");
		assertThat(backup.get("fullBackupLastTime")).isEqualTo(lastFullBackup);
		assertThat(backup.get("watchRole").asString()).isEqualTo("StandAlone");
		var stored = onServer(ConfigSection.BACKUP).getFirst().getBackup();
		assertThat(stored.getFullBackupPeriod()).as("minutes").isEqualTo(240);
		assertThat(stored.getFullBackupStore()).as("backups kept: 90 days of 4-hourly").isEqualTo(540);

		assertOk(post("/CfgUpdateBackup", "{\"fullBackupPeriod\":\"D1\"}"));
		assertThat(get("/CfgRequestBackup").json().get("data").get("fullBackupStore").asString()).as("the retention stays").isEqualTo("Mn3");
		assertThat(onServer(ConfigSection.BACKUP).getFirst().getBackup().getFullBackupStore()).isEqualTo(90);

		assertError(post("/CfgUpdateBackup", "{\"fullBackupStore\":\"Y2\"}"), 400, "Validation");
		assertError(post("/CfgUpdateBackup", "{\"watchFailover\":\"Full\"}"), 400, "Validation");
		assertThat(get("/CfgRequestBackup").json().get("data").get("fullBackupPeriod").asString()).isEqualTo("D1");
	}

	@Test
	void managersAreChangedByLoginKeepTheirNameAndAreNotAddedWithoutAPassword() {
		var managers = list("Manager");
		assertThat(managers).extracting(manager -> manager.get("login").asInt()).containsExactly(1, 2);
		var dealerName = managers.get(1).get("name");
		assertThat(managers.get(1).get("money").asBoolean()).isFalse();

		var changed = post("/CfgUpdateManager", "{\"login\":2,\"money\":true,\"name\":\"Renamed\",\"mailBox\":\"desk\"}");
		assertOk(changed);
		assertThat(changed.json().get("data").get("name")).isEqualTo(dealerName);
		var dealer = list("Manager").get(1);
		assertThat(dealer.get("money").asBoolean()).isTrue();
		assertThat(dealer.get("mailBox").asString()).isEqualTo("desk");
		assertThat(dealer.get("broker").asBoolean()).as("a right the change left out").isTrue();

		assertError(post("/CfgUpdateManager", "{\"login\":77,\"admin\":true}"), 400, "MT4Error");
		assertError(post("/CfgUpdateManager", "{\"login\":0}"), 400, "Validation");
		assertError(post("/CfgUpdateManager", "{\"login\":2,\"ipFilter\":1}"), 400, "Validation");
		assertThat(list("Manager")).hasSize(2);

		assertOk(post("/CfgShiftManager/0?shift=1", null));
		assertThat(list("Manager")).extracting(manager -> manager.get("login").asInt()).containsExactly(2, 1);
		assertError(post("/CfgDeleteManager/1", null), 400, "MT4Error");
		assertOk(post("/CfgDeleteManager/0", null));
		assertThat(list("Manager")).extracting(manager -> manager.get("login").asInt()).containsExactly(1);
	}

	@Test
	void symbolGroupsAreTheThirtyTwoSlotsChangedInPlace() {
		var changed = post("/CfgUpdateSymbolGroup/7", "{\"name\":\"Crypto\",\"description\":\"coins\"}");
		assertOk(changed);
		assertThat(changed.json().get("data").get("name").asString()).isEqualTo("Crypto");
		assertOk(post("/CfgUpdateSymbolGroup/7", "{\"description\":\"digital assets\"}"));
		var slots = onServer(ConfigSection.SYMBOL_GROUPS);
		assertThat(slots).hasSize(32);
		assertThat(slots.get(7).getSymbolGroup().getName()).isEqualTo("Crypto");
		assertThat(slots.get(7).getSymbolGroup().getDescription()).isEqualTo("digital assets");
		assertThat(slots.get(0).getSymbolGroup().getName()).isEqualTo("Forex");

		assertError(post("/CfgUpdateSymbolGroup/32", "{\"name\":\"Beyond\"}"), 400, "Validation");
		assertError(post("/CfgUpdateSymbolGroup/8", "{\"name\":\"" + "n".repeat(17) + "\"}"), 400, "Validation");
	}

	@Test
	void groupsAndSymbolsAreReorderedAndOnlyASymbolNoOrderUsesIsDeleted() {
		var groups = names(ConfigSection.GROUPS);
		assertOk(post("/CfgShiftGroup/0?shift=2", null));
		var shifted = names(ConfigSection.GROUPS);
		assertThat(shifted.get(2)).isEqualTo(groups.get(0));
		assertThat(shifted.get(0)).isEqualTo(groups.get(1));
		assertError(post("/CfgShiftGroup/0?shift=-1", null), 400, "MT4Error");

		var symbols = names(ConfigSection.SYMBOLS);
		assertOk(post("/CfgShiftSymbol/0?shift=1", null));
		assertThat(names(ConfigSection.SYMBOLS).subList(0, 2)).containsExactly(symbols.get(1), symbols.get(0));

		var open = post("/TradeTransaction", "{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1001,\"symbol\":\"EURUSD\",\"volume\":10}");
		assertOk(open);
		assertError(post("/CfgDeleteSymbol/" + names(ConfigSection.SYMBOLS).indexOf("EURUSD"), null), 400, "MT4Error");
		assertOk(post("/CfgDeleteSymbol/" + names(ConfigSection.SYMBOLS).indexOf("US30"), null));
		assertThat(names(ConfigSection.SYMBOLS)).contains("EURUSD").doesNotContain("US30");
		assertError(post("/CfgDeleteSymbol/99", null), 400, "MT4Error");
	}

	@Test
	void pluginParametersAreChangedByNameAndPluginsReordered() {
		var plugins = get("/CfgRequestPlugin").json().get("data");
		assertThat(plugins.size()).isEqualTo(2);
		assertThat(plugins.get(0).get("plugin").get("file").asString()).isEqualTo("tradeport-pump.dll");
		assertThat(get("/PluginsGet").json().get("data").get(1).get("file").asString()).isEqualTo("tradeport-history.dll");

		assertOk(post("/CfgUpdatePlugin", "{\"plugin\":{\"file\":\"tradeport-pump.dll\"},\"params\":[{\"name\":\"Buffer events\",\"value\":\"20000\"}]}"));
		var pump = get("/PluginParamGet/0").json().get("data");
		assertThat(param(pump, "Buffer events")).isEqualTo("20000");
		assertThat(param(pump, "Margin interval ms")).as("a parameter the change left out").isEqualTo("1000");

		assertOk(post("/PluginUpdate", "{\"plugin\":{\"file\":\"tradeport-history.dll\",\"managerAccess\":0}}"));
		var history = get("/CfgRequestPlugin").json().get("data").get(1).get("plugin");
		assertThat(history.get("managerAccess").asInt()).isZero();
		assertThat(history.get("enabled").asInt()).isEqualTo(1);

		assertError(post("/CfgUpdatePlugin", "{\"plugin\":{\"file\":\"nothing-here.dll\"}}"), 404, "NotFound");
		assertError(post("/PluginUpdate", "{\"params\":[{\"name\":\"Buffer events\",\"value\":\"1\"}]}"), 400, "Validation");
		assertError(post("/PluginUpdate", "{\"plugin\":{\"file\":\"tradeport-pump.dll\"},\"params\":[{\"name\":\"Colour\",\"value\":\"red\"}]}"), 400,
				"MT4Error");
		assertThat(param(get("/PluginParamGet/0").json().get("data"), "Buffer events")).as("all or nothing").isEqualTo("20000");

		assertOk(post("/CfgShiftPlugin/0?shift=1", null));
		assertThat(get("/PluginsGet").json().get("data").get(0).get("file").asString()).isEqualTo("tradeport-history.dll");
		assertError(get("/PluginParamGet/2"), 404, "NotFound");
		assertError(get("/PluginParamGet/-1"), 400, "Validation");
	}

	@Test
	void aClientWithoutTheAdminScopeReadsTheConfigurationButCannotChangeIt() {
		var reader = fixtures.newPlatformOnGateway("configreader", tradeServer.port(), "gateway-password", Set.of("read"), http);
		var path = "/api/v2/MT4/" + reader.platform();
		assertThat(http.get(path + "/CfgRequestAccess", "Authorization", reader.bearer()).status()).isEqualTo(200);
		var refused = http.postRaw(path + "/CfgDeleteAccess/0", "application/json", "", "Authorization", reader.bearer());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("error").get("code").asString()).isEqualTo("Forbidden");
		var stranger = http.get("/api/v2/MT4/" + UUID.randomUUID() + "/CfgRequestManager", "Authorization", bearer);
		assertThat(stranger.status()).isIn(403, 404);
	}

	private List<JsonNode> list(String name) {
		var response = get("/CfgRequest" + name);
		assertOk(response);
		var records = new ArrayList<JsonNode>();
		response.json().get("data").forEach(records::add);
		return records;
	}

	private static String param(JsonNode pluginParam, String name) {
		for (var param : pluginParam.get("params")) {
			if (param.get("name").asString().equals(name)) {
				return param.get("value").asString();
			}
		}
		throw new AssertionError("no parameter " + name + " in " + pluginParam);
	}

	private static List<String> names(ConfigSection section) {
		return onServer(section).stream()
			.map(record -> record.hasGroup() ? record.getGroup().getName() : record.getSymbol().getName())
			.toList();
	}

	/** The section as the gateway has it, read as the administrator. */
	private static List<ConfigRecord> onServer(ConfigSection section) {
		return ConfigurationGrpc.newBlockingStub(tradeServer.administrator())
			.request(ConfigRequest.newBuilder().setSection(section).build()).getRecordsList();
	}

	private Http.Response get(String operation) {
		return http.get("/api/v2/MT4/" + platform + operation, "Authorization", bearer);
	}

	private Http.Response post(String operation, String body) {
		return http.sendRaw("POST", "/api/v2/MT4/" + platform + operation, "application/json-patch+json", body == null ? "" : body,
				"Authorization", bearer);
	}

	private static void assertOk(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("error").isNull()).as(response.body()).isTrue();
	}

	private static void assertError(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.json().get("error").get("code").asString()).as(response.body()).isEqualTo(code);
		assertThat(response.json().get("data").isNull()).isTrue();
	}
}
