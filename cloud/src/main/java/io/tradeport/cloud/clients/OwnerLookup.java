package io.tradeport.cloud.clients;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which organization owns a client: asked for every client-credentials token, and it never changes. */
@Component
class OwnerLookup {

	private final JdbcClient jdbc;
	private final ConcurrentHashMap<String, Optional<UUID>> owners = new ConcurrentHashMap<>();

	OwnerLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<io.tradeport.cloud.organizations.OrganizationId> ownerOf(String clientId) {
		var owner = owners.get(clientId);
		if (owner == null) {
			owner = jdbc.sql("select organization_id from api_client where client_id = ?")
				.param(clientId)
				.query(UUID.class)
				.optional();
			if (owner.isPresent()) {
				owners.put(clientId, owner);
			}
		}
		return owner.map(io.tradeport.cloud.organizations.OrganizationId::new);
	}

	void evict(String clientId) {
		owners.remove(clientId);
	}
}
