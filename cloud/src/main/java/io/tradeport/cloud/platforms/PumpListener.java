package io.tradeport.cloud.platforms;

import io.tradeport.gateway.v1.PumpEvent;

/**
 * Follows a platform's live changes as the node's one pump receives them. Called on the pump's thread after the
 * {@link PlatformCache} applied the event: an implementation must hand work off and return at once, or it delays
 * every other listener and the cache.
 */
public interface PumpListener {

	/** A live change (never a snapshot record: those arrive while {@link #connectionChanged} is false). */
	void changed(PumpEvent event);

	/** The platform's pump connected (its snapshot is loaded) or lost the connection. */
	void connectionChanged(boolean connected);
}
