package io.tradeport.tradeserver.config;

import java.util.List;
import java.util.Optional;

/**
 * A server plugin and its parameters (ConPluginParam). The built-in ones stand for features of
 * this server whose settings they expose; see {@link ServerConfig#builtInPlugins()}.
 */
public record Plugin(String file, String name, int version, String copyright, boolean enabled, boolean configurable,
		boolean managerAccess, List<Param> params) {

	public Plugin {
		params = List.copyOf(params);
	}

	public record Param(String name, String value) {
	}

	public Optional<String> param(String name) {
		return params.stream().filter(p -> p.name().equals(name)).map(Param::value).findFirst();
	}

	public int intParam(String name, int fallback) {
		try {
			return param(name).map(String::trim).map(Integer::parseInt).orElse(fallback);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}
}
