package io.tradeport.cloud.platforms;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tradeport.gateway.v1.Group;
import io.tradeport.gateway.v1.MarginLevel;
import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.Tick;
import io.tradeport.gateway.v1.Trade;
import io.tradeport.gateway.v1.TransType;
import io.tradeport.gateway.v1.User;

/**
 * One platform's state as its pump delivered it (MT4's pumping mode): what the WebAPI's {@code *Get} operations
 * read instead of asking the server. Updated by one stream; read by any number of requests.
 */
public final class PlatformCache {

	private final Map<Integer, User> users = new ConcurrentHashMap<>();
	private final Map<Integer, Updated<Trade>> openTrades = new ConcurrentHashMap<>();
	private final Map<Integer, Updated<MarginLevel>> margins = new ConcurrentHashMap<>();
	private final Map<String, Group> groups = new ConcurrentHashMap<>();
	private final Map<String, Symbol> symbols = new ConcurrentHashMap<>();
	private final Map<String, Tick> quotes = new ConcurrentHashMap<>();

	public Optional<User> user(int login) {
		return Optional.ofNullable(users.get(login));
	}

	public Collection<User> users() {
		return List.copyOf(users.values());
	}

	public Optional<Trade> openTrade(int ticket) {
		return Optional.ofNullable(openTrades.get(ticket)).map(Updated::value);
	}

	public Collection<Trade> openTrades() {
		return openTrades.values().stream().map(Updated::value).toList();
	}

	/**
	 * Open trades with the server time of the pump event that last changed each: for trades unchanged since the
	 * snapshot, the snapshot's time (later than their real change, never earlier).
	 */
	public Collection<Updated<Trade>> openTradesWithChangeTimes() {
		return List.copyOf(openTrades.values());
	}

	/** A cached value with the server time of the pump event that last changed it. */
	public record Updated<T>(T value, Instant at) {
	}

	public Optional<Updated<MarginLevel>> margin(int login) {
		return Optional.ofNullable(margins.get(login));
	}

	public Collection<Updated<MarginLevel>> margins() {
		return List.copyOf(margins.values());
	}

	public Collection<Group> groups() {
		return List.copyOf(groups.values());
	}

	public Collection<Symbol> symbols() {
		return List.copyOf(symbols.values());
	}

	public Optional<Tick> quote(String symbol) {
		return Optional.ofNullable(quotes.get(symbol));
	}

	void clear() {
		users.clear();
		openTrades.clear();
		margins.clear();
		groups.clear();
		symbols.clear();
		quotes.clear();
	}

	void apply(PumpEvent event) {
		var removed = event.getTrans() == TransType.TRANS_DELETE;
		switch (event.getPayloadCase()) {
			case USER -> put(users, event.getUser().getLogin(), event.getUser(), removed);
			case TRADE -> put(openTrades, event.getTrade().getOrder(), new Updated<>(event.getTrade(), Instant.ofEpochMilli(event.getTime())),
					removed || event.getTrade().getCloseTime() != 0);
			case MARGIN_LEVEL -> put(margins, event.getMarginLevel().getLogin(),
					new Updated<>(event.getMarginLevel(), Instant.ofEpochMilli(event.getTime())), removed);
			case GROUP -> put(groups, event.getGroup().getName(), event.getGroup(), removed);
			case SYMBOL -> put(symbols, event.getSymbol().getName(), event.getSymbol(), removed);
			case TICK -> quotes.put(event.getTick().getSymbol(), event.getTick());
			default -> {
			}
		}
	}

	private static <K, V> void put(Map<K, V> map, K key, V value, boolean remove) {
		if (remove) {
			map.remove(key);
		}
		else {
			map.put(key, value);
		}
	}
}
