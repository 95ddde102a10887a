package io.tradeport.signalr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A push-style stream for a {@link HubStreamMethod}: the producer emits items into a {@link Sink} whenever it has
 * them (a price tick, a trade update), and learns when the stream is over. The server asks for items only as fast as
 * the client's socket takes them, so an item that arrives while the client is behind is not delivered:
 * {@link Sink#next} returns false and the producer decides to drop it (ticks: the next one supersedes it), to keep
 * it and send a newer summary later, or to end the stream with {@link Sink#error}.
 *
 * <pre>{@code
 * .stream("StreamTicks", (connection, arguments) -> HubStream.<Tick>create(sink -> {
 *     var subscription = ticks.subscribe(sink::next);
 *     sink.onClose(subscription::close);
 * }))
 * }</pre>
 */
public final class HubStream {

	private HubStream() {
	}

	/**
	 * @param producer called once the client is subscribed, on a thread of its own: it may register a listener and
	 *        return, or produce in a loop until {@link Sink#isClosed()}
	 */
	public static <T> Flow.Publisher<T> create(Consumer<Sink<T>> producer) {
		return new Source<>(producer);
	}

	/** Where a producer emits. Safe to use from several threads. */
	public interface Sink<T> {

		/** @return false when the item was not delivered: the client has not asked for more yet, or the stream is over */
		boolean next(T item);

		/** Ends the stream normally. */
		void complete();

		/** Ends the stream with an error; a {@link HubException}'s message reaches the client. */
		void error(Throwable error);

		/** True once the stream is over: completed, failed, cancelled by the client, or its connection closed. */
		boolean isClosed();

		/** Runs {@code action} when the stream is over, whatever the reason (at once if it already is). */
		void onClose(Runnable action);
	}

	private static final class Source<T> implements Flow.Publisher<T>, Flow.Subscription, Sink<T> {

		private static final Logger log = LoggerFactory.getLogger(HubStream.class);

		private final Consumer<Sink<T>> producer;
		private final AtomicBoolean subscribed = new AtomicBoolean();
		private final AtomicReference<Flow.@Nullable Subscriber<? super T>> subscriber = new AtomicReference<>();
		private final AtomicLong demand = new AtomicLong();
		private final AtomicBoolean closed = new AtomicBoolean();
		private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
		private final ReentrantLock signals = new ReentrantLock();

		Source(Consumer<Sink<T>> producer) {
			this.producer = producer;
		}

		@Override
		public void subscribe(Flow.Subscriber<? super T> subscriber) {
			if (!subscribed.compareAndSet(false, true)) {
				subscriber.onSubscribe(new Flow.Subscription() {
					@Override
					public void request(long n) {
					}

					@Override
					public void cancel() {
					}
				});
				subscriber.onError(new IllegalStateException("A HubStream has a single subscriber"));
				return;
			}
			this.subscriber.set(subscriber);
			subscriber.onSubscribe(this);
			if (closed.get()) {
				return;
			}
			try {
				producer.accept(this);
			}
			catch (RuntimeException e) {
				error(e);
			}
		}

		@Override
		public void request(long n) {
			if (n <= 0) {
				error(new IllegalArgumentException("Rule 3.9: request must be positive, was " + n));
				return;
			}
			demand.accumulateAndGet(n, (current, added) -> current + added < 0 ? Long.MAX_VALUE : current + added);
		}

		@Override
		public void cancel() {
			close();
		}

		@Override
		public boolean next(T item) {
			signals.lock();
			try {
				var target = subscriber.get();
				if (closed.get() || target == null || demand.get() <= 0) {
					return false;
				}
				demand.decrementAndGet();
				target.onNext(item);
				return true;
			}
			finally {
				signals.unlock();
			}
		}

		@Override
		public void complete() {
			end(null);
		}

		@Override
		public void error(Throwable error) {
			end(error);
		}

		@Override
		public boolean isClosed() {
			return closed.get();
		}

		@Override
		public void onClose(Runnable action) {
			onClose.add(action);
			if (closed.get() && onClose.remove(action)) {
				run(action);
			}
		}

		private void end(@Nullable Throwable error) {
			signals.lock();
			try {
				var target = subscriber.get();
				if (!close() || target == null) {
					return;
				}
				if (error == null) {
					target.onComplete();
				}
				else {
					target.onError(error);
				}
			}
			finally {
				signals.unlock();
			}
		}

		/** @return true for the call that closed it */
		private boolean close() {
			if (!closed.compareAndSet(false, true)) {
				return false;
			}
			for (var action : onClose) {
				if (onClose.remove(action)) {
					run(action);
				}
			}
			return true;
		}

		private static void run(Runnable action) {
			try {
				action.run();
			}
			catch (RuntimeException e) {
				log.warn("A stream's close action failed", e);
			}
		}
	}
}
