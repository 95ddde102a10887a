package io.tradeport.cloud.webapi;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Access;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Backup;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Common;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4CommonUpdate;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4DataServer;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Feeder;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4GatewayAccount;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4GatewayMarkup;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4GatewayRule;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Holiday;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4LiveUpdate;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4ManagerRights;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4ServerTime;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4SymbolGroup;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Sync;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigSection;

/**
 * The table behind the Cfg* operations: each section under its name in the contract's paths ({@code CfgRequestFeeder},
 * {@code CfgDeleteFeeder/{pos}}, …) with its gateway section and its DTO mapping both ways.
 */
final class ConfigSections {

	/**
	 * How an update without {@code pos} finds its record: by the contract's key fields. {@code onGateway}: the gateway
	 * keys the section the same way, so the update is sent by key and cannot hit a record that moved meanwhile.
	 */
	record Key<B>(String fields, Function<B, @Nullable Object> ofBody, Function<ConfigRecord, Object> ofRecord, boolean onGateway) {
	}

	/** One section: {@code read} makes the contract's DTO, {@code overlay} lays a body ({@code B}) over a record. */
	record Section<B, R>(String name, ConfigSection section, Function<ConfigRecord, R> read,
			BiFunction<B, ConfigRecord, ConfigRecord> overlay, @Nullable Key<B> key) {
	}

	static final Section<MT4CommonUpdate, MT4Common> COMMON = new Section<>("Common", ConfigSection.COMMON,
			r -> MT4Common.of(r.getCommon()), (body, r) -> record(b -> b.setCommon(body.applyTo(r.getCommon()))), null);

	static final Section<MT4Backup, MT4Backup> BACKUP = new Section<>("Backup", ConfigSection.BACKUP,
			r -> MT4Backup.of(r.getBackup()), (body, r) -> record(b -> b.setBackup(body.applyTo(r.getBackup()))), null);

	static final Section<MT4ServerTime, MT4ServerTime> TIME = new Section<>("Time", ConfigSection.TIME,
			r -> MT4ServerTime.of(r.getTime()), (body, r) -> record(b -> b.setTime(body.applyTo(r.getTime()))), null);

	static final Section<MT4Access, MT4Access> ACCESS = new Section<>("Access", ConfigSection.ACCESS,
			r -> MT4Access.of(r.getAccess()), (body, r) -> record(b -> b.setAccess(body.applyTo(r.getAccess()))), null);

	static final Section<MT4DataServer, MT4DataServer> DATA_SERVER = new Section<>("DataServer", ConfigSection.DATA_SERVERS,
			r -> MT4DataServer.of(r.getDataServer()), (body, r) -> record(b -> b.setDataServer(body.applyTo(r.getDataServer()))), null);

	static final Section<MT4Holiday, MT4Holiday> HOLIDAY = new Section<>("Holiday", ConfigSection.HOLIDAYS,
			r -> MT4Holiday.of(r.getHoliday()), (body, r) -> record(b -> b.setHoliday(body.applyTo(r.getHoliday()))), null);

	static final Section<MT4SymbolGroup, MT4SymbolGroup> SYMBOL_GROUP = new Section<>("SymbolGroup", ConfigSection.SYMBOL_GROUPS,
			r -> MT4SymbolGroup.of(r.getSymbolGroup()), (body, r) -> record(b -> b.setSymbolGroup(body.applyTo(r.getSymbolGroup()))),
			null);

	static final Section<MT4Feeder, MT4Feeder> FEEDER = new Section<>("Feeder", ConfigSection.FEEDERS,
			r -> MT4Feeder.of(r.getFeeder()), (body, r) -> record(b -> b.setFeeder(body.applyTo(r.getFeeder()))),
			new Key<>("name", MT4Feeder::name, r -> r.getFeeder().getName(), true));

	static final Section<MT4GatewayAccount, MT4GatewayAccount> GATEWAY_ACCOUNT = new Section<>("GatewayAccount",
			ConfigSection.GATEWAY_ACCOUNTS, r -> MT4GatewayAccount.of(r.getGatewayAccount()),
			(body, r) -> record(b -> b.setGatewayAccount(body.applyTo(r.getGatewayAccount()))),
			new Key<>("id", MT4GatewayAccount::id, r -> r.getGatewayAccount().getId(), false));

	static final Section<MT4GatewayMarkup, MT4GatewayMarkup> GATEWAY_MARKUP = new Section<>("GatewayMarkup",
			ConfigSection.GATEWAY_MARKUPS, r -> MT4GatewayMarkup.of(r.getGatewayMarkup()),
			(body, r) -> record(b -> b.setGatewayMarkup(body.applyTo(r.getGatewayMarkup()))),
			new Key<>("source and symbol", body -> pair(body.source(), body.symbol()),
					r -> List.of(r.getGatewayMarkup().getSource(), r.getGatewayMarkup().getSymbol()), false));

	static final Section<MT4GatewayRule, MT4GatewayRule> GATEWAY_RULE = new Section<>("GatewayRule", ConfigSection.GATEWAY_RULES,
			r -> MT4GatewayRule.of(r.getGatewayRule()), (body, r) -> record(b -> b.setGatewayRule(body.applyTo(r.getGatewayRule()))),
			new Key<>("name", MT4GatewayRule::name, r -> r.getGatewayRule().getName(), false));

	static final Section<MT4LiveUpdate, MT4LiveUpdate> LIVE_UPDATE = new Section<>("LiveUpdate", ConfigSection.LIVE_UPDATE,
			r -> MT4LiveUpdate.of(r.getLiveUpdate()), (body, r) -> record(b -> b.setLiveUpdate(body.applyTo(r.getLiveUpdate()))),
			new Key<>("company", MT4LiveUpdate::company, r -> r.getLiveUpdate().getCompany(), false));

	static final Section<MT4ManagerRights, MT4ManagerRights> MANAGER = new Section<>("Manager", ConfigSection.MANAGERS,
			r -> MT4ManagerRights.of(r.getManager()), (body, r) -> record(b -> b.setManager(body.applyTo(r.getManager()))),
			new Key<>("login", MT4ManagerRights::login, r -> r.getManager().getLogin(), true));

	static final Section<MT4Sync, MT4Sync> SYNC = new Section<>("Sync", ConfigSection.SYNC, r -> MT4Sync.of(r.getSync()),
			(body, r) -> record(b -> b.setSync(body.applyTo(r.getSync()))),
			new Key<>("server and login", body -> pair(body.server(), body.login()),
					r -> List.of(r.getSync().getServer(), r.getSync().getLogin()), false));

	private static final Map<String, Section<?, ?>> BY_NAME = Stream.of(COMMON, BACKUP, TIME, ACCESS, DATA_SERVER, HOLIDAY,
			SYMBOL_GROUP, FEEDER, GATEWAY_ACCOUNT, GATEWAY_MARKUP, GATEWAY_RULE, LIVE_UPDATE, MANAGER, SYNC)
		.collect(Collectors.toUnmodifiableMap(Section::name, Function.identity()));

	/** What CfgDelete and CfgShift name, including sections whose records other areas show (symbols, groups, plugins). */
	private static final Map<String, ConfigSection> ORDERED = Stream.concat(
			BY_NAME.values().stream().map(section -> Map.entry(section.name(), section.section())),
			Stream.of(Map.entry("Symbol", ConfigSection.SYMBOLS), Map.entry("Group", ConfigSection.GROUPS),
					Map.entry("Plugin", ConfigSection.PLUGINS)))
		.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

	private ConfigSections() {
	}

	static Section<?, ?> named(String name) {
		var section = BY_NAME.get(name);
		if (section == null) {
			throw new IllegalArgumentException("No configuration section " + name);
		}
		return section;
	}

	static ConfigSection orderedNamed(String name) {
		var section = ORDERED.get(name);
		if (section == null) {
			throw new IllegalArgumentException("No configuration section " + name);
		}
		return section;
	}

	private static ConfigRecord record(UnaryOperator<ConfigRecord.Builder> fill) {
		return fill.apply(ConfigRecord.newBuilder()).build();
	}

	private static @Nullable Object pair(@Nullable String first, @Nullable String second) {
		return first == null || second == null ? null : List.of(first, second);
	}
}
