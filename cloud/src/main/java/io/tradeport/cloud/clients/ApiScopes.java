package io.tradeport.cloud.clients;

import java.util.List;

/**
 * Scopes an API client can be granted. Every API client has {@link #WEBAPI}; {@link #READ}, {@link #TRADE} and
 * {@link #ADMIN} split the WebAPI's operations (reading, trading and money operations, destructive administration).
 */
public final class ApiScopes {

	public static final String WEBAPI = "webapi";
	public static final String READ = "read";
	public static final String TRADE = "trade";
	public static final String ADMIN = "admin";

	/** The scopes an administrator chooses from, in display order. */
	public static final List<String> CHOOSABLE = List.of(READ, TRADE, ADMIN);

	private ApiScopes() {
	}
}
