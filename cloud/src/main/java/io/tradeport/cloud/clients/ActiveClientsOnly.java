package io.tradeport.cloud.clients;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** A disabled API client does not exist as far as the authorization server is concerned: it gets no token. */
class ActiveClientsOnly implements RegisteredClientRepository {

	private final RegisteredClientRepository delegate;
	private final JdbcClient jdbc;

	ActiveClientsOnly(RegisteredClientRepository delegate, JdbcClient jdbc) {
		this.delegate = delegate;
		this.jdbc = jdbc;
	}

	@Override
	public void save(RegisteredClient client) {
		delegate.save(client);
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		var client = delegate.findById(id);
		return client == null || disabled(client.getClientId()) ? null : client;
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		var client = delegate.findByClientId(clientId);
		return client == null || disabled(clientId) ? null : client;
	}

	private boolean disabled(String clientId) {
		return jdbc.sql("select disabled from api_client where client_id = ?").param(clientId).query(Boolean.class).optional().orElse(false);
	}
}
