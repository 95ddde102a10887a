package io.tradeport.signalr;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ArrayNode;

/** The hub messages a client sends that the server acts on. */
sealed interface HubMessage {

	/** No {@code invocationId} means the caller wants no answer at all, not even an error. */
	record Invocation(@Nullable String invocationId, String target, ArrayNode arguments, boolean hasStreamIds) implements HubMessage {
	}

	record StreamInvocation(String invocationId, String target, ArrayNode arguments, boolean hasStreamIds) implements HubMessage {
	}

	record CancelInvocation(String invocationId) implements HubMessage {
	}

	record Ping() implements HubMessage {
	}

	record Close() implements HubMessage {
	}

	/**
	 * A type this server does not act on: completions and stream items (client results and upload streams are not
	 * supported), stateful-reconnect acks and sequences, and types added later, which clients are told to ignore.
	 */
	record Ignored(int type) implements HubMessage {
	}
}
