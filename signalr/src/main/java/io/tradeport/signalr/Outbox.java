package io.tradeport.signalr;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send side of one connection: a bounded queue of whole records and one writer at a time. Senders only queue,
 * so a broadcast never waits for a slow socket; the writer blocks on the socket on its own (virtual) thread and
 * packs whatever queued meanwhile into one frame, which clients accept as long as every record in it is whole.
 * <p>
 * The bound is on the backlog: a record is refused when the data queued and not yet written has already reached
 * the limit, so a single large record still goes through and memory stays under the limit plus one record. Sizes
 * are counted in characters of JSON text, which is bytes for ASCII.
 */
final class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);
	private static final int FRAME_CHARS = 64 * 1024;

	enum Offer {
		QUEUED, FULL, CLOSED
	}

	@FunctionalInterface
	interface Socket {

		void write(String frame) throws IOException;
	}

	private record Entry(String record, @Nullable Runnable afterWrite) {
	}

	private final Socket socket;
	private final long limit;
	private final Executor writers;
	private final Consumer<Exception> onWriteFailure;

	private final ReentrantLock lock = new ReentrantLock();
	private final ArrayDeque<Entry> queue = new ArrayDeque<>();
	private long queued;
	private long highWater;
	private boolean draining;
	private boolean closed;
	private volatile long writeStartedNanos;

	Outbox(Socket socket, long limit, Executor writers, Consumer<Exception> onWriteFailure) {
		this.socket = socket;
		this.limit = limit;
		this.writers = writers;
		this.onWriteFailure = onWriteFailure;
	}

	/** @param afterWrite run once the record was handed to the socket (not if it never is) */
	Offer offer(String record, @Nullable Runnable afterWrite) {
		boolean startWriter;
		lock.lock();
		try {
			if (closed) {
				return Offer.CLOSED;
			}
			if (queued >= limit) {
				return Offer.FULL;
			}
			queue.add(new Entry(record, afterWrite));
			queued += record.length();
			highWater = Math.max(highWater, queued);
			startWriter = !draining;
			draining = true;
		}
		finally {
			lock.unlock();
		}
		if (startWriter) {
			writers.execute(this::drain);
		}
		return Offer.QUEUED;
	}

	/** Drops what is queued and refuses what comes; a write already under way finishes or fails on its own. */
	void close() {
		lock.lock();
		try {
			closed = true;
			queue.clear();
		}
		finally {
			lock.unlock();
		}
	}

	/** @return when the write under way started ({@link System#nanoTime()}), or 0 when the writer is not blocked in one */
	long writeStartedNanos() {
		return writeStartedNanos;
	}

	long queuedChars() {
		lock.lock();
		try {
			return queued;
		}
		finally {
			lock.unlock();
		}
	}

	/** The largest backlog this outbox ever held. */
	long highWaterChars() {
		lock.lock();
		try {
			return highWater;
		}
		finally {
			lock.unlock();
		}
	}

	private void drain() {
		var batch = new ArrayList<Entry>();
		while (true) {
			batch.clear();
			long size = 0;
			lock.lock();
			try {
				if (closed || queue.isEmpty()) {
					draining = false;
					return;
				}
				while (!queue.isEmpty() && (batch.isEmpty() || size + queue.peek().record().length() <= FRAME_CHARS)) {
					var entry = queue.poll();
					batch.add(entry);
					size += entry.record().length();
				}
			}
			finally {
				lock.unlock();
			}
			if (!write(batch)) {
				return;
			}
			lock.lock();
			try {
				queued -= size;
			}
			finally {
				lock.unlock();
			}
			for (var entry : batch) {
				if (entry.afterWrite() != null) {
					try {
						entry.afterWrite().run();
					}
					catch (RuntimeException e) {
						log.warn("A callback after a write failed", e);
					}
				}
			}
		}
	}

	private boolean write(List<Entry> batch) {
		String frame;
		if (batch.size() == 1) {
			frame = batch.getFirst().record();
		}
		else {
			var builder = new StringBuilder();
			batch.forEach(entry -> builder.append(entry.record()));
			frame = builder.toString();
		}
		writeStartedNanos = System.nanoTime() | 1;
		try {
			socket.write(frame);
			return true;
		}
		catch (IOException | RuntimeException e) {
			lock.lock();
			try {
				closed = true;
				queue.clear();
				queued = 0;
				draining = false;
			}
			finally {
				lock.unlock();
			}
			onWriteFailure.accept(e);
			return false;
		}
		finally {
			writeStartedNanos = 0;
		}
	}
}
