package io.tradeport.tradeserver.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The configuration the engine does not hold: the MANAGERS section (who may sign in to the
 * gateway, with which rights) and the PLUGINS section.
 */
public final class ServerConfig {

	/** Plugin file of the pump settings. */
	public static final String PUMP_PLUGIN = "tradeport-pump.dll";
	public static final String PUMP_BUFFER_PARAM = "Buffer events";
	public static final String PUMP_MARGIN_INTERVAL_PARAM = "Margin interval ms";
	/** Plugin file of the market history settings. */
	public static final String HISTORY_PLUGIN = "tradeport-history.dll";
	public static final String HISTORY_TICKS_PARAM = "Ticks per symbol";

	private final ConfigList<ManagerAccount> managers;
	private final ConfigList<Plugin> plugins;

	/** In memory: no managers yet, the built-in plugins with their default parameters. */
	public ServerConfig() {
		this(new ConfigList<>(ManagerAccount::key), new ConfigList<>(Plugin::file, builtInPlugins(), p -> {
		}));
	}

	ServerConfig(ConfigList<ManagerAccount> managers, ConfigList<Plugin> plugins) {
		this.managers = managers;
		this.plugins = plugins;
	}

	/**
	 * Built-in features configured like MT4 plugins. Their parameters take effect: the pump
	 * reads its buffer size and margin interval for each new subscriber, the market history its
	 * ticks per symbol when it starts.
	 */
	public static List<Plugin> builtInPlugins() {
		return List.of(
				new Plugin(PUMP_PLUGIN, "Tradeport gateway pump", 100, "Tradeport", true, true, true, List.of(
						new Plugin.Param(PUMP_BUFFER_PARAM, "10000"),
						new Plugin.Param(PUMP_MARGIN_INTERVAL_PARAM, "1000"))),
				new Plugin(HISTORY_PLUGIN, "Tradeport market history", 100, "Tradeport", true, true, true, List.of(
						new Plugin.Param(HISTORY_TICKS_PARAM, "100000"))));
	}

	/** A manager with every right and all groups: the first administrator of a new server. */
	public static ManagerAccount administrator(int login, String name, String password) {
		return ManagerAccount.create(login, name, password, "*", EnumSet.allOf(ManagerRight.class));
	}

	public ConfigList<ManagerAccount> managers() {
		return managers;
	}

	public ConfigList<Plugin> plugins() {
		return plugins;
	}

	public Optional<Plugin> plugin(String file) {
		return plugins.find(file);
	}

	/** The manager when login and password match, as MT4's manager login. */
	public Optional<ManagerAccount> authenticate(int login, String password) {
		return managers.find(Integer.toString(login)).filter(m -> m.checkPassword(password));
	}
}
