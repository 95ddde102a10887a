package io.tradeport.cloud.clients;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientsSettings.class)
class ClientsConfiguration {

	@Bean
	CachingRegisteredClientRepository registeredClientRepository(JdbcOperations jdbc, ClientsSettings settings,
			Clock clock) {
		return new CachingRegisteredClientRepository(new JdbcRegisteredClientRepository(jdbc),
				settings.cacheTimeToLive(), clock);
	}
}
