package io.tradeport.cloud.organizations;

import java.time.Instant;
import java.util.List;

import io.tradeport.cloud.identity.UserAccount;

public record Member(UserAccount user, List<Grant> grants, Instant joinedAt) {

	public Member {
		grants = List.copyOf(grants);
	}

	public boolean isAdministrator() {
		return grants.stream().anyMatch(grant -> grant.permission() == Permission.ADMINISTRATOR);
	}
}
