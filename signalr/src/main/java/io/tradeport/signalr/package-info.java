/**
 * A small server for the ASP.NET Core SignalR protocol (negotiate, WebSockets, JSON hub protocol) on Spring
 * WebSocket, so that Microsoft's clients and SDKs built on them connect unchanged. Nothing here knows about trading.
 * <p>
 * Public API: {@link io.tradeport.signalr.Hub} (built with {@link io.tradeport.signalr.Hub#at(String)} and
 * declared as a bean, it is served and is the handle to send to connections and groups),
 * {@link io.tradeport.signalr.HubConnection}, {@link io.tradeport.signalr.HubAuthenticator} with
 * {@link io.tradeport.signalr.HubRequest} and {@link io.tradeport.signalr.HubAccessDeniedException},
 * {@link io.tradeport.signalr.HubMethod}, {@link io.tradeport.signalr.HubStreamMethod},
 * {@link io.tradeport.signalr.HubArguments}, {@link io.tradeport.signalr.HubException} and
 * {@link io.tradeport.signalr.HubStream}. Everything else is package-private.
 */
@NullMarked
package io.tradeport.signalr;

import org.jspecify.annotations.NullMarked;
