/**
 * Trade platforms: an organization's MT4/MT5 servers with their Manager API and MySQL report-database
 * credentials (sealed at rest, never shown back), and checks that those credentials work.
 */
@NullMarked
package io.tradeport.cloud.platforms;

import org.jspecify.annotations.NullMarked;
