package io.tradeport.cloud.platforms;

import io.tradeport.cloud.organizations.OrganizationId;

/** A platform was created, edited, deleted or given new credentials; published inside the changing transaction. */
public record TradePlatformChanged(TradePlatformId platform, OrganizationId organization) {
}
