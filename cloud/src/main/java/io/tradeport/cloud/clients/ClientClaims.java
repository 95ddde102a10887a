package io.tradeport.cloud.clients;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.identity.TokenClaimsContributor;

/** {@code org_id}: the organization that owns the API client. */
@Component
class ClientClaims implements TokenClaimsContributor {

	private final OwnerLookup owners;

	ClientClaims(OwnerLookup owners) {
		this.owners = owners;
	}

	@Override
	public Map<String, Object> clientClaims(String clientId) {
		return owners.ownerOf(clientId).<Map<String, Object>>map(org -> Map.of("org_id", org.toString())).orElse(Map.of());
	}
}
