package io.tradeport.tradeserver.gateway;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.google.protobuf.Message;

import io.grpc.stub.StreamObserver;
import io.tradeport.gateway.v1.ConBackup;
import io.tradeport.gateway.v1.ConCommon;
import io.tradeport.gateway.v1.ConManager;
import io.tradeport.gateway.v1.ConPlugin;
import io.tradeport.gateway.v1.ConTime;
import io.tradeport.gateway.v1.ConfigDeleteReply;
import io.tradeport.gateway.v1.ConfigPosition;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRecords;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigShiftReply;
import io.tradeport.gateway.v1.ConfigShiftRequest;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.Group;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.tradeserver.config.ConfigList;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.ManagerRight;
import io.tradeport.tradeserver.config.Plugin;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.ReturnCode;
import io.tradeport.tradeserver.engine.SymbolConfig;

/**
 * Cfg* for every section. Groups and symbols are applied to the engine; managers are the gateway's
 * logins; plugins change the built-in features' parameters; the other sections are stored as
 * MT4 stores them (the README lists which take effect). Passwords in records are write-only.
 */
final class ConfigurationService extends ConfigurationGrpc.ConfigurationImplBase {

	/** A section kept as a plain list of protocol records. */
	private record Plain<T extends Message>(ConfigList<T> list, Function<ConfigRecord, T> get,
			BiConsumer<ConfigRecord.Builder, T> set, UnaryOperator<T> redact, ConfigRecord.RecordCase kind, BinaryOperator<T> keep) {

		Plain(ConfigList<T> list, Function<ConfigRecord, T> get, BiConsumer<ConfigRecord.Builder, T> set, UnaryOperator<T> redact,
				ConfigRecord.RecordCase kind) {
			this(list, get, set, redact, kind, (replacing, replaced) -> replacing);
		}
	}

	private final ServerContext context;
	private final Map<ConfigSection, Plain<?>> plain = new EnumMap<>(ConfigSection.class);

	ConfigurationService(ServerContext context) {
		this.context = context;
		Sections s = context.sections;
		plain.put(ConfigSection.ACCESS, new Plain<>(s.access, ConfigRecord::getAccess, ConfigRecord.Builder::setAccess,
				r -> r, ConfigRecord.RecordCase.ACCESS));
		plain.put(ConfigSection.DATA_SERVERS, new Plain<>(s.dataServers, ConfigRecord::getDataServer,
				ConfigRecord.Builder::setDataServer, r -> r, ConfigRecord.RecordCase.DATA_SERVER));
		// Passwords are write-only: an update that leaves one empty keeps the stored one, as for managers.
		plain.put(ConfigSection.FEEDERS, new Plain<>(s.feeders, ConfigRecord::getFeeder, ConfigRecord.Builder::setFeeder,
				r -> r.toBuilder().clearPassword().build(), ConfigRecord.RecordCase.FEEDER,
				(replacing, replaced) -> replacing.getPassword().isEmpty() ? replacing.toBuilder().setPassword(replaced.getPassword()).build() : replacing));
		plain.put(ConfigSection.GATEWAY_ACCOUNTS, new Plain<>(s.gatewayAccounts, ConfigRecord::getGatewayAccount,
				ConfigRecord.Builder::setGatewayAccount, r -> r.toBuilder().clearPassword().build(),
				ConfigRecord.RecordCase.GATEWAY_ACCOUNT,
				(replacing, replaced) -> replacing.getPassword().isEmpty() ? replacing.toBuilder().setPassword(replaced.getPassword()).build() : replacing));
		plain.put(ConfigSection.GATEWAY_MARKUPS, new Plain<>(s.gatewayMarkups, ConfigRecord::getGatewayMarkup,
				ConfigRecord.Builder::setGatewayMarkup, r -> r, ConfigRecord.RecordCase.GATEWAY_MARKUP));
		plain.put(ConfigSection.GATEWAY_RULES, new Plain<>(s.gatewayRules, ConfigRecord::getGatewayRule,
				ConfigRecord.Builder::setGatewayRule, r -> r, ConfigRecord.RecordCase.GATEWAY_RULE));
		plain.put(ConfigSection.HOLIDAYS, new Plain<>(s.holidays, ConfigRecord::getHoliday, ConfigRecord.Builder::setHoliday,
				r -> r, ConfigRecord.RecordCase.HOLIDAY));
		plain.put(ConfigSection.LIVE_UPDATE, new Plain<>(s.liveUpdate, ConfigRecord::getLiveUpdate,
				ConfigRecord.Builder::setLiveUpdate, r -> r, ConfigRecord.RecordCase.LIVE_UPDATE));
		plain.put(ConfigSection.SYMBOL_GROUPS, new Plain<>(s.symbolGroups, ConfigRecord::getSymbolGroup,
				ConfigRecord.Builder::setSymbolGroup, r -> r, ConfigRecord.RecordCase.SYMBOL_GROUP));
		plain.put(ConfigSection.SYNC, new Plain<>(s.sync, ConfigRecord::getSync, ConfigRecord.Builder::setSync,
				r -> r.toBuilder().clearPassword().build(), ConfigRecord.RecordCase.SYNC,
				(replacing, replaced) -> replacing.getPassword().isEmpty() ? replacing.toBuilder().setPassword(replaced.getPassword()).build() : replacing));
	}

	// ---------------------------------------------------------------- request

	@Override
	public void request(ConfigRequest request, StreamObserver<ConfigRecords> out) {
		Calls.unary(out, () -> {
			ConfigSection section = request.getSection();
			requireReadRight(section);
			List<ConfigRecord> records = records(section);
			if (!request.getKey().isEmpty()) {
				records = records.stream().filter(r -> request.getKey().equals(key(r))).toList();
				if (records.isEmpty()) {
					throw MtException.notFound("no " + section + " record " + request.getKey());
				}
			}
			return ConfigRecords.newBuilder().setSection(section).addAllRecords(records).build();
		});
	}

	private void requireReadRight(ConfigSection section) {
		switch (section) {
			case GROUPS, SYMBOLS, SYMBOL_GROUPS, COMMON -> context.sessions.manager();
			case PLUGINS -> context.sessions.require(ManagerRight.PLUGINS);
			case CONFIG_SECTION_UNSPECIFIED, UNRECOGNIZED -> throw MtException.of(Ret.INVALID_DATA, "section is required");
			default -> context.sessions.require(ManagerRight.ADMIN);
		}
	}

	private List<ConfigRecord> records(ConfigSection section) {
		Sections s = context.sections;
		return switch (section) {
			case COMMON -> List.of(ConfigRecord.newBuilder().setCommon(s.common.get()).build());
			case BACKUP -> List.of(ConfigRecord.newBuilder().setBackup(s.backup.get()).build());
			case TIME -> List.of(ConfigRecord.newBuilder().setTime(s.time.get()).build());
			case MANAGERS -> context.config.managers().all().stream()
				.map(m -> ConfigRecord.newBuilder().setManager(Protos.manager(m)).build()).toList();
			case PLUGINS -> context.config.plugins().all().stream()
				.map(p -> ConfigRecord.newBuilder().setPlugin(Protos.plugin(p)).build()).toList();
			case GROUPS -> s.groups.all().stream().map(g -> ConfigRecord.newBuilder().setGroup(g).build()).toList();
			case SYMBOLS -> s.symbols.all().stream().map(y -> ConfigRecord.newBuilder().setSymbol(y).build()).toList();
			default -> plainRecords(plain(section));
		};
	}

	private static <T extends Message> List<ConfigRecord> plainRecords(Plain<T> p) {
		return p.list().all().stream().map(r -> {
			ConfigRecord.Builder b = ConfigRecord.newBuilder();
			p.set().accept(b, p.redact().apply(r));
			return b.build();
		}).toList();
	}

	private static String key(ConfigRecord r) {
		return switch (r.getRecordCase()) {
			case GROUP -> r.getGroup().getName();
			case SYMBOL -> r.getSymbol().getName();
			case MANAGER -> Integer.toString(r.getManager().getLogin());
			case PLUGIN -> r.getPlugin().getFile();
			case FEEDER -> r.getFeeder().getName();
			case DATA_SERVER -> r.getDataServer().getServer();
			case SYMBOL_GROUP -> r.getSymbolGroup().getName();
			default -> "";
		};
	}

	private Plain<?> plain(ConfigSection section) {
		Plain<?> p = plain.get(section);
		if (p == null) {
			throw MtException.of(Ret.INVALID_DATA, "unknown section " + section);
		}
		return p;
	}

	// ---------------------------------------------------------------- update

	@Override
	public void update(ConfigUpdateRequest request, StreamObserver<ConfigRecord> out) {
		Calls.unary(out, () -> {
			ConfigSection section = request.getSection();
			ManagerAccount manager = context.sessions.require(section == ConfigSection.PLUGINS ? ManagerRight.PLUGINS : ManagerRight.ADMIN);
			ConfigRecord record = request.getRecord();
			ConfigRecord stored = switch (section) {
				case COMMON -> updateCommon(expect(record, ConfigRecord.RecordCase.COMMON).getCommon());
				case BACKUP -> updateBackup(expect(record, ConfigRecord.RecordCase.BACKUP).getBackup());
				case TIME -> updateTime(expect(record, ConfigRecord.RecordCase.TIME).getTime());
				case MANAGERS -> updateManager(request.getPos(), expect(record, ConfigRecord.RecordCase.MANAGER).getManager());
				case PLUGINS -> updatePlugin(request.getPos(), expect(record, ConfigRecord.RecordCase.PLUGIN).getPlugin());
				case GROUPS -> updateGroup(request.getPos(), expect(record, ConfigRecord.RecordCase.GROUP).getGroup());
				case SYMBOLS -> updateSymbol(request.getPos(), expect(record, ConfigRecord.RecordCase.SYMBOL).getSymbol());
				case SYMBOL_GROUPS -> {
					if (request.getPos() < 0 || request.getPos() >= Sections.SYMBOL_GROUP_SLOTS) {
						throw MtException.of(Ret.INVALID_DATA, "symbol groups are the 32 slots 0..31");
					}
					yield updatePlain(plain(section), request.getPos(), record);
				}
				case HOLIDAYS -> {
					// Refused before anything is stored: an impossible enabled holiday would never apply.
					Holidays.of(expect(record, ConfigRecord.RecordCase.HOLIDAY).getHoliday());
					yield context.write(w -> {
						ConfigRecord result = updatePlain(plain(section), request.getPos(), record);
						context.applyHolidays(w);
						return result;
					});
				}
				case CONFIG_SECTION_UNSPECIFIED, UNRECOGNIZED -> throw MtException.of(Ret.INVALID_DATA, "section is required");
				default -> updatePlain(plain(section), request.getPos(), record);
			};
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(),
					"'" + manager.login() + "': configuration " + section + " changed");
			return stored;
		});
	}

	private static ConfigRecord expect(ConfigRecord record, ConfigRecord.RecordCase kind) {
		if (record.getRecordCase() != kind) {
			throw MtException.of(Ret.INVALID_DATA, "this section takes a " + kind + " record, not " + record.getRecordCase());
		}
		return record;
	}

	private static <T extends Message> ConfigRecord updatePlain(Plain<T> p, int pos, ConfigRecord record) {
		T value = p.get().apply(expect(record, p.kind()));
		p.list().put(pos, value, p.keep());
		ConfigRecord.Builder b = ConfigRecord.newBuilder();
		p.set().accept(b, p.redact().apply(value));
		return b.build();
	}

	/** Build, time zone and end of day are fixed when the server starts; the rest is the manager's. */
	private ConfigRecord updateCommon(ConCommon update) {
		synchronized (context.sections.common) {
			ConCommon current = context.sections.common.get();
			ConCommon next = update.toBuilder()
				.setBuild(current.getBuild())
				.setTimeZone(current.getTimeZone())
				.setEndHour(current.getEndHour())
				.setEndMinute(current.getEndMinute())
				.setStatementWeekend(current.getStatementWeekend())
				.setLastLogin(update.getLastLogin() == 0 ? current.getLastLogin() : update.getLastLogin())
				.build();
			context.sections.common.set(next);
			return ConfigRecord.newBuilder().setCommon(next).build();
		}
	}

	private ConfigRecord updateBackup(ConBackup update) {
		ConBackup current = context.sections.backup.get();
		ConBackup next = update.toBuilder()
			.setFullBackupLastTime(current.getFullBackupLastTime())
			.setArchiveLastTime(current.getArchiveLastTime())
			.setExportLastTime(current.getExportLastTime())
			.build();
		if (next.getFullBackupPeriod() < 0 || next.getFullBackupStore() < 0) {
			throw MtException.of(Ret.INVALID_DATA, "backup period and store must not be negative");
		}
		context.sections.backup.set(next);
		return ConfigRecord.newBuilder().setBackup(next).build();
	}

	private ConfigRecord updateTime(ConTime update) {
		if (update.getDaysCount() != 7 || update.getDaysList().stream().anyMatch(d -> d.getHoursCount() != 24)) {
			throw MtException.of(Ret.INVALID_DATA, "access hours are 7 days of 24 hours");
		}
		context.sections.time.set(update);
		return ConfigRecord.newBuilder().setTime(update).build();
	}

	private ConfigRecord updateManager(int pos, ConManager update) {
		ConfigList<ManagerAccount> managers = context.config.managers();
		ManagerAccount previous = pos >= 0 && pos < managers.size() ? managers.get(pos)
				: managers.find(Integer.toString(update.getLogin())).orElse(null);
		ManagerAccount account = Protos.manager(update, previous != null && previous.login() == update.getLogin() ? previous : null);
		if (account.login() == Sessions.current().login && !account.has(ManagerRight.ADMIN)) {
			throw MtException.of(Ret.INVALID_DATA, "a manager cannot take the admin right from itself");
		}
		managers.put(pos, account);
		context.pump.revokeManager(account.login());
		return ConfigRecord.newBuilder().setManager(Protos.manager(account)).build();
	}

	private ConfigRecord updatePlugin(int pos, ConPlugin update) {
		ConfigList<Plugin> plugins = context.config.plugins();
		Plugin existing = pos >= 0 && pos < plugins.size() ? plugins.get(pos)
				: plugins.find(update.getFile()).orElseThrow(() -> MtException.notFound("no plugin " + update.getFile()
						+ "; plugins are built into this server"));
		if (!update.getFile().isEmpty() && !update.getFile().equals(existing.file())) {
			throw MtException.of(Ret.INVALID_DATA, "plugin at " + pos + " is " + existing.file());
		}
		Plugin next = Protos.plugin(update, existing);
		plugins.put(-1, next);
		return ConfigRecord.newBuilder().setPlugin(Protos.plugin(next)).build();
	}

	private ConfigRecord updateGroup(int pos, Group update) {
		GroupConfig config = Protos.groupConfig(update);
		Group stored = Protos.group(config).toBuilder()
			.setEnable(update.getEnable())
			.setCompany(update.getCompany())
			.setDefaultDeposit(update.getDefaultDeposit())
			.setSupportEmail(update.getSupportEmail())
			.setSupportPage(update.getSupportPage())
			.build();
		ConfigList<Group> groups = context.sections.groups;
		context.write(w -> {
			boolean added = groups.find(update.getName()).isEmpty();
			requireSameName(pos, groups.size(), () -> groups.get(pos).getName(), update.getName(), !added);
			w.putGroup(config);
			groups.put(pos, stored);
			context.pump.groupChanged(stored, added);
			return null;
		});
		return ConfigRecord.newBuilder().setGroup(stored).build();
	}

	private ConfigRecord updateSymbol(int pos, Symbol update) {
		SymbolConfig config = Protos.symbolConfig(update);
		Symbol stored = Protos.symbol(config, update.getDescription());
		ConfigList<Symbol> symbols = context.sections.symbols;
		context.write(w -> {
			boolean added = symbols.find(update.getName()).isEmpty();
			requireSameName(pos, symbols.size(), () -> symbols.get(pos).getName(), update.getName(), !added);
			w.putSymbol(config);
			symbols.put(pos, stored);
			context.pump.symbolChanged(stored, added);
			return null;
		});
		return ConfigRecord.newBuilder().setSymbol(stored).build();
	}

	/**
	 * Checked before the engine changes, so a refused update leaves nothing half-applied. Renaming
	 * would orphan the accounts or orders that use the old name.
	 */
	private static void requireSameName(int pos, int size, java.util.function.Supplier<String> current, String name,
			boolean exists) {
		if (pos > size || (pos == size && exists)) {
			throw MtException.of(Ret.INVALID_DATA, "bad position " + pos + " for " + name);
		}
		if (pos >= 0 && pos < size && !current.get().equals(name)) {
			throw MtException.of(Ret.INVALID_DATA, "renaming " + current.get() + " to " + name + " is not allowed");
		}
	}

	// ---------------------------------------------------------------- delete and shift

	@Override
	public void delete(ConfigPosition request, StreamObserver<ConfigDeleteReply> out) {
		Calls.unary(out, () -> {
			ConfigSection section = request.getSection();
			ManagerAccount manager = context.sessions.require(ManagerRight.ADMIN);
			int pos = request.getPos();
			switch (section) {
				case COMMON, BACKUP, TIME -> throw MtException.of(Ret.INVALID_DATA, section + " has a single record; update it instead");
				case SYMBOL_GROUPS -> throw MtException.of(Ret.INVALID_DATA, "the 32 symbol group slots cannot be deleted; clear the name instead");
				case PLUGINS -> throw MtException.of(Ret.INVALID_DATA, "built-in plugins cannot be deleted; disable them instead");
				case SYMBOLS -> {
					String name = context.sections.symbols.get(pos).getName();
					ReturnCode code = context.write(w -> {
						ReturnCode result = w.removeSymbol(name);
						if (result == ReturnCode.OK) {
							context.sections.symbols.delete(pos);
							context.pump.symbolDeleted(name);
						}
						return result;
					});
					if (code != ReturnCode.OK) {
						throw MtException.engine(code, "symbol " + name + " is used by open orders (or to convert their profit or margin)");
					}
				}
				case MANAGERS -> {
					if (context.config.managers().get(pos).login() == Sessions.current().login) {
						throw MtException.of(Ret.INVALID_DATA, "a manager cannot delete itself");
					}
					context.pump.revokeManager(context.config.managers().delete(pos).login());
				}
				case GROUPS -> {
					String name = context.sections.groups.get(pos).getName();
					ReturnCode code = context.write(w -> {
						ReturnCode result = w.removeGroup(name);
						if (result == ReturnCode.OK) {
							context.sections.groups.delete(pos);
							context.pump.groupDeleted(name);
						}
						return result;
					});
					if (code != ReturnCode.OK) {
						throw MtException.engine(code, "group " + name + " still has accounts");
					}
				}
				case HOLIDAYS -> context.write(w -> {
					plain(section).list().delete(pos);
					context.applyHolidays(w);
					return null;
				});
				case CONFIG_SECTION_UNSPECIFIED, UNRECOGNIZED -> throw MtException.of(Ret.INVALID_DATA, "section is required");
				default -> plain(section).list().delete(pos);
			}
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(),
					"'" + manager.login() + "': configuration " + section + " record " + pos + " deleted");
			return ConfigDeleteReply.getDefaultInstance();
		});
	}

	@Override
	public void shift(ConfigShiftRequest request, StreamObserver<ConfigShiftReply> out) {
		Calls.unary(out, () -> {
			ConfigSection section = request.getSection();
			context.sessions.require(section == ConfigSection.PLUGINS ? ManagerRight.PLUGINS : ManagerRight.ADMIN);
			ConfigList<?> list = switch (section) {
				case COMMON, BACKUP, TIME -> throw MtException.of(Ret.INVALID_DATA, section + " has a single record");
				case SYMBOL_GROUPS -> throw MtException.of(Ret.INVALID_DATA, "symbol group slots are numbered; they do not move");
				case MANAGERS -> context.config.managers();
				case PLUGINS -> context.config.plugins();
				case GROUPS -> context.sections.groups;
				case SYMBOLS -> context.sections.symbols;
				case CONFIG_SECTION_UNSPECIFIED, UNRECOGNIZED -> throw MtException.of(Ret.INVALID_DATA, "section is required");
				default -> plain(section).list();
			};
			if (section == ConfigSection.HOLIDAYS) {
				// The order changes nothing the engine does; applied all the same so engine and section stay equal.
				context.write(w -> {
					list.shift(request.getPos(), request.getShift());
					context.applyHolidays(w);
					return null;
				});
			}
			else {
				list.shift(request.getPos(), request.getShift());
			}
			return ConfigShiftReply.getDefaultInstance();
		});
	}
}
