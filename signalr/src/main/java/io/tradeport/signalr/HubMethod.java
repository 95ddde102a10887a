package io.tradeport.signalr;

import org.jspecify.annotations.Nullable;

/**
 * A hub method a client calls with {@code invoke} or {@code send}. Calls from one connection run one at a time, in
 * the order they arrived; calls from different connections run concurrently.
 */
@FunctionalInterface
public interface HubMethod {

	/**
	 * @return the result for the caller; {@code null} answers as a method without result does. A
	 *         {@link java.util.concurrent.CompletionStage} is waited for and its value is the result.
	 * @throws HubException to fail the call with a message the caller sees; any other exception fails it with a
	 *         generic message and is logged
	 */
	@Nullable Object invoke(HubConnection connection, HubArguments arguments) throws Exception;
}
