package io.tradeport.cloud.realtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.cloud.platforms.PlatformUnavailable;
import io.tradeport.cloud.platforms.PumpListener;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.PumpEvent;

/**
 * One listener per platform on the node's pump, however many hub connections follow it; connections and streams
 * attach taps here. Taps run on the pump's thread and must only queue (the hubs' sends and streams never block).
 */
@Component
class PlatformFeeds {

	private static final Logger log = LoggerFactory.getLogger(PlatformFeeds.class);

	/** What follows a platform: its live changes and its connection state. */
	interface Tap {

		void changed(PumpEvent event);

		default void connectionChanged(boolean connected) {
		}
	}

	static final class Feed implements PumpListener {

		private final CopyOnWriteArrayList<Tap> taps = new CopyOnWriteArrayList<>();
		private volatile boolean connected;

		int tapCount() {
			return taps.size();
		}

		/** Attaches a tap; run the returned action to detach it. */
		Runnable tap(Tap tap) {
			taps.add(tap);
			return () -> taps.remove(tap);
		}

		@Override
		public void changed(PumpEvent event) {
			each(tap -> tap.changed(event));
		}

		@Override
		public void connectionChanged(boolean up) {
			var changed = connected != up;
			connected = up;
			if (changed) {
				each(tap -> tap.connectionChanged(up));
			}
		}

		private void each(Consumer<Tap> call) {
			for (var tap : taps) {
				try {
					call.accept(tap);
				}
				catch (RuntimeException e) {
					log.warn("A realtime tap failed", e);
				}
			}
		}
	}

	private final PlatformPumps pumps;
	private final ConcurrentHashMap<TradePlatformId, Feed> feeds = new ConcurrentHashMap<>();

	PlatformFeeds(PlatformPumps pumps) {
		this.pumps = pumps;
	}

	/**
	 * Whether the platform is connected, waiting (up to the pump's first-snapshot limit) when its pump is only just
	 * starting, so that a first connection is not told "disconnected" a moment before it is told "connected".
	 */
	boolean connectedOnceStarted(TradePlatformId platform) {
		try {
			pumps.cache(platform);
		}
		catch (PlatformUnavailable down) {
			return false;
		}
		return pumps.connected(platform);
	}

	/** The platform's feed, following its pump from the first call on (the pump is started if needed). */
	Feed of(TradePlatformId platform) {
		return feeds.computeIfAbsent(platform, id -> {
			var feed = new Feed();
			pumps.listen(id, feed);
			return feed;
		});
	}
}
