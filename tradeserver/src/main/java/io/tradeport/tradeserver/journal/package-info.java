/** Durability of the trade engine: a checksummed write-ahead journal with group commit, snapshots and recovery. */
@NullMarked
package io.tradeport.tradeserver.journal;

import org.jspecify.annotations.NullMarked;
