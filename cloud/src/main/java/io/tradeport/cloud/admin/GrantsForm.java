package io.tradeport.cloud.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

import io.tradeport.cloud.organizations.Grant;
import io.tradeport.cloud.organizations.Permission;

/**
 * Reads the permission checkboxes shared by the invitation and permissions forms: {@code permission} (codes),
 * and per platform-scoped permission {@code scope.<code>} = all | chosen with {@code platforms.<code>} = ids.
 */
final class GrantsForm {

	record Parsed(List<Grant> grants, Optional<String> problem) {
	}

	private GrantsForm() {
	}

	static Parsed parse(MultiValueMap<String, String> form, Set<UUID> organizationPlatforms) {
		var grants = new ArrayList<Grant>();
		var seen = new HashSet<Permission>();
		for (var code : form.getOrDefault("permission", List.of())) {
			var permission = Permission.ofCode(code);
			if (permission.isEmpty()) {
				return new Parsed(List.of(), Optional.of("Unknown permission \"" + code + "\"."));
			}
			if (!seen.add(permission.get())) {
				continue;
			}
			var scope = form.getFirst("scope." + code);
			if (!permission.get().platformScoped() || scope == null || scope.equals("all")) {
				grants.add(Grant.everywhere(permission.get()));
				continue;
			}
			var chosen = new HashSet<UUID>();
			for (var id : form.getOrDefault("platforms." + code, List.of())) {
				UUID platform;
				try {
					platform = UUID.fromString(id);
				}
				catch (IllegalArgumentException notAnId) {
					return new Parsed(List.of(), Optional.of("Unknown trade platform."));
				}
				if (!organizationPlatforms.contains(platform)) {
					return new Parsed(List.of(), Optional.of("Unknown trade platform."));
				}
				chosen.add(platform);
			}
			if (chosen.isEmpty()) {
				return new Parsed(List.of(), Optional.of("Choose at least one platform for \"" + permission.get().label()
						+ "\", or allow it on all platforms."));
			}
			grants.add(new Grant(permission.get(), chosen));
		}
		return new Parsed(grants, Optional.empty());
	}
}
