/**
 * Append-only log of security and administration events, kept in the database.
 */
@NullMarked
package io.tradeport.cloud.audit;

import org.jspecify.annotations.NullMarked;
