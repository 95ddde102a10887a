package io.tradeport.cloud.identity;

/**
 * Published inside the registration transaction: a listener's failure undoes the registration, so a user never
 * exists without the organization registering promises them.
 */
public record UserRegistered(UserId userId, String email) {
}
