/**
 * The WebAPI: REST over the trade platforms, wire-compatible with the CPlugin WebAPI v2 (envelope
 * {@code {data, error, meta}}, error codes, paths) so its official SDK works unchanged. Stateless; bearer JWTs
 * from Tradeport's identity server with scope {@code webapi}.
 */
@NullMarked
package io.tradeport.cloud.webapi;

import org.jspecify.annotations.NullMarked;
