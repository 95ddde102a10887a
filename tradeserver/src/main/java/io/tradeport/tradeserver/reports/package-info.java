/**
 * Replicates the trade engine into a MySQL/MariaDB database with the MT4 Report Server schema.
 */
@NullMarked
package io.tradeport.tradeserver.reports;

import org.jspecify.annotations.NullMarked;
