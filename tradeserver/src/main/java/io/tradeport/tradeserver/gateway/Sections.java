package io.tradeport.tradeserver.gateway;

import java.util.Collections;
import java.util.List;

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
import io.tradeport.gateway.v1.ConSymbolGroup;
import io.tradeport.gateway.v1.ConSync;
import io.tradeport.gateway.v1.ConTime;
import io.tradeport.gateway.v1.Group;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.tradeserver.config.Codec;
import io.tradeport.tradeserver.config.ConfigList;
import io.tradeport.tradeserver.config.ConfigValue;
import io.tradeport.tradeserver.config.ServerStores;

/**
 * The configuration sections held as protocol records: the ones this server only stores (see the
 * README for which take effect) plus the ordered group and symbol lists whose records are applied
 * to the engine. The stored-only sections live in the server's stores (durable with a data
 * directory); GROUPS and SYMBOLS are rebuilt from the engine's configuration on every start.
 */
final class Sections {

	/** MT4 has exactly 32 symbol group (security) slots. */
	static final int SYMBOL_GROUP_SLOTS = 32;

	final ConfigValue<ConCommon> common;
	final ConfigValue<ConBackup> backup;
	final ConfigValue<ConTime> time;
	final ConfigList<ConAccess> access;
	final ConfigList<ConDataServer> dataServers;
	final ConfigList<ConFeeder> feeders;
	final ConfigList<ConGatewayAccount> gatewayAccounts;
	final ConfigList<ConGatewayMarkup> gatewayMarkups;
	final ConfigList<ConGatewayRule> gatewayRules;
	final ConfigList<ConHoliday> holidays;
	final ConfigList<ConLiveUpdate> liveUpdate;
	final ConfigList<ConSymbolGroup> symbolGroups;
	final ConfigList<ConSync> sync;
	final ConfigList<Group> groups = new ConfigList<>(Group::getName);
	final ConfigList<Symbol> symbols = new ConfigList<>(Symbol::getName);

	Sections(ServerStores stores) {
		common = stores.value("common", Codec.proto(ConCommon.parser()), ConCommon.getDefaultInstance());
		backup = stores.value("backup", Codec.proto(ConBackup.parser()), ConBackup.newBuilder()
			.setFullBackupPeriod(60).setFullBackupStore(24).build());
		time = stores.value("time", Codec.proto(ConTime.parser()), allHours());
		access = stores.list("access", null, Codec.proto(ConAccess.parser()), List.of());
		dataServers = stores.list("data-servers", ConDataServer::getServer, Codec.proto(ConDataServer.parser()), List.of());
		// The clear passwords of remote systems are kept in memory only: never written to disk, so they
		// are entered again after a restart (nothing on this server uses them yet).
		feeders = stores.list("feeders", ConFeeder::getName, Codec.proto(ConFeeder.parser())
			.redacting(r -> r.toBuilder().clearPassword().build()), List.of());
		gatewayAccounts = stores.list("gateway-accounts", null, Codec.proto(ConGatewayAccount.parser())
			.redacting(r -> r.toBuilder().clearPassword().build()), List.of());
		gatewayMarkups = stores.list("gateway-markups", null, Codec.proto(ConGatewayMarkup.parser()), List.of());
		gatewayRules = stores.list("gateway-rules", null, Codec.proto(ConGatewayRule.parser()), List.of());
		holidays = stores.list("holidays", null, Codec.proto(ConHoliday.parser()), List.of());
		liveUpdate = stores.list("live-update", null, Codec.proto(ConLiveUpdate.parser()), List.of());
		symbolGroups = stores.list("symbol-groups", null, Codec.proto(ConSymbolGroup.parser()),
				Collections.nCopies(SYMBOL_GROUP_SLOTS, ConSymbolGroup.getDefaultInstance()));
		sync = stores.list("sync", null, Codec.proto(ConSync.parser()).redacting(r -> r.toBuilder().clearPassword().build()),
				List.of());
	}

	private static ConTime allHours() {
		ConTime.Builder time = ConTime.newBuilder();
		for (int day = 0; day < 7; day++) {
			ConTime.Day.Builder hours = ConTime.Day.newBuilder();
			for (int hour = 0; hour < 24; hour++) {
				hours.addHours(true);
			}
			time.addDays(hours);
		}
		return time.build();
	}
}
