package io.tradeport.cloud.realtime;

import java.util.ArrayList;
import java.util.List;

import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.webapi.RealtimeAccess;
import io.tradeport.gateway.v1.LevelType;
import io.tradeport.signalr.Hub;
import io.tradeport.signalr.HubStream;

/**
 * {@code /hubs/mt5/v2}, the reduced MT5 scope the SDK knows: {@code OnConnectionStatus} and
 * {@code StreamMarginCallUpdates}, whose items say an account entered or left a margin call or stop-out.
 */
final class Mt5Hub {

	private final Hub hub;

	Mt5Hub(RealtimeAccess access, PlatformFeeds feeds) {
		var status = new ConnectionStatusRelay(this::hub, feeds);
		this.hub = Hub.at("/hubs/mt5/v2")
			.authenticator(HubCaller.authenticator(access, PlatformType.MT5))
			.onConnected(status::joined)
			.stream("StreamMarginCallUpdates", (connection, arguments) -> {
				var feed = feeds.of(HubCaller.of(connection).platform());
				var levels = new MarginLevelStates();
				return HubStream.<Payloads.Mt5MarginCallPayload>create(sink -> sink.onClose(feed.tap(event -> {
					if (event.hasMarginLevel()) {
						var change = levels.change(event.getMarginLevel());
						if (change != null) {
							payloads(change).forEach(sink::next);
						}
					}
				})));
			})
			.build();
	}

	Hub hub() {
		return hub;
	}

	/** Going from a margin call to a stop-out leaves one level and enters the other. */
	private static List<Payloads.Mt5MarginCallPayload> payloads(MarginLevelStates.Change change) {
		var items = new ArrayList<Payloads.Mt5MarginCallPayload>();
		if (change.previous() != null && change.previous() != LevelType.LEVEL_OK) {
			items.add(new Payloads.Mt5MarginCallPayload(change.login(), Payloads.levelName(change.previous()), "Leave"));
		}
		if (change.current() != LevelType.LEVEL_OK) {
			items.add(new Payloads.Mt5MarginCallPayload(change.login(), Payloads.levelName(change.current()), "Enter"));
		}
		return items;
	}
}
