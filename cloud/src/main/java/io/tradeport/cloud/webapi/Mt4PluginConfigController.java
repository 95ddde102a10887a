package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.gateway.v1.ConPlugin;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.PluginParam;

import static io.tradeport.cloud.webapi.ConfigFields.text;
import static io.tradeport.cloud.webapi.ConfigFields.zeroOrOne;

/**
 * {@code MT4 v2 :: Sidecar - Plugins}: the server's plugins and their parameters, from the gateway's PLUGINS section.
 * The pump carries no plugins, so PluginsGet and PluginParamGet ask the server too (the gateway README maps them onto
 * Configuration). Reading and changing plugins needs the manager's "plugins" right on the server.
 */
@RestController
class Mt4PluginConfigController {

	private static final String MT4 = "/api/v2/MT4/{tradePlatform}/";

	/** A plugin as the contract shows it; name, version, copyright and configurable are the plugin's own. */
	record MT4Plugin(@Nullable String file, @Nullable String name, @Nullable Integer version, @Nullable String copyright,
			@Nullable Integer enabled, @Nullable Integer configurable, @Nullable Integer managerAccess) {

		static MT4Plugin of(ConPlugin plugin) {
			return new MT4Plugin(plugin.getFile(), plugin.getName(), plugin.getVersion(), plugin.getCopyright(),
					zeroOrOne(plugin.getEnabled()), zeroOrOne(plugin.getConfigurable()), zeroOrOne(plugin.getManagerAccess()));
		}
	}

	record MT4PluginConfig(@Nullable String name, @Nullable String value) {
	}

	record MT4PluginParam(@Nullable MT4Plugin plugin, @Nullable List<@Nullable MT4PluginConfig> params) {

		static MT4PluginParam of(ConPlugin plugin) {
			return new MT4PluginParam(MT4Plugin.of(plugin),
					plugin.getParamsList().stream().map(param -> new MT4PluginConfig(param.getName(), param.getValue())).toList());
		}
	}

	private final ConfigurationCalls calls;

	Mt4PluginConfigController(ConfigurationCalls calls) {
		this.calls = calls;
	}

	@GetMapping(MT4 + "PluginsGet")
	ApiResponse<List<MT4Plugin>> pluginsGet(CalledPlatform platform) {
		return ApiResponse.ok(plugins(platform).stream().map(MT4Plugin::of).toList());
	}

	@GetMapping(MT4 + "PluginParamGet/{pos}")
	ApiResponse<MT4PluginParam> pluginParamGet(CalledPlatform platform, @PathVariable int pos) {
		Mt4ConfigController.requirePosition(pos);
		var plugins = plugins(platform);
		if (pos >= plugins.size()) {
			throw new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND,
					"No plugin at " + pos + ": the server has " + plugins.size(), null);
		}
		return ApiResponse.ok(MT4PluginParam.of(plugins.get(pos)));
	}

	@GetMapping(MT4 + "CfgRequestPlugin")
	ApiResponse<List<MT4PluginParam>> cfgRequestPlugin(CalledPlatform platform) {
		return ApiResponse.ok(plugins(platform).stream().map(MT4PluginParam::of).toList());
	}

	/**
	 * The plugin named by {@code plugin.file}: {@code enabled} and {@code managerAccess} when given, and the given
	 * parameters by name; the other parameters keep their values. One update, so all of it applies or none.
	 */
	@PostMapping({ MT4 + "CfgUpdatePlugin", MT4 + "PluginUpdate" })
	ApiResponse<Boolean> update(CalledPlatform platform, @RequestBody MT4PluginParam body) {
		var wanted = body.plugin() == null ? null : body.plugin().file();
		if (wanted == null || wanted.isBlank()) {
			throw ApiException.validation("plugin.file names the plugin and is required");
		}
		var changes = new LinkedHashMap<String, String>();
		for (var param : body.params() == null ? List.<@Nullable MT4PluginConfig>of() : body.params()) {
			if (param == null || param.name() == null || param.name().isBlank() || param.value() == null) {
				throw ApiException.validation("every parameter has a name and a value");
			}
			changes.put(text("params.name", param.name(), 32), text("params.value", param.value(), 128));
		}
		var current = plugins(platform).stream().filter(plugin -> plugin.getFile().equals(wanted)).findFirst()
			.orElseThrow(() -> new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No plugin " + wanted, null));
		var next = current.toBuilder().clearParams();
		ConfigFields.set(zeroOrOne("plugin.enabled", nonZero(body.plugin().enabled())), next::setEnabled);
		ConfigFields.set(zeroOrOne("plugin.managerAccess", nonZero(body.plugin().managerAccess())), next::setManagerAccess);
		var params = new ArrayList<PluginParam>();
		for (var param : current.getParamsList()) {
			params.add(param.toBuilder().setValue(changes.getOrDefault(param.getName(), param.getValue())).build());
			changes.remove(param.getName());
		}
		// Parameters the plugin does not have yet: the server decides (the built-in one refuses them).
		changes.forEach((name, value) -> params.add(PluginParam.newBuilder().setName(name).setValue(value).build()));
		next.addAllParams(params);
		calls.update(platform, ConfigSection.PLUGINS, -1, ConfigRecord.newBuilder().setPlugin(next).build());
		return ApiResponse.ok(true);
	}

	private List<ConPlugin> plugins(CalledPlatform platform) {
		return calls.records(platform, ConfigSection.PLUGINS).stream().map(ConfigRecord::getPlugin).toList();
	}

	/** The contract's flags are "0 = disabled, non-zero = enabled". */
	private static @Nullable Integer nonZero(@Nullable Integer flag) {
		return flag == null ? null : flag != 0 ? 1 : 0;
	}
}
