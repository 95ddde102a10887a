/**
 * The manager gateway: the gRPC server of {@code gateway-protocol} on top of the engine, with
 * manager sessions and rights, the pump, and the embeddable {@link io.tradeport.tradeserver.gateway.TradeServer}.
 */
@NullMarked
package io.tradeport.tradeserver.gateway;

import org.jspecify.annotations.NullMarked;
