package io.tradeport.signalr;

import java.util.concurrent.Flow;

/**
 * A hub method a client calls with {@code stream}: each item the publisher emits becomes a stream item, its
 * completion or error ends the stream. The server asks the publisher for items only as the connection's socket
 * accepts them (see {@link HubStream} for a producer that drops what the client cannot take), and cancels the
 * subscription when the client cancels the stream or the connection closes.
 */
@FunctionalInterface
public interface HubStreamMethod {

	/**
	 * Called in the connection's turn like {@link HubMethod}; the returned publisher is subscribed to on its own
	 * thread, so it may produce from there.
	 *
	 * @throws HubException to fail the call with a message the caller sees
	 */
	Flow.Publisher<?> stream(HubConnection connection, HubArguments arguments) throws Exception;
}
