/**
 * OAuth 2 clients: API clients owned by an organization (client credentials, generated id and secret shown once,
 * stored as a SHA-256 hash) and applications registered by configuration (authorization code + PKCE).
 */
@NullMarked
package io.tradeport.cloud.clients;

import org.jspecify.annotations.NullMarked;
