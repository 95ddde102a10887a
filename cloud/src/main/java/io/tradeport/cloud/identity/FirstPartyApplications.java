package io.tradeport.cloud.identity;

/**
 * Marks registered clients that are Tradeport's own or the broker's trusted applications: they skip the consent
 * page and their ID tokens and userinfo carry the user's organizations and permissions.
 */
public final class FirstPartyApplications {

	/** {@code ClientSettings} key; value {@code true} for a first-party application. */
	public static final String SETTING = "settings.client.tradeport.first-party";

	private FirstPartyApplications() {
	}
}
