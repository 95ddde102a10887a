package io.tradeport.cloud.organizations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.identity.TokenClaimsContributor;
import io.tradeport.cloud.identity.UserId;

/** {@code organizations}: [{id, name, permissions: [codes]}] for first-party applications. */
@Component
class OrganizationClaims implements TokenClaimsContributor {

	private final Organizations organizations;

	OrganizationClaims(Organizations organizations) {
		this.organizations = organizations;
	}

	@Override
	public Map<String, Object> userClaims(UserId user) {
		List<Map<String, Object>> list = organizations.membershipsOf(user).stream().map(membership -> {
			var entry = new LinkedHashMap<String, Object>();
			entry.put("id", membership.organizationId().toString());
			entry.put("name", membership.organizationName());
			entry.put("permissions", Organizations.codes(membership.permissions()));
			return (Map<String, Object>) entry;
		}).toList();
		return Map.of("organizations", list);
	}
}
