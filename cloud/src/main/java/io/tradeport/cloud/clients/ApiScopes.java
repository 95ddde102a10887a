package io.tradeport.cloud.clients;

/** Scopes an API client can be granted. */
public final class ApiScopes {

	/** Access to the WebAPI and its hubs. */
	public static final String WEBAPI = "webapi";

	private ApiScopes() {
	}
}
