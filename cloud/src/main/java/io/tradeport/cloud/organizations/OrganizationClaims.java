package io.tradeport.cloud.organizations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.identity.TokenClaimsContributor;
import io.tradeport.cloud.identity.UserId;

/**
 * {@code organizations}: [{id, name, permissions: [codes], platforms: {code: [platform ids]}}] for first-party
 * applications; {@code platforms} lists only the permissions limited to chosen platforms. Plain ArrayList and
 * LinkedHashMap on purpose: the authorization server stores token claims with Jackson's type allow-list, which
 * refuses the JDK's immutable collections.
 */
@Component
class OrganizationClaims implements TokenClaimsContributor {

	private final Organizations organizations;

	OrganizationClaims(Organizations organizations) {
		this.organizations = organizations;
	}

	@Override
	public Map<String, Object> userClaims(UserId user) {
		var list = new ArrayList<Map<String, Object>>();
		organizations.membershipsOf(user).forEach(membership -> {
			var entry = new LinkedHashMap<String, Object>();
			entry.put("id", membership.organizationId().toString());
			entry.put("name", membership.organizationName());
			entry.put("permissions", new ArrayList<>(membership.grants().stream().map(grant -> grant.permission().code()).sorted().toList()));
			var limits = new LinkedHashMap<String, Object>();
			membership.grants().stream().filter(grant -> !grant.coversAllPlatforms()).forEach(grant ->
					limits.put(grant.permission().code(), new ArrayList<>(grant.platforms().stream().map(Object::toString).sorted().toList())));
			if (!limits.isEmpty()) {
				entry.put("platforms", limits);
			}
			list.add(entry);
		});
		return Map.of("organizations", list);
	}
}
