package io.tradeport.cloud.clients;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientsSettings.class)
class ClientsConfiguration {

	@Bean
	CachingRegisteredClientRepository registeredClientRepository(JdbcOperations jdbcOperations, JdbcClient jdbc,
			ClientsSettings settings, Clock clock) {
		return new CachingRegisteredClientRepository(
				new ActiveClientsOnly(new JdbcRegisteredClientRepository(jdbcOperations), jdbc), settings.cacheTimeToLive(), clock);
	}
}
