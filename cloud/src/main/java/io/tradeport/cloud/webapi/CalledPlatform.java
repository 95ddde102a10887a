package io.tradeport.cloud.webapi;

import io.tradeport.cloud.platforms.TradePlatform;
import io.tradeport.cloud.platforms.TradePlatformId;

/**
 * The trade platform named in an operation's path, already checked: the caller may use it, it has the path's type
 * (MT4 or MT5), and the caller holds the operation's scope. Declare it as a handler parameter instead of a
 * {@code tradePlatform} path variable; see {@link CalledPlatformResolver}.
 */
record CalledPlatform(TradePlatform platform, ApiCaller caller) {

	TradePlatformId id() {
		return platform.id();
	}
}
