/** Simulated price feed (random walk per instrument, sessions, holidays) with tick history and MT4 chart bars. */
@NullMarked
package io.tradeport.tradeserver.feed;

import org.jspecify.annotations.NullMarked;
