/** A seeded population of simulated traders that deposit, trade and withdraw against the engine, for demo servers. */
@NullMarked
package io.tradeport.tradeserver.simulation;

import org.jspecify.annotations.NullMarked;
