package io.tradeport.tradeserver.gateway;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import io.tradeport.gateway.v1.Group;
import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.gateway.v1.Symbol;
import io.tradeport.gateway.v1.TradeState;
import io.tradeport.gateway.v1.TransType;
import io.tradeport.tradeserver.config.UserDirectory;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.MarginLevel;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.TradeRecord;

/**
 * Fans the engine's changes out to the pump subscribers. Every method runs on the engine thread
 * (as listener callbacks or inside engine commands), which orders the events exactly as the
 * engine applied them; a subscriber registered on that thread right after its snapshot was taken
 * therefore misses nothing and sees nothing twice. Each event is built once and offered to every
 * subscriber's bounded buffer without blocking; see {@link PumpSubscriber} for the overflow policy.
 */
final class PumpHub {

	private final Clock clock;
	private final UserDirectory users;
	private final Executor senders;
	private final List<PumpSubscriber> subscribers = new CopyOnWriteArrayList<>();
	/** Group of every known login: trade events carry only the login. Engine thread only. */
	private final Map<Integer, String> groups = new HashMap<>();
	/** Margin state last published per login, to send only changes. Engine thread only. */
	private final Map<Integer, MarginLevel> lastMargins = new HashMap<>();

	PumpHub(Clock clock, UserDirectory users, Executor senders) {
		this.clock = clock;
		this.users = users;
		this.senders = senders;
	}

	Executor senders() {
		return senders;
	}

	boolean hasSubscribers() {
		return !subscribers.isEmpty();
	}

	int subscriberCount() {
		return subscribers.size();
	}

	/** Engine thread: after the snapshot was taken. */
	void add(PumpSubscriber subscriber) {
		subscribers.add(subscriber);
	}

	void remove(PumpSubscriber subscriber) {
		subscribers.remove(subscriber);
	}

	/** Ends the streams of a logged-out session. */
	void revokeSession(String token) {
		subscribers.stream().filter(s -> s.token.equals(token)).forEach(s -> s.revoke("logged out"));
	}

	/** Ends the streams of a manager whose record (rights, groups) changed or was deleted. */
	void revokeManager(int login) {
		subscribers.stream().filter(s -> s.login == login).forEach(s -> s.revoke("the manager's record changed"));
	}

	/** Server shutdown: ends every stream, so stopping does not wait for clients to hang up. */
	void closeAll() {
		for (PumpSubscriber subscriber : subscribers) {
			subscriber.stop();
		}
	}

	// ---------------------------------------------------------------- engine events

	void tradeOpened(TradeRecord trade) {
		trade(trade, TransType.TRANS_ADD);
	}

	void tradeModified(TradeRecord trade) {
		// An admin edit of a closed record is history: the pump replicates open orders only.
		if (trade.isOpen()) {
			trade(trade, TransType.TRANS_UPDATE);
		}
	}

	void tradeClosed(TradeRecord trade) {
		// Balance and credit records are history from birth; the pump replicates open orders only.
		if (trade.cmd().isMarket() || trade.cmd().isPending()) {
			trade(trade, TransType.TRANS_DELETE);
		}
	}

	/**
	 * A position deleted without closing: TRANS_DELETE like a close, so caches drop it, but marked
	 * TRADE_STATE_DELETED with no close time, since it was never closed.
	 */
	void tradeDeleted(TradeRecord trade) {
		if (!subscribers.isEmpty()) {
			var deleted = Protos.trade(trade).toBuilder().setOpen(false).setState(TradeState.TRADE_STATE_DELETED).build();
			publish(event(TransType.TRANS_DELETE).setTrade(deleted).build(), PumpSubscriber.Kind.TRADE,
					groups.getOrDefault(trade.login().value(), ""));
		}
	}

	private void trade(TradeRecord trade, TransType trans) {
		if (subscribers.isEmpty()) {
			return;
		}
		String group = groups.getOrDefault(trade.login().value(), "");
		publish(event(trans).setTrade(Protos.trade(trade)).build(), PumpSubscriber.Kind.TRADE, group);
	}

	void accountChanged(AccountState account) {
		String previous = groups.put(account.login().value(), account.group());
		if (subscribers.isEmpty()) {
			return;
		}
		TransType trans = previous == null ? TransType.TRANS_ADD : TransType.TRANS_UPDATE;
		var user = Protos.user(account, users.get(account.login().value()).orElse(null));
		publish(event(trans).setUser(user).build(), PumpSubscriber.Kind.USER, account.group());
	}

	void accountDeleted(int login) {
		String group = groups.remove(login);
		lastMargins.remove(login);
		if (group != null && !subscribers.isEmpty()) {
			var user = io.tradeport.gateway.v1.User.newBuilder().setLogin(login).setGroup(group).build();
			publish(event(TransType.TRANS_DELETE).setUser(user).build(), PumpSubscriber.Kind.USER, group);
		}
	}

	void marginLevelChanged(MarginLevel level) {
		lastMargins.put(level.login().value(), level);
		if (!subscribers.isEmpty()) {
			publish(event(TransType.TRANS_UPDATE).setMarginLevel(Protos.margin(level)).build(),
					PumpSubscriber.Kind.MARGIN, level.group());
		}
	}

	/**
	 * Publishes the margin levels that changed since the last call. Also called right before a
	 * subscriber's snapshot, so the snapshot and the baseline of later changes are the same. The engine does not report
	 * floating-profit changes per tick (too costly at scale), so the gateway polls at the pump's
	 * margin interval instead.
	 */
	void marginLevels(List<MarginLevel> levels) {
		for (MarginLevel level : levels) {
			MarginLevel previous = lastMargins.put(level.login().value(), level);
			if (!level.equals(previous) && !subscribers.isEmpty()) {
				publish(event(TransType.TRANS_UPDATE).setMarginLevel(Protos.margin(level)).build(),
						PumpSubscriber.Kind.MARGIN, level.group());
			}
		}
	}

	void tick(Quote quote) {
		if (!subscribers.isEmpty()) {
			publish(event(TransType.TRANS_UPDATE).setTick(Protos.tick(quote)).build(), PumpSubscriber.Kind.TICK, "");
		}
	}

	void groupChanged(Group group, boolean added) {
		publish(event(added ? TransType.TRANS_ADD : TransType.TRANS_UPDATE).setGroup(group).build(), PumpSubscriber.Kind.GROUP, "");
	}

	void groupDeleted(String name) {
		publish(event(TransType.TRANS_DELETE).setGroup(Group.newBuilder().setName(name)).build(), PumpSubscriber.Kind.GROUP, "");
	}

	void symbolDeleted(String name) {
		publish(event(TransType.TRANS_DELETE).setSymbol(Symbol.newBuilder().setName(name)).build(), PumpSubscriber.Kind.SYMBOL, "");
	}

	void symbolChanged(Symbol symbol, boolean added) {
		publish(event(added ? TransType.TRANS_ADD : TransType.TRANS_UPDATE).setSymbol(symbol).build(), PumpSubscriber.Kind.SYMBOL, "");
	}

	private PumpEvent.Builder event(TransType trans) {
		return PumpEvent.newBuilder().setTime(clock.millis()).setTrans(trans);
	}

	private void publish(PumpEvent event, PumpSubscriber.Kind kind, String group) {
		for (PumpSubscriber subscriber : subscribers) {
			subscriber.offer(event, kind, group);
		}
	}
}
