package io.tradeport.cloud.platforms;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
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

	private final Map<Integer, Changed<User>> users = new ConcurrentHashMap<>();
	/** Counts user changes over the cache's life, reconnects included, so a replica's position survives them. */
	private long userVersion;
	/** The highest version whose record is in {@link #users}: readers trust nothing above it (see userChangesAfter). */
	private volatile long publishedUserVersion;
	private final Map<Integer, Updated<Trade>> openTrades = new ConcurrentHashMap<>();
	private final Map<Integer, Updated<MarginLevel>> margins = new ConcurrentHashMap<>();
	private final Map<String, Group> groups = new ConcurrentHashMap<>();
	private final Map<String, Symbol> symbols = new ConcurrentHashMap<>();
	private final Map<String, Tick> quotes = new ConcurrentHashMap<>();
	private final Map<String, QuoteState> quoteStates = new ConcurrentHashMap<>();

	public Optional<User> user(int login) {
		return Optional.ofNullable(users.get(login)).map(Changed::value);
	}

	public Collection<User> users() {
		return users.values().stream().map(Changed::value).toList();
	}

	/**
	 * A cached record with the server time of the pump event that last wrote it and its version: a number that
	 * grows with every change of that kind, never reused, also across reconnects.
	 */
	public record Changed<T>(T value, Instant at, long version) {
	}

	/** Changes in version order, and the version up to which they are complete: ask again after {@code upTo}. */
	public record Changes<T>(List<Changed<T>> items, long upTo) {
	}

	/**
	 * The user records written after {@code version} (0: all), oldest change first, as an incremental replica
	 * reads them. A record changed twice is listed once, at its last version; a deleted one not at all. After a
	 * reconnect every record comes again, since the new snapshot rewrites them all.
	 */
	public Changes<User> userChangesAfter(long version) {
		// Read before the records: every record up to it is in the map by then, so none is skipped for good.
		var upTo = publishedUserVersion;
		var items = users.values().stream()
			.filter(changed -> changed.version() > version && changed.version() <= upTo)
			.sorted(Comparator.comparingLong(Changed::version))
			.toList();
		return new Changes<>(items, Math.max(upTo, version));
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

	public Collection<Tick> quotes() {
		return List.copyOf(quotes.values());
	}

	/**
	 * What MT4's SymbolInfo derives from a symbol's ticks, as this pump saw them: the last tick, the direction of its
	 * bid against the one before (0 up, 1 down, 2 unchanged, as the gateway's SymbolInfo), and the highest and lowest
	 * bid since the pump's snapshot, which carries only the current quote, not the server's day range.
	 */
	public record QuoteState(Tick last, int direction, double high, double low) {

		QuoteState next(Tick tick) {
			var direction = tick.getBid() > last.getBid() ? 0 : tick.getBid() < last.getBid() ? 1 : 2;
			return new QuoteState(tick, direction, Math.max(high, tick.getBid()), Math.min(low, tick.getBid()));
		}
	}

	public Optional<QuoteState> quoteState(String symbol) {
		return Optional.ofNullable(quoteStates.get(symbol));
	}

	void clear() {
		users.clear();
		openTrades.clear();
		margins.clear();
		groups.clear();
		symbols.clear();
		quotes.clear();
		quoteStates.clear();
	}

	void apply(PumpEvent event) {
		var removed = event.getTrans() == TransType.TRANS_DELETE;
		switch (event.getPayloadCase()) {
			case USER -> {
				put(users, event.getUser().getLogin(), new Changed<>(event.getUser(), Instant.ofEpochMilli(event.getTime()), ++userVersion), removed);
				publishedUserVersion = userVersion;
			}
			case TRADE -> put(openTrades, event.getTrade().getOrder(), new Updated<>(event.getTrade(), Instant.ofEpochMilli(event.getTime())),
					removed || event.getTrade().getCloseTime() != 0);
			case MARGIN_LEVEL -> put(margins, event.getMarginLevel().getLogin(),
					new Updated<>(event.getMarginLevel(), Instant.ofEpochMilli(event.getTime())), removed);
			case GROUP -> put(groups, event.getGroup().getName(), event.getGroup(), removed);
			case SYMBOL -> put(symbols, event.getSymbol().getName(), event.getSymbol(), removed);
			case TICK -> {
				quotes.put(event.getTick().getSymbol(), event.getTick());
				quoteStates.merge(event.getTick().getSymbol(), new QuoteState(event.getTick(), 2, event.getTick().getBid(), event.getTick().getBid()),
						(previous, first) -> previous.next(event.getTick()));
			}
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
