package io.tradeport.cloud.webapi;

import java.util.Set;

/**
 * What an operation needs of an API client's scopes: reads need {@code read}, changes to accounts, trades, mail and
 * news need {@code trade}, and changes to the server itself (configuration, groups, symbols, plugins, backups, the
 * contract's "destructive" tags) need {@code admin}.
 */
enum OperationScope {

	READ("read"), TRADE("trade"), ADMIN("admin");

	/** Tags whose changing operations act on the server's setup rather than on accounts and trades. */
	private static final Set<String> SERVER_SETUP = Set.of("Config", "Groups", "Symbols", "Prices", "Plugins", "Server Admin",
			"Sidecar - Plugins", "Sidecar - ExternalCommand", "Backup");

	private final String code;

	OperationScope(String code) {
		this.code = code;
	}

	String code() {
		return code;
	}

	/** The scope of one contract operation, from its HTTP method and first tag (e.g. {@code MT4 v2 :: Config}). */
	static OperationScope of(String method, String tag) {
		if (method.equalsIgnoreCase("GET")) {
			return READ;
		}
		var area = tag.contains("::") ? tag.substring(tag.indexOf("::") + 2).trim() : tag;
		if (area.endsWith("(destructive)") || SERVER_SETUP.contains(area)) {
			return ADMIN;
		}
		return TRADE;
	}
}
