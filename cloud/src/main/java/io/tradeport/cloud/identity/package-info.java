/**
 * Identity: users (registration by e-mail, sign-in, passwords, lockout, sessions) and the OpenID Connect /
 * OAuth 2 provider on IdentityServer-style paths ({@code /connect/*}, {@code /.well-known/*}).
 * <p>
 * Public API: {@link io.tradeport.cloud.identity.UserId}, {@link io.tradeport.cloud.identity.Users},
 * {@link io.tradeport.cloud.identity.SignedInUser}, the event {@link io.tradeport.cloud.identity.UserRegistered},
 * {@link io.tradeport.cloud.identity.ClientSecrets} for modules that issue client credentials, and the SPI
 * {@link io.tradeport.cloud.identity.TokenClaimsContributor} through which other modules add token claims
 * without identity depending on them.
 */
@NullMarked
package io.tradeport.cloud.identity;

import org.jspecify.annotations.NullMarked;
