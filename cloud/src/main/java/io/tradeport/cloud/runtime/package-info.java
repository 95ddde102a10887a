/**
 * How the process runs: the embedded default (embedded PostgreSQL, generated encryption key, data directory)
 * and the checks that refuse a production start with missing settings.
 */
@NullMarked
package io.tradeport.cloud.runtime;

import org.jspecify.annotations.NullMarked;
