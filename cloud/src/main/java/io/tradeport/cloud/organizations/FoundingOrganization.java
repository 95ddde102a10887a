package io.tradeport.cloud.organizations;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.tradeport.cloud.identity.UserRegistered;

/** Registering creates an empty organization named after the e-mail, in the registration's transaction. */
@Component
class FoundingOrganization {

	private final Organizations organizations;

	FoundingOrganization(Organizations organizations) {
		this.organizations = organizations;
	}

	@EventListener
	void on(UserRegistered registered) {
		organizations.create(registered.email(), registered.userId());
	}
}
