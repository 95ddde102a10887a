package io.tradeport.signalr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

/**
 * Serves every {@link Hub} bean of a servlet web application: the negotiate endpoint through a handler mapping
 * ahead of the application's controllers, the WebSocket through Spring WebSocket.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(Hub.class)
@EnableConfigurationProperties(SignalRSettings.class)
@EnableWebSocket
class SignalRAutoConfiguration {

	@Bean
	HubRuntime signalRHubRuntime(SignalRSettings settings, List<Hub> hubs) {
		return new HubRuntime(settings, hubs);
	}

	@Bean
	WebSocketConfigurer signalRWebSockets(HubRuntime runtime) {
		var origins = runtime.settings().allowedOriginPatterns().toArray(String[]::new);
		return registry -> {
			for (var hub : runtime.hubs()) {
				registry.addHandler(new HubWebSocketHandler(hub, runtime), hub.path())
						.addInterceptors(new UpgradeInterceptor(hub))
						.setAllowedOriginPatterns(origins);
			}
		};
	}

	@Bean
	SimpleUrlHandlerMapping signalRNegotiateMapping(HubRuntime runtime) {
		var handlers = new LinkedHashMap<String, Object>();
		for (var hub : runtime.hubs()) {
			handlers.put(hub.path() + "/negotiate", new NegotiateHandler(hub));
		}
		var mapping = new SimpleUrlHandlerMapping(handlers, Ordered.HIGHEST_PRECEDENCE + 100);
		var origins = runtime.settings().allowedOriginPatterns();
		if (!origins.isEmpty()) {
			// The JS client sends credentials by default: an explicit origin, credentials allowed, its custom headers.
			var cors = new CorsConfiguration();
			cors.setAllowedOriginPatterns(origins);
			cors.setAllowCredentials(true);
			cors.setAllowedMethods(List.of("POST"));
			cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Requested-With", "X-SignalR-User-Agent"));
			cors.setMaxAge(3600L);
			Map<String, CorsConfiguration> configurations = new LinkedHashMap<>();
			handlers.keySet().forEach(path -> configurations.put(path, cors));
			mapping.setCorsConfigurations(configurations);
		}
		return mapping;
	}
}
