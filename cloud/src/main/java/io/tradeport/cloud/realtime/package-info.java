/**
 * The realtime hubs {@code /hubs/mt4/v2} and {@code /hubs/mt5/v2}: the CPlugin WebAPI's SignalR surface (ticks,
 * margin calls, trades, users, symbols, connection status) served with the {@code signalr} module and fed from each
 * platform's one pump on this node.
 */
@NullMarked
package io.tradeport.cloud.realtime;

import org.jspecify.annotations.NullMarked;
