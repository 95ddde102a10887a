package io.tradeport.cloud.realtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.signalr.Hub;
import io.tradeport.signalr.HubConnection;

/**
 * {@code OnConnectionStatus}: sent to a connection right after its handshake, and to all connections of a platform
 * whenever the platform's connection changes (one group per platform, so the message is written once).
 */
final class ConnectionStatusRelay {

	private final Supplier<Hub> hub;
	private final PlatformFeeds feeds;
	private final Set<TradePlatformId> relayed = ConcurrentHashMap.newKeySet();

	ConnectionStatusRelay(Supplier<Hub> hub, PlatformFeeds feeds) {
		this.hub = hub;
		this.feeds = feeds;
	}

	void joined(HubConnection connection) {
		var platform = HubCaller.of(connection).platform();
		var feed = feeds.of(platform);
		if (relayed.add(platform)) {
			feed.tap(new PlatformFeeds.Tap() {
				@Override
				public void changed(PumpEvent event) {
				}

				@Override
				public void connectionChanged(boolean connected) {
					hub.get().sendToGroup(group(platform), "OnConnectionStatus", new Payloads.ConnectionStatus(connected));
				}
			});
		}
		connection.addToGroup(group(platform));
		connection.send("OnConnectionStatus", new Payloads.ConnectionStatus(feeds.connectedOnceStarted(platform)));
	}

	private static String group(TradePlatformId platform) {
		return "status:" + platform;
	}
}
