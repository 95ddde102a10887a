package io.tradeport.cloud.realtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.webapi.RealtimeAccess;
import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.signalr.Hub;
import io.tradeport.signalr.HubArguments;
import io.tradeport.signalr.HubConnection;
import io.tradeport.signalr.HubException;
import io.tradeport.signalr.HubStream;

/**
 * {@code /hubs/mt4/v2}: {@code OnConnectionStatus} after the handshake and on every change of the platform's
 * connection; {@code SubscribeToTicks}/{@code UnsubscribeFromTicks} with {@code OnTick} pushes, written once per tick
 * for all subscribers of the symbol; and the streams {@code StreamTicks} (all symbols or one),
 * {@code StreamMarginCallUpdates}, {@code StreamTrades}, {@code StreamUserUpdates}, {@code StreamSymbolUpdates}.
 * Subscriptions belong to the connection, as in ASP.NET: after a reconnect a client subscribes again.
 */
final class Mt4Hub {

	private final Hub hub;
	private final PlatformFeeds feeds;
	private final ConnectionStatusRelay status;
	/** Platforms whose ticks this hub already relays to the symbols' groups. */
	private final Set<TradePlatformId> relayed = ConcurrentHashMap.newKeySet();

	Mt4Hub(RealtimeAccess access, PlatformFeeds feeds) {
		this.feeds = feeds;
		this.status = new ConnectionStatusRelay(this::hub, feeds);
		this.hub = Hub.at("/hubs/mt4/v2")
			.authenticator(HubCaller.authenticator(access, PlatformType.MT4))
			.onConnected(this::connected)
			.method("SubscribeToTicks", (connection, arguments) -> {
				connection.addToGroup(tickGroup(HubCaller.of(connection).platform(), symbol(arguments, 0)));
				return null;
			})
			.method("UnsubscribeFromTicks", (connection, arguments) -> {
				connection.removeFromGroup(tickGroup(HubCaller.of(connection).platform(), symbol(arguments, 0)));
				return null;
			})
			.stream("StreamTicks", (connection, arguments) -> {
				var symbol = arguments.size() == 0 ? null : symbol(arguments, 0);
				return stream(connection, event -> event.hasTick() && (symbol == null || event.getTick().getSymbol().equals(symbol)),
						event -> Payloads.TickPayload.of(event.getTick()));
			})
			.stream("StreamMarginCallUpdates", (connection, arguments) -> {
				var levels = new MarginLevelStates();
				return stream(connection, event -> event.hasMarginLevel() && levels.worthTelling(event.getMarginLevel()),
						event -> Payloads.MarginCallPayload.of(event.getMarginLevel(), event.getTime()));
			})
			.stream("StreamTrades", (connection, arguments) -> stream(connection, PumpEvent::hasTrade,
					event -> Payloads.TradeUpdatePayload.of(event.getTrans(), event.getTrade())))
			.stream("StreamUserUpdates", (connection, arguments) -> stream(connection, PumpEvent::hasUser,
					event -> Payloads.UserUpdatePayload.of(event.getTrans(), event.getUser())))
			.stream("StreamSymbolUpdates", (connection, arguments) -> stream(connection, PumpEvent::hasSymbol,
					event -> Payloads.SymbolUpdatePayload.of(event.getTrans(), event.getSymbol())))
			.build();
	}

	Hub hub() {
		return hub;
	}

	private void connected(HubConnection connection) {
		var platform = HubCaller.of(connection).platform();
		if (relayed.add(platform)) {
			feeds.of(platform).tap(event -> {
				if (event.hasTick()) {
					hub.sendToGroup(tickGroup(platform, event.getTick().getSymbol()), "OnTick", Payloads.TickPayload.of(event.getTick()));
				}
			});
		}
		status.joined(connection);
	}

	/** The platform's live changes that pass {@code wanted}, as payloads; dropped while the client is behind. */
	private <T> Flow.Publisher<T> stream(HubConnection connection, Predicate<PumpEvent> wanted, Function<PumpEvent, T> payload) {
		var feed = feeds.of(HubCaller.of(connection).platform());
		return HubStream.create(sink -> {
			var tap = feed.tap(event -> {
				if (wanted.test(event)) {
					sink.next(payload.apply(event));
				}
			});
			sink.onClose(tap);
		});
	}

	private static String symbol(HubArguments arguments, int index) {
		if (arguments.size() <= index) {
			throw new HubException("A symbol is required");
		}
		@Nullable String symbol = arguments.get(index, String.class);
		if (symbol == null || symbol.isBlank() || symbol.length() > 12) {
			throw new HubException("A symbol is 1 to 12 characters");
		}
		return symbol;
	}

	private static String tickGroup(TradePlatformId platform, String symbol) {
		return "ticks:" + platform + ":" + symbol;
	}

}
