package io.tradeport.cloud.realtime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tradeport.cloud.webapi.RealtimeAccess;
import io.tradeport.signalr.Hub;

/** The two hubs, served by the {@code signalr} module's auto-configuration for {@link Hub} beans. */
@Configuration(proxyBeanMethods = false)
class RealtimeHubs {

	@Bean
	Hub mt4Hub(RealtimeAccess access, PlatformFeeds feeds) {
		return new Mt4Hub(access, feeds).hub();
	}

	@Bean
	Hub mt5Hub(RealtimeAccess access, PlatformFeeds feeds) {
		return new Mt5Hub(access, feeds).hub();
	}
}
