package io.tradeport.tradeserver.gateway;

import java.util.concurrent.atomic.AtomicReference;

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
import io.tradeport.tradeserver.config.ConfigList;

/**
 * The configuration sections held as protocol records: the ones this server only stores (see the
 * README for which take effect) plus the ordered group and symbol lists whose records are applied
 * to the engine.
 */
final class Sections {

	/** MT4 has exactly 32 symbol group (security) slots. */
	static final int SYMBOL_GROUP_SLOTS = 32;

	final AtomicReference<ConCommon> common = new AtomicReference<>(ConCommon.getDefaultInstance());
	final AtomicReference<ConBackup> backup = new AtomicReference<>(ConBackup.newBuilder()
		.setFullBackupPeriod(60).setFullBackupStore(24).build());
	final AtomicReference<ConTime> time = new AtomicReference<>(allHours());
	final ConfigList<ConAccess> access = new ConfigList<>(null);
	final ConfigList<ConDataServer> dataServers = new ConfigList<>(ConDataServer::getServer);
	final ConfigList<ConFeeder> feeders = new ConfigList<>(ConFeeder::getName);
	final ConfigList<ConGatewayAccount> gatewayAccounts = new ConfigList<>(null);
	final ConfigList<ConGatewayMarkup> gatewayMarkups = new ConfigList<>(null);
	final ConfigList<ConGatewayRule> gatewayRules = new ConfigList<>(null);
	final ConfigList<ConHoliday> holidays = new ConfigList<>(null);
	final ConfigList<ConLiveUpdate> liveUpdate = new ConfigList<>(null);
	final ConfigList<ConSymbolGroup> symbolGroups = new ConfigList<>(null);
	final ConfigList<ConSync> sync = new ConfigList<>(null);
	final ConfigList<Group> groups = new ConfigList<>(Group::getName);
	final ConfigList<Symbol> symbols = new ConfigList<>(Symbol::getName);

	Sections() {
		for (int i = 0; i < SYMBOL_GROUP_SLOTS; i++) {
			symbolGroups.put(i, ConSymbolGroup.getDefaultInstance());
		}
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
