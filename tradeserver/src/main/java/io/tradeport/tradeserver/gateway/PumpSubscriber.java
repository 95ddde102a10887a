package io.tradeport.tradeserver.gateway;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.grpc.stub.ServerCallStreamObserver;
import io.tradeport.gateway.v1.PumpEvent;

/**
 * One pump stream. The snapshot is sent first from its own (unbounded, already built) list; live
 * events wait in a bounded buffer. Sending happens on the gateway's sender executor and only while
 * the transport is ready (gRPC flow control), so a slow client never blocks the engine thread.
 *
 * <p><b>Overflow policy: close, never drop.</b> When the live buffer is full, the stream is ended
 * with RESOURCE_EXHAUSTED (MT4 code 4 TECH_PROBLEM, "pump buffer overflow") and the subscriber is
 * removed. Dropping single events would leave the client's replica silently wrong; a closed stream
 * tells it to resubscribe and rebuild from a fresh snapshot, like MT4's STOP_PUMPING.
 */
final class PumpSubscriber {

	enum Kind { GROUP, SYMBOL, USER, TRADE, MARGIN, TICK }

	private final ServerCallStreamObserver<PumpEvent> out;
	private final PumpHub hub;
	/** Session and manager that subscribed: Logout and changes of the manager end the stream. */
	final String token;
	final int login;
	private final GroupMask visible;
	private final boolean hideTicks;
	private final boolean hideMargins;
	private final boolean seeTrades;
	private final int capacity;
	private final ArrayBlockingQueue<PumpEvent> live;
	private final ArrayDeque<PumpEvent> snapshot;
	private final AtomicBoolean scheduled = new AtomicBoolean();
	private volatile boolean closed;
	/** False until the snapshot is in place: live events may arrive first and must wait behind it. */
	private volatile boolean started;
	private long sequence;

	PumpSubscriber(ServerCallStreamObserver<PumpEvent> out, PumpHub hub, String token, int login, GroupMask visible,
			boolean hideTicks, boolean hideMargins, boolean seeTrades, int capacity) {
		this.out = out;
		this.hub = hub;
		this.token = token;
		this.login = login;
		this.visible = visible;
		this.hideTicks = hideTicks;
		this.hideMargins = hideMargins;
		this.seeTrades = seeTrades;
		this.capacity = capacity;
		this.live = new ArrayBlockingQueue<>(capacity);
		this.snapshot = new ArrayDeque<>();
		out.setOnReadyHandler(this::schedule);
		out.setOnCancelHandler(() -> {
			closed = true;
			hub.remove(this);
		});
	}

	int capacity() {
		return capacity;
	}

	/** Whether an event of this kind and group is for this subscriber. */
	boolean wants(Kind kind, String group) {
		return switch (kind) {
			case TICK -> !hideTicks;
			case MARGIN -> !hideMargins && visible.matches(group);
			case TRADE -> seeTrades && visible.matches(group);
			case USER -> visible.matches(group);
			case GROUP, SYMBOL -> true;
		};
	}

	/** Sets the snapshot before the subscriber is registered; sending starts with it. */
	void snapshot(List<PumpEvent> events) {
		synchronized (this) {
			snapshot.addAll(events);
			started = true;
		}
		schedule();
	}

	/** Engine thread: never blocks. */
	void offer(PumpEvent event, Kind kind, String group) {
		if (closed || !wants(kind, group)) {
			return;
		}
		if (!live.offer(event)) {
			overflow();
			return;
		}
		schedule();
	}

	private void overflow() {
		end(new MtException(Ret.TECH_PROBLEM.code, Ret.TECH_PROBLEM.name(), io.grpc.Status.Code.RESOURCE_EXHAUSTED,
				"pump buffer overflow (" + capacity + " events): the client reads too slowly; subscribe again"));
	}

	/** The server is stopping (MT4's STOP_PUMPING): the client should reconnect later. */
	void stop() {
		end(new MtException(Ret.NO_CONNECT.code, Ret.NO_CONNECT.name(), io.grpc.Status.Code.UNAVAILABLE, "the trade server is stopping"));
	}

	/** The session ended or the manager's record changed: the stream's filters may no longer be right. */
	void revoke(String why) {
		end(MtException.of(Ret.NO_CONNECT, why + "; log in and subscribe again"));
	}

	private void end(MtException reason) {
		closed = true;
		hub.remove(this);
		live.clear();
		hub.senders().execute(() -> {
			synchronized (this) {
				snapshot.clear();
				try {
					out.onError(reason.toStatus());
				}
				catch (IllegalStateException alreadyClosed) {
					// The client went away at the same moment; nothing left to tell it.
				}
			}
		});
	}

	private void schedule() {
		if (scheduled.compareAndSet(false, true)) {
			hub.senders().execute(this::drain);
		}
	}

	private void drain() {
		scheduled.set(false);
		synchronized (this) {
			if (closed || !started) {
				return;
			}
			try {
				while (out.isReady()) {
					PumpEvent next = snapshot.isEmpty() ? live.poll() : snapshot.pollFirst();
					if (next == null) {
						return;
					}
					out.onNext(next.toBuilder().setSequence(++sequence).build());
				}
			}
			catch (RuntimeException ex) {
				// The call was cancelled under us: stop sending, the cancel handler unregisters.
				closed = true;
				hub.remove(this);
			}
		}
	}
}
