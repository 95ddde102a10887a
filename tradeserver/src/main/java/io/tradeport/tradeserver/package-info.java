/** The trade server's command-line entry point. */
@NullMarked
package io.tradeport.tradeserver;

import org.jspecify.annotations.NullMarked;
