package io.tradeport.tradeserver.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.gateway.v1.PumpGrpc;
import io.tradeport.gateway.v1.PumpRequest;
import io.tradeport.gateway.v1.PumpStart;
import io.tradeport.gateway.v1.SnapshotComplete;
import io.tradeport.gateway.v1.TransType;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.ManagerRight;
import io.tradeport.tradeserver.config.ServerConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.MarginLevel;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.TradeRecord;

/**
 * Pump.Subscribe: snapshot (groups, symbols, users, open trades, margin levels, quotes), then
 * live changes. The snapshot's engine data is copied on the engine thread in the same step that
 * registers the subscriber, so the live events continue exactly where the snapshot ends.
 */
final class PumpService extends PumpGrpc.PumpImplBase {

	private final ServerContext context;

	PumpService(ServerContext context) {
		this.context = context;
	}

	private record Snapshot(List<AccountState> accounts, List<TradeRecord> trades, List<MarginLevel> margins,
			List<Quote> quotes, List<io.tradeport.gateway.v1.Group> groups, List<io.tradeport.gateway.v1.Symbol> symbols) {
	}

	@Override
	public void subscribe(PumpRequest request, StreamObserver<PumpEvent> observer) {
		ManagerAccount manager;
		try {
			manager = context.sessions.manager();
		}
		catch (MtException ex) {
			observer.onError(ex.toStatus());
			return;
		}
		int capacity = context.config.plugin(ServerConfig.PUMP_PLUGIN)
			.map(p -> p.intParam(ServerConfig.PUMP_BUFFER_PARAM, context.settings.pumpBufferCapacity()))
			.orElse(context.settings.pumpBufferCapacity());
		GroupMask visible = GroupMask.parse(manager.groups());
		var out = (ServerCallStreamObserver<PumpEvent>) observer;
		PumpSubscriber subscriber = new PumpSubscriber(out, context.pump, Sessions.current().token, manager.login(), visible,
				request.getHideTicks(),
				request.getHideMargins(), manager.has(ManagerRight.SEE_TRADES), Math.max(16, capacity));
		try {
			Snapshot snapshot = context.call(e -> {
				List<MarginLevel> margins = e.marginLevels();
				context.pump.marginLevels(margins);
				Snapshot s = new Snapshot(e.accounts(), e.allOpenTrades(), margins,
						e.symbols().stream().flatMap(y -> e.quote(y.name()).stream()).toList(),
						context.sections.groups.all(), context.sections.symbols.all());
				context.pump.add(subscriber);
				return s;
			});
			subscriber.snapshot(events(snapshot, subscriber));
		}
		catch (RuntimeException ex) {
			context.pump.remove(subscriber);
			observer.onError(MtException.of(Ret.TECH_PROBLEM, "snapshot failed: " + ex).toStatus());
		}
	}

	private List<PumpEvent> events(Snapshot s, PumpSubscriber subscriber) {
		long now = context.clock.millis();
		Map<Integer, String> groups = new HashMap<>();
		s.accounts().forEach(a -> groups.put(a.login().value(), a.group()));
		List<PumpEvent.Builder> body = new ArrayList<>();
		s.groups().forEach(g -> body.add(PumpEvent.newBuilder().setGroup(g)));
		s.symbols().forEach(y -> body.add(PumpEvent.newBuilder().setSymbol(y)));
		for (AccountState a : s.accounts()) {
			if (subscriber.wants(PumpSubscriber.Kind.USER, a.group())) {
				body.add(PumpEvent.newBuilder().setUser(Protos.user(a, context.users.get(a.login().value()).orElse(null))));
			}
		}
		for (TradeRecord t : s.trades()) {
			if (subscriber.wants(PumpSubscriber.Kind.TRADE, groups.getOrDefault(t.login().value(), ""))) {
				body.add(PumpEvent.newBuilder().setTrade(Protos.trade(t)));
			}
		}
		for (MarginLevel m : s.margins()) {
			// Hidden margin updates still get the snapshot: a replica needs a starting state.
			if (subscriber.wants(PumpSubscriber.Kind.USER, m.group())) {
				body.add(PumpEvent.newBuilder().setMarginLevel(Protos.margin(m)));
			}
		}
		s.quotes().forEach(q -> body.add(PumpEvent.newBuilder().setTick(Protos.tick(q))));

		List<PumpEvent> events = new ArrayList<>(body.size() + 2);
		events.add(PumpEvent.newBuilder().setTime(now).setTrans(TransType.TRANS_SNAPSHOT).setStart(PumpStart.newBuilder()
			.setGroups(s.groups().size())
			.setSymbols(s.symbols().size())
			.setUsers(count(body, PumpEvent.PayloadCase.USER))
			.setTrades(count(body, PumpEvent.PayloadCase.TRADE))
			.setMarginLevels(count(body, PumpEvent.PayloadCase.MARGIN_LEVEL))
			.setQuotes(s.quotes().size())
			.setBufferCapacity(subscriber.capacity())).build());
		body.forEach(b -> events.add(b.setTime(now).setTrans(TransType.TRANS_SNAPSHOT).build()));
		events.add(PumpEvent.newBuilder().setTime(now).setTrans(TransType.TRANS_SNAPSHOT)
			.setSnapshotComplete(SnapshotComplete.getDefaultInstance()).build());
		return events;
	}

	private static int count(List<PumpEvent.Builder> events, PumpEvent.PayloadCase kind) {
		return (int) events.stream().filter(e -> e.getPayloadCase() == kind).count();
	}
}
