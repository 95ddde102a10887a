package io.tradeport.cloud.platforms;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.tradeport.cloud.organizations.OrganizationId;

/** A platform as anyone may see it: where it is, and whether passwords are set, never the passwords. */
public record TradePlatform(TradePlatformId id, OrganizationId organizationId, String name, PlatformType type,
		Instant createdAt, @Nullable String managerAddress, @Nullable Long managerLogin, boolean managerPasswordSet,
		@Nullable String databaseHost, @Nullable Integer databasePort, @Nullable String databaseName,
		@Nullable String databaseLogin, boolean databasePasswordSet) {

	public boolean managerApiConfigured() {
		return managerAddress != null && managerLogin != null && managerPasswordSet;
	}

	public boolean reportDatabaseConfigured() {
		return databaseHost != null && databasePort != null && databaseName != null && databaseLogin != null;
	}
}
