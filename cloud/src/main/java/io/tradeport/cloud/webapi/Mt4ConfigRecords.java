package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

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
import io.tradeport.gateway.v1.ConSymbolGroup;
import io.tradeport.gateway.v1.ConSync;
import io.tradeport.gateway.v1.ConTime;

import static io.tradeport.cloud.webapi.ConfigFields.between;
import static io.tradeport.cloud.webapi.ConfigFields.dottedQuad;
import static io.tradeport.cloud.webapi.ConfigFields.ipv4;
import static io.tradeport.cloud.webapi.ConfigFields.notCarried;
import static io.tradeport.cloud.webapi.ConfigFields.notNegative;
import static io.tradeport.cloud.webapi.ConfigFields.set;
import static io.tradeport.cloud.webapi.ConfigFields.text;
import static io.tradeport.cloud.webapi.ConfigFields.unsigned;
import static io.tradeport.cloud.webapi.ConfigFields.zeroOrOne;

/**
 * The contract's configuration DTOs (field names, types and enum spellings as the SDK expects them), each read from its
 * gateway record ({@code of}) and laid over one ({@code applyTo}). The same records are the request bodies, so every
 * component is nullable: a field a body leaves out keeps the record's value, as the contract's "Type 1 mutators" do.
 * Text limits are the sizes of MT4's fixed fields. Password fields are not in the contract and are never returned.
 */
final class Mt4ConfigRecords {

	private Mt4ConfigRecords() {
	}

	/** COMMON as the reads show it. The gateway's record has no server version (ServerInfo's is free text), so it is 0. */
	record MT4Common(String name, String owner, int build, int version, int timeZone) {

		static MT4Common of(ConCommon common) {
			return new MT4Common(common.getName(), common.getOwner(), common.getBuild(), 0, common.getTimeZone());
		}
	}

	/** The writable part of COMMON; build and the runtime counters keep the server's values. */
	record MT4CommonUpdate(@Nullable String name, @Nullable String owner, @Nullable Integer timeZone,
			@Nullable Integer daylightCorrection, @Nullable Integer timeZoneReal, @Nullable String timeSync,
			@Nullable Integer minClient, @Nullable Integer minApi, @Nullable Integer keepEmails, @Nullable Integer keepTicks,
			@Nullable Integer antiFlood, @Nullable Integer floodControl) {

		ConCommon applyTo(ConCommon current) {
			notCarried("timeZoneReal", timeZoneReal, 0);
			notCarried("timeSync", timeSync, "");
			notCarried("minClient", minClient, 0);
			notCarried("minApi", minApi, 0);
			var next = current.toBuilder();
			set(text("name", name, 32), next::setName);
			set(text("owner", owner, 128), next::setOwner);
			set(between("timeZone", timeZone, -12, 14), next::setTimeZone);
			set(daylightCorrection, next::setDaylightCorrection);
			set(notNegative("keepEmails", keepEmails), next::setKeepEmails);
			set(notNegative("keepTicks", keepTicks), next::setKeepTicks);
			set(notNegative("antiFlood", antiFlood), next::setAntiFlood);
			set(notNegative("floodControl", floodControl), next::setFloodControl);
			return next.build();
		}
	}

	/** TIME: 7 × 24 flags, day 0 = Sunday, as MT4's ConTime and the gateway's days. */
	record MT4ServerTime(@Nullable List<@Nullable Integer> accessHours) {

		private static final int HOURS = 7 * 24;

		static MT4ServerTime of(ConTime time) {
			var hours = new ArrayList<@Nullable Integer>(HOURS);
			for (int day = 0; day < 7; day++) {
				var flags = day < time.getDaysCount() ? time.getDays(day).getHoursList() : List.<Boolean>of();
				for (int hour = 0; hour < 24; hour++) {
					hours.add(hour < flags.size() && flags.get(hour) ? 1 : 0);
				}
			}
			return new MT4ServerTime(hours);
		}

		/** The whole matrix is replaced; the contract passes other values through, but the gateway keeps booleans. */
		ConTime applyTo(ConTime current) {
			if (accessHours == null || accessHours.size() != HOURS) {
				throw ApiException.validation("accessHours has " + HOURS + " entries, index day * 24 + hour");
			}
			var next = ConTime.newBuilder();
			for (int day = 0; day < 7; day++) {
				var hours = ConTime.Day.newBuilder();
				for (int hour = 0; hour < 24; hour++) {
					var flag = accessHours.get(day * 24 + hour);
					if (flag == null || (flag != 0 && flag != 1)) {
						throw ApiException.validation("accessHours holds 0 (denied) or 1 (allowed)");
					}
					hours.addHours(flag == 1);
				}
				next.addDays(hours);
			}
			return next.build();
		}
	}

	/**
	 * BACKUP. The gateway keeps periods in minutes and stores as the number of backups kept (the built-in server's
	 * reading); the contract's retention spellings are converted with the period, so a retention that is no whole number
	 * of the contract's (say 24 hourly backups, one day) and a period it has no spelling for are answered null. The
	 * completion times are the server's; the shifts and the watchdog (HA pair) are not carried by the gateway.
	 */
	record MT4Backup(@Nullable String fullBackupPath, @Nullable String fullBackupPeriod, @Nullable String fullBackupStore,
			@Nullable Integer fullBackupShift, @Nullable Instant fullBackupLastTime, @Nullable String externalPath,
			@Nullable String archivePeriod, @Nullable String archiveStore, @Nullable Integer archiveShift,
			@Nullable Instant archiveLastTime, @Nullable String exportSecurities, @Nullable String exportPath,
			@Nullable String exportPeriod, @Nullable Instant exportLastTime, @Nullable String watchRole,
			@Nullable String watchOpposite, @Nullable Integer watchIp, @Nullable String watchState, @Nullable String watchFailover,
			@Nullable Integer watchTimeout, @Nullable Integer watchLogin, @Nullable Integer watchTimestamp) {

		private static final ConfigFields.Spellings FULL_PERIOD = minutes("fullBackupPeriod", "H1", 60, "H4", 240, "D1", 1440);
		private static final Retention FULL_STORE = new Retention("fullBackupStore", pairs("Mn1", 30, "Mn3", 90, "Mn6", 180, "Y1", 365));
		private static final ConfigFields.Spellings ARCHIVE_PERIOD = minutes("archivePeriod", "M5", 5, "M15", 15, "M30", 30, "H1", 60);
		private static final Retention ARCHIVE_STORE = new Retention("archiveStore",
				pairs("W1", 7, "W2", 14, "Mn1", 30, "Mn3", 90, "Mn6", 180));
		private static final ConfigFields.Spellings EXPORT_PERIOD = minutes("exportPeriod", "M1", 1, "M5", 5, "M15", 15, "M30", 30,
				"H1", 60);

		static MT4Backup of(ConBackup backup) {
			return new MT4Backup(backup.getFullBackupPath(), FULL_PERIOD.of(backup.getFullBackupPeriod()),
					FULL_STORE.of(backup.getFullBackupStore(), backup.getFullBackupPeriod()), 0,
					Instant.ofEpochMilli(backup.getFullBackupLastTime()), backup.getExternalPath(),
					ARCHIVE_PERIOD.of(backup.getArchivePeriod()), ARCHIVE_STORE.of(backup.getArchiveStore(), backup.getArchivePeriod()), 0,
					Instant.ofEpochMilli(backup.getArchiveLastTime()), backup.getExportSecurities(), backup.getExportPath(),
					EXPORT_PERIOD.of(backup.getExportPeriod()), Instant.ofEpochMilli(backup.getExportLastTime()), "StandAlone", null, 0,
					"Disconnected", "Off", 0, 0, 0);
		}

		ConBackup applyTo(ConBackup current) {
			notCarried("fullBackupShift", fullBackupShift, 0);
			notCarried("archiveShift", archiveShift, 0);
			notCarried("watchRole", watchRole, "StandAlone");
			notCarried("watchOpposite", watchOpposite, "");
			notCarried("watchIp", watchIp, 0);
			notCarried("watchState", watchState, "Disconnected");
			notCarried("watchFailover", watchFailover, "Off");
			notCarried("watchTimeout", watchTimeout, 0);
			notCarried("watchLogin", watchLogin, 0);
			var next = current.toBuilder();
			set(text("fullBackupPath", fullBackupPath, 256), next::setFullBackupPath);
			set(text("externalPath", externalPath, 256), next::setExternalPath);
			set(text("exportSecurities", exportSecurities, 1024), next::setExportSecurities);
			set(text("exportPath", exportPath, 256), next::setExportPath);
			set(FULL_PERIOD.value(fullBackupPeriod), next::setFullBackupPeriod);
			set(ARCHIVE_PERIOD.value(archivePeriod), next::setArchivePeriod);
			set(EXPORT_PERIOD.value(exportPeriod), next::setExportPeriod);
			// A new period keeps the retention the store stood for, unless the body gives another one.
			FULL_STORE.apply(fullBackupStore, current.getFullBackupStore(), current.getFullBackupPeriod(), next.getFullBackupPeriod(),
					next::setFullBackupStore);
			ARCHIVE_STORE.apply(archiveStore, current.getArchiveStore(), current.getArchivePeriod(), next.getArchivePeriod(),
					next::setArchiveStore);
			return next.build();
		}

		private static ConfigFields.Spellings minutes(String field, Object... spellingsAndMinutes) {
			return new ConfigFields.Spellings(field, pairs(spellingsAndMinutes));
		}

		private static Map<String, Integer> pairs(Object... spellingsAndValues) {
			var values = new LinkedHashMap<String, Integer>();
			for (int i = 0; i < spellingsAndValues.length; i += 2) {
				values.put((String) spellingsAndValues[i], (Integer) spellingsAndValues[i + 1]);
			}
			return values;
		}

		/** A retention spelling ("Mn1") against the number of backups kept at a period in minutes. */
		private record Retention(String field, Map<String, Integer> days) {

			@Nullable String of(int kept, int periodMinutes) {
				return days.entrySet().stream()
					.filter(entry -> periodMinutes > 0 && (long) kept * periodMinutes == entry.getValue() * 1440L)
					.map(Map.Entry::getKey)
					.findFirst()
					.orElse(null);
			}

			void apply(@Nullable String spelling, int currentKept, int currentPeriod, int nextPeriod, IntConsumer setKept) {
				var wanted = spelling != null ? spelling : of(currentKept, currentPeriod);
				if (wanted == null || (spelling == null && nextPeriod == currentPeriod)) {
					return;
				}
				var retention = days.get(wanted);
				if (retention == null) {
					throw ApiException.validation("Unknown " + field + " \"" + wanted + "\"; one of " + days.keySet());
				}
				if (nextPeriod <= 0) {
					throw ApiException.validation(field + " needs a backup period");
				}
				setKept.accept(Math.max(1, (int) (retention * 1440L / nextPeriod)));
			}
		}
	}

	/**
	 * ACCESS: {@code action} is MT4's FW_BLOCK (0) or FW_PERMIT (1), and 2 for the gateway's "allow without check";
	 * addresses as unsigned numbers (an IPv6 rule has none: null).
	 */
	record MT4Access(@Nullable Integer action, @Nullable Long ipFrom, @Nullable Long ipTo, @Nullable String comment) {

		private static final List<ConAccess.Action> ACTIONS = List.of(ConAccess.Action.DENY, ConAccess.Action.ALLOW,
				ConAccess.Action.ALLOW_WITHOUT_CHECK);

		static MT4Access of(ConAccess access) {
			var action = ACTIONS.indexOf(access.getAction());
			var from = ipv4(access.getIpFrom());
			return new MT4Access(action >= 0 ? action : access.getActionValue(), from,
					access.getIpTo().isBlank() ? from : ipv4(access.getIpTo()), access.getComment());
		}

		ConAccess applyTo(ConAccess current) {
			var next = current.toBuilder();
			set(action == null ? null : ACTIONS.get(between("action", action, 0, 2)), next::setAction);
			set(ipFrom == null ? null : dottedQuad("ipFrom", ipFrom), next::setIpFrom);
			set(ipTo == null ? null : dottedQuad("ipTo", ipTo), next::setIpTo);
			set(text("comment", comment, 64), next::setComment);
			var from = ipv4(next.getIpFrom());
			var to = next.getIpTo().isBlank() ? from : ipv4(next.getIpTo());
			if (from != null && to != null && from > to) {
				throw ApiException.validation("ipFrom must not be above ipTo");
			}
			return next.build();
		}
	}

	/** DATA_SERVERS: {@code ip} is the unsigned address number as a signed int (the wrapper's raw int). */
	record MT4DataServer(@Nullable String server, @Nullable Integer ip, @Nullable String description, @Nullable Integer isProxy,
			@Nullable Integer priority, @Nullable Long loading, @Nullable Long ipInternal, @Nullable Integer isWitness) {

		static MT4DataServer of(ConDataServer server) {
			var ip = ipv4(server.getIp());
			return new MT4DataServer(server.getServer(), ip == null ? null : ip.intValue(), server.getDescription(),
					zeroOrOne(server.getIsProxy()), server.getPriority(), Integer.toUnsignedLong(server.getLoading()),
					ipv4(server.getIpInternal()), 0);
		}

		ConDataServer applyTo(ConDataServer current) {
			notCarried("isWitness", isWitness, 0);
			var next = current.toBuilder();
			set(text("server", server, 64), next::setServer);
			set(ip == null ? null : address("ip", Integer.toUnsignedLong(ip)), next::setIp);
			set(text("description", description, 64), next::setDescription);
			set(zeroOrOne("isProxy", isProxy), next::setIsProxy);
			set(between("priority", priority, 0, 255), next::setPriority);
			var load = unsigned("loading", loading);
			set(load == null ? null : load.intValue(), next::setLoading);
			set(ipInternal == null ? null : address("ipInternal", ipInternal), next::setIpInternal);
			return next.build();
		}

		/** A data server without an address has 0, MT4's "none". */
		private static String address(String field, long number) {
			return number == 0 ? "" : dottedQuad(field, number);
		}
	}

	/** FEEDERS, by name. The datafeed password is write-only on the gateway and not in the contract. */
	record MT4Feeder(@Nullable String name, @Nullable String file, @Nullable String server, @Nullable String login,
			@Nullable String keywords, @Nullable Integer enable, @Nullable String dataFeedMode, @Nullable Integer timeout,
			@Nullable Integer timeoutReconnect, @Nullable Integer timeoutSleep, @Nullable Integer attempsSleep,
			@Nullable Integer newsLangId) {

		private static final ConfigFields.Spellings MODES = ConfigFields.Spellings.indexed("dataFeedMode", "Quotes", "News",
				"QuotesNews");

		static MT4Feeder of(ConFeeder feeder) {
			return new MT4Feeder(feeder.getName(), feeder.getFile(), feeder.getServer(), feeder.getLogin(), feeder.getKeywords(),
					zeroOrOne(feeder.getEnable()), MODES.of(feeder.getMode()), feeder.getTimeout(), feeder.getTimeoutReconnect(),
					feeder.getTimeoutSleep(), feeder.getAttemptsSleep(), 0);
		}

		ConFeeder applyTo(ConFeeder current) {
			notCarried("newsLangId", newsLangId, 0);
			var next = current.toBuilder();
			set(text("name", name, 64), next::setName);
			set(text("file", file, 256), next::setFile);
			set(text("server", server, 64), next::setServer);
			set(text("login", login, 32), next::setLogin);
			set(text("keywords", keywords, 256), next::setKeywords);
			set(zeroOrOne("enable", enable), next::setEnable);
			set(MODES.value(dataFeedMode), next::setMode);
			set(notNegative("timeout", timeout), next::setTimeout);
			set(notNegative("timeoutReconnect", timeoutReconnect), next::setTimeoutReconnect);
			set(notNegative("timeoutSleep", timeoutSleep), next::setTimeoutSleep);
			set(notNegative("attempsSleep", attempsSleep), next::setAttemptsSleep);
			return next.build();
		}
	}

	/**
	 * GATEWAY_ACCOUNTS, by id. MT4's eight notification slots are the gateway's comma-separated logins (0 = empty slot);
	 * the password is write-only on the gateway and not in the contract.
	 */
	record MT4GatewayAccount(@Nullable Boolean enable, @Nullable String name, @Nullable Integer id, @Nullable Integer type,
			@Nullable Integer login, @Nullable String address, @Nullable List<@Nullable Integer> notifyLogins, @Nullable String flags) {

		private static final int NOTIFY_SLOTS = 8;
		private static final ConfigFields.Spellings FLAGS = ConfigFields.Spellings.indexed("flags", "None", "Quotes");

		static MT4GatewayAccount of(ConGatewayAccount account) {
			return new MT4GatewayAccount(account.getEnable(), account.getName(), account.getId(), account.getType(), account.getLogin(),
					account.getAddress(), notifyLogins(account.getNotifyLogins()), FLAGS.of(account.getFlags()));
		}

		/** Null when the gateway's text holds something other than logins. */
		private static @Nullable List<@Nullable Integer> notifyLogins(String logins) {
			var slots = new ArrayList<@Nullable Integer>();
			try {
				for (var login : logins.split("[,;\\s]+")) {
					if (!login.isEmpty()) {
						slots.add(Integer.parseInt(login));
					}
				}
			}
			catch (NumberFormatException notLogins) {
				return null;
			}
			while (slots.size() < NOTIFY_SLOTS) {
				slots.add(0);
			}
			return slots;
		}

		ConGatewayAccount applyTo(ConGatewayAccount current) {
			var next = current.toBuilder();
			set(enable, next::setEnable);
			set(text("name", name, 64), next::setName);
			set(notNegative("id", id), next::setId);
			set(type, next::setType);
			set(notNegative("login", login), next::setLogin);
			set(text("address", address, 64), next::setAddress);
			if (notifyLogins != null) {
				if (notifyLogins.size() > NOTIFY_SLOTS || notifyLogins.stream().anyMatch(login -> login == null || login < 0)) {
					throw ApiException.validation("notifyLogins holds at most " + NOTIFY_SLOTS + " logins (0 for an empty slot)");
				}
				next.setNotifyLogins(notifyLogins.stream().filter(login -> login != null && login != 0).map(String::valueOf)
					.collect(Collectors.joining(",")));
			}
			set(FLAGS.value(flags), next::setFlags);
			return next.build();
		}
	}

	/** GATEWAY_MARKUPS, by source and symbol. */
	record MT4GatewayMarkup(@Nullable Boolean enable, @Nullable String source, @Nullable String symbol, @Nullable String accountName,
			@Nullable Integer accountId, @Nullable Integer bidMarkup, @Nullable Integer askMarkup) {

		static MT4GatewayMarkup of(ConGatewayMarkup markup) {
			return new MT4GatewayMarkup(markup.getEnable(), markup.getSource(), markup.getSymbol(), markup.getAccountName(),
					markup.getAccountId(), markup.getBidMarkup(), markup.getAskMarkup());
		}

		ConGatewayMarkup applyTo(ConGatewayMarkup current) {
			var next = current.toBuilder();
			set(enable, next::setEnable);
			set(text("source", source, 128), next::setSource);
			set(text("symbol", symbol, 12), next::setSymbol);
			set(text("accountName", accountName, 64), next::setAccountName);
			set(accountId, next::setAccountId);
			set(bidMarkup, next::setBidMarkup);
			set(askMarkup, next::setAskMarkup);
			return next.build();
		}
	}

	/** GATEWAY_RULES, by name. */
	record MT4GatewayRule(@Nullable Boolean enable, @Nullable String name, @Nullable String requestSymbol,
			@Nullable String requestGroup, @Nullable String exeAccountName, @Nullable Integer exeAccountId,
			@Nullable Integer exeMaxDeviation, @Nullable Integer exeMaxProfitSlippage, @Nullable Integer exeMaxProfitSlippageLots,
			@Nullable Integer exeMaxLosingSlippage, @Nullable Integer exeMaxLosingSlippageLots, @Nullable Integer exeAccountPos,
			@Nullable Integer exeVolumePercent, @Nullable Integer exeFlags) {

		static MT4GatewayRule of(ConGatewayRule rule) {
			return new MT4GatewayRule(rule.getEnable(), rule.getName(), rule.getRequestSymbol(), rule.getRequestGroup(),
					rule.getExeAccountName(), rule.getExeAccountId(), rule.getExeMaxDeviation(), rule.getExeMaxProfitSlippage(),
					rule.getExeMaxProfitSlippageLots(), rule.getExeMaxLosingSlippage(), rule.getExeMaxLosingSlippageLots(),
					rule.getExeAccountPos(), rule.getExeVolumePercent(), rule.getExeFlags());
		}

		ConGatewayRule applyTo(ConGatewayRule current) {
			var next = current.toBuilder();
			set(enable, next::setEnable);
			set(text("name", name, 64), next::setName);
			set(text("requestSymbol", requestSymbol, 128), next::setRequestSymbol);
			set(text("requestGroup", requestGroup, 128), next::setRequestGroup);
			set(text("exeAccountName", exeAccountName, 64), next::setExeAccountName);
			set(exeAccountId, next::setExeAccountId);
			set(notNegative("exeMaxDeviation", exeMaxDeviation), next::setExeMaxDeviation);
			set(notNegative("exeMaxProfitSlippage", exeMaxProfitSlippage), next::setExeMaxProfitSlippage);
			set(notNegative("exeMaxProfitSlippageLots", exeMaxProfitSlippageLots), next::setExeMaxProfitSlippageLots);
			set(notNegative("exeMaxLosingSlippage", exeMaxLosingSlippage), next::setExeMaxLosingSlippage);
			set(notNegative("exeMaxLosingSlippageLots", exeMaxLosingSlippageLots), next::setExeMaxLosingSlippageLots);
			set(exeAccountPos, next::setExeAccountPos);
			set(between("exeVolumePercent", exeVolumePercent, 0, 100), next::setExeVolumePercent);
			set(exeFlags, next::setExeFlags);
			return next.build();
		}
	}

	/** HOLIDAYS: a date (year, month, day) and a window in minutes of the day. */
	record MT4Holiday(@Nullable Integer year, @Nullable Integer month, @Nullable Integer day, @Nullable Integer from,
			@Nullable Integer to, @Nullable String symbol, @Nullable String description, @Nullable Boolean enable) {

		static MT4Holiday of(ConHoliday holiday) {
			return new MT4Holiday(holiday.getYear(), holiday.getMonth(), holiday.getDay(), holiday.getFrom(), holiday.getTo(),
					holiday.getSymbol(), holiday.getDescription(), holiday.getEnable());
		}

		ConHoliday applyTo(ConHoliday current) {
			var next = current.toBuilder();
			set(between("year", year, 0, 9999), next::setYear);
			set(between("month", month, 1, 12), next::setMonth);
			set(between("day", day, 1, 31), next::setDay);
			set(between("from", from, 0, 1440), next::setFrom);
			set(between("to", to, 0, 1440), next::setTo);
			set(text("symbol", symbol, 32), next::setSymbol);
			set(text("description", description, 128), next::setDescription);
			set(enable, next::setEnable);
			if (next.getFrom() > next.getTo()) {
				throw ApiException.validation("from must not be after to");
			}
			return next.build();
		}
	}

	/** LIVE_UPDATE, by company; {@code connections} is the server's counter and keeps its value. */
	record MT4LiveUpdate(@Nullable String company, @Nullable String path, @Nullable Integer version, @Nullable Integer build,
			@Nullable Integer maxConnect, @Nullable Integer connections, @Nullable Integer type, @Nullable Integer enable,
			@Nullable Integer totalFiles) {

		static MT4LiveUpdate of(ConLiveUpdate update) {
			return new MT4LiveUpdate(update.getCompany(), update.getPath(), update.getVersion(), update.getBuild(),
					update.getMaxConnect(), update.getConnections(), update.getType(), zeroOrOne(update.getEnable()),
					update.getTotalFiles());
		}

		ConLiveUpdate applyTo(ConLiveUpdate current) {
			var next = current.toBuilder();
			set(text("company", company, 128), next::setCompany);
			set(text("path", path, 256), next::setPath);
			set(notNegative("version", version), next::setVersion);
			set(notNegative("build", build), next::setBuild);
			set(notNegative("maxConnect", maxConnect), next::setMaxConnect);
			set(type, next::setType);
			set(zeroOrOne("enable", enable), next::setEnable);
			set(notNegative("totalFiles", totalFiles), next::setTotalFiles);
			return next.build();
		}
	}

	/**
	 * MANAGERS, by login. The name is the server's (read-only in the contract); the manager's password is write-only on
	 * the gateway and not in the contract, so a manager that does not exist yet cannot be added here. MT4's IP filter is
	 * not carried by the gateway.
	 */
	record MT4ManagerRights(@Nullable Integer login, @Nullable String name, @Nullable String groups, @Nullable String mailBox,
			@Nullable Integer infoDepth, @Nullable Boolean manager, @Nullable Boolean money, @Nullable Boolean online,
			@Nullable Boolean riskMan, @Nullable Boolean broker, @Nullable Boolean admin, @Nullable Boolean logs,
			@Nullable Boolean reports, @Nullable Boolean trades, @Nullable Boolean marketWatch, @Nullable Boolean email,
			@Nullable Boolean userDetails, @Nullable Boolean seeTrades, @Nullable Boolean news, @Nullable Boolean plugins,
			@Nullable Boolean market, @Nullable Boolean notifications, @Nullable Boolean serverReports,
			@Nullable Boolean techSupport, @Nullable Integer ipFilter, @Nullable Long ipFrom, @Nullable Long ipTo) {

		static MT4ManagerRights of(ConManager m) {
			return new MT4ManagerRights(m.getLogin(), m.getName(), m.getGroups(), m.getMailbox(), m.getInfoDepth(), m.getManager(),
					m.getMoney(), m.getOnline(), m.getRiskMan(), m.getBroker(), m.getAdmin(), m.getLogs(), m.getReports(), m.getTrades(),
					m.getMarketWatch(), m.getEmail(), m.getUserDetails(), m.getSeeTrades(), m.getNews(), m.getPlugins(), m.getMarket(),
					m.getNotifications(), m.getServerReports(), m.getTechSupport(), 0, 0L, 0L);
		}

		ConManager applyTo(ConManager current) {
			notCarried("ipFilter", ipFilter, 0);
			notCarried("ipFrom", ipFrom, 0L);
			notCarried("ipTo", ipTo, 0L);
			var next = current.toBuilder();
			set(between("login", login, 1, Integer.MAX_VALUE), next::setLogin);
			set(text("groups", groups, 1024), next::setGroups);
			set(text("mailBox", mailBox, 64), next::setMailbox);
			set(notNegative("infoDepth", infoDepth), next::setInfoDepth);
			set(manager, next::setManager);
			set(money, next::setMoney);
			set(online, next::setOnline);
			set(riskMan, next::setRiskMan);
			set(broker, next::setBroker);
			set(admin, next::setAdmin);
			set(logs, next::setLogs);
			set(reports, next::setReports);
			set(trades, next::setTrades);
			set(marketWatch, next::setMarketWatch);
			set(email, next::setEmail);
			set(userDetails, next::setUserDetails);
			set(seeTrades, next::setSeeTrades);
			set(news, next::setNews);
			set(plugins, next::setPlugins);
			set(market, next::setMarket);
			set(notifications, next::setNotifications);
			set(serverReports, next::setServerReports);
			set(techSupport, next::setTechSupport);
			// An empty password keeps the manager's own: the gateway never returned it.
			return next.clearPassword().build();
		}
	}

	/** SYMBOL_GROUPS: one of MT4's 32 numbered slots. */
	record MT4SymbolGroup(@Nullable String name, @Nullable String description) {

		static MT4SymbolGroup of(ConSymbolGroup group) {
			return new MT4SymbolGroup(group.getName(), group.getDescription());
		}

		ConSymbolGroup applyTo(ConSymbolGroup current) {
			var next = current.toBuilder();
			set(text("name", name, 16), next::setName);
			set(text("description", description, 64), next::setDescription);
			return next.build();
		}
	}

	/**
	 * SYNC, by server and login. {@code from}/{@code to} are unix seconds (negative: the whole chart), the gateway's UTC
	 * epoch milliseconds; the replication password is write-only on the gateway and not in the contract.
	 */
	record MT4Sync(@Nullable String server, @Nullable String login, @Nullable Integer enable, @Nullable String mode,
			@Nullable Integer from, @Nullable Integer to, @Nullable String securities, @Nullable Integer timeCorrection) {

		private static final ConfigFields.Spellings MODES = ConfigFields.Spellings.indexed("mode", "Add", "Update", "Insert", "Delete",
				"Last");

		static MT4Sync of(ConSync sync) {
			return new MT4Sync(sync.getServer(), sync.getLogin(), zeroOrOne(sync.getEnable()), MODES.of(sync.getMode()),
					seconds(sync.getFrom()), seconds(sync.getTo()), sync.getSecurities(), sync.getTimeCorrection());
		}

		private static int seconds(long millis) {
			return (int) Math.clamp(millis < 0 ? millis : millis / 1000, Integer.MIN_VALUE, Integer.MAX_VALUE);
		}

		private static @Nullable Long millis(@Nullable Integer seconds) {
			return seconds == null ? null : seconds < 0 ? (long) seconds : seconds * 1000L;
		}

		ConSync applyTo(ConSync current) {
			var next = current.toBuilder();
			set(text("server", server, 64), next::setServer);
			set(text("login", login, 32), next::setLogin);
			set(zeroOrOne("enable", enable), next::setEnable);
			set(MODES.value(mode), next::setMode);
			set(millis(from), next::setFrom);
			set(millis(to), next::setTo);
			set(text("securities", securities, 1024), next::setSecurities);
			set(timeCorrection, next::setTimeCorrection);
			return next.build();
		}
	}
}
