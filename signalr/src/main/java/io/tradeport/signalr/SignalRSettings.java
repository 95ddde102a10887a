package io.tradeport.signalr;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and timers shared by every hub. The defaults are ASP.NET Core's where it has one.
 *
 * @param keepAliveInterval a Ping is sent when nothing else was sent for this long
 * @param clientTimeout the connection is closed with an error when nothing was received for this long
 * @param handshakeTimeout the connection is closed when the handshake has not arrived after this long
 * @param negotiationTimeout a negotiated connection token that no WebSocket has used after this long is forgotten
 * @param maxMessageSize largest incoming hub message (one record, without its separator); larger closes the connection
 * @param sendBufferSize unsent data queued per connection; a connection whose backlog has reached it is closed
 * @param sendTimeout a connection whose socket has not accepted a write for this long is closed
 * @param streamBufferSize stream items asked from a stream's publisher ahead of what the socket has accepted
 * @param maxPendingInvocations invocations waiting behind the running one on a connection; more are refused
 * @param allowedOriginPatterns browser origins allowed to negotiate (CORS) and connect; empty means same origin only
 */
@ConfigurationProperties("tradeport.signalr")
record SignalRSettings(@DefaultValue("15s") Duration keepAliveInterval, @DefaultValue("30s") Duration clientTimeout,
		@DefaultValue("15s") Duration handshakeTimeout, @DefaultValue("15s") Duration negotiationTimeout,
		@DefaultValue("32KB") DataSize maxMessageSize, @DefaultValue("256KB") DataSize sendBufferSize,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("16") int streamBufferSize,
		@DefaultValue("64") int maxPendingInvocations, @DefaultValue List<String> allowedOriginPatterns) {

	SignalRSettings {
		requirePositive("keep-alive-interval", keepAliveInterval);
		requirePositive("client-timeout", clientTimeout);
		requirePositive("handshake-timeout", handshakeTimeout);
		requirePositive("negotiation-timeout", negotiationTimeout);
		requirePositive("send-timeout", sendTimeout);
		if (maxMessageSize.toBytes() <= 0 || sendBufferSize.toBytes() <= 0 || streamBufferSize <= 0 || maxPendingInvocations < 0) {
			throw new IllegalArgumentException("tradeport.signalr sizes must be positive");
		}
		allowedOriginPatterns = List.copyOf(allowedOriginPatterns);
	}

	/** How often timers are checked: fine enough for the shortest of them, at most once a second as in ASP.NET. */
	Duration tick() {
		var shortest = List.of(keepAliveInterval, clientTimeout, handshakeTimeout, negotiationTimeout, sendTimeout).stream()
				.min(Duration::compareTo).orElseThrow();
		var tick = shortest.dividedBy(4);
		return tick.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : tick.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : tick;
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("tradeport.signalr." + name + " must be positive");
		}
	}
}
