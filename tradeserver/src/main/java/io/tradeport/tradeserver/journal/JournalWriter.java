package io.tradeport.tradeserver.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Appends encoded records to the current segment with group commit: the engine thread queues
 * records without waiting, one flusher thread writes everything queued so far with a single
 * write, calls fsync once, and only then completes the futures of the records it covered. Under
 * load many commands share one fsync, so throughput grows with concurrency instead of being
 * capped at one command per disk flush; an idle server pays one fsync per command.
 *
 * <p>An I/O failure is fatal: the in-memory engine is then ahead of the disk, so every waiting
 * and later acknowledgement fails and the server must be restarted (recovery rebuilds the state
 * from what is durable).
 */
final class JournalWriter implements AutoCloseable {

	/** A segment switch queued behind the records before it. */
	private record Rotate(long firstSeq, CompletableFuture<Void> done) {
	}

	private record Waiter(long seq, CompletableFuture<Void> future) {
	}

	private final Path directory;
	private final Object lock = new Object();
	private final Thread flusher;

	// Guarded by lock.
	private ArrayList<Object> queue = new ArrayList<>();
	private long queuedSeq;
	private long durableSeq;
	/** By sequence number: a caller may register after a later record's caller did. */
	private final PriorityQueue<Waiter> waiters = new PriorityQueue<>((a, b) -> Long.compare(a.seq, b.seq));
	private @Nullable IOException failure;
	private boolean closing;

	// Owned by the flusher thread.
	private FileChannel channel;
	private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
	private long syncs;

	JournalWriter(Path directory, long nextSeq) throws IOException {
		this.directory = directory;
		this.queuedSeq = nextSeq - 1;
		this.durableSeq = nextSeq - 1;
		this.channel = openSegment(nextSeq);
		this.flusher = Thread.ofPlatform().name("journal-flusher").daemon().start(this::run);
	}

	static Path segmentPath(Path directory, long firstSeq) {
		return directory.resolve(String.format("journal-%019d.log", firstSeq));
	}

	/** Queues the record with sequence number {@code seq}; numbers must be consecutive. */
	void append(long seq, byte[] record) {
		synchronized (lock) {
			checkUsable();
			if (seq != queuedSeq + 1) {
				throw new IllegalStateException("journal sequence gap: " + seq + " after " + queuedSeq);
			}
			queue.add(record);
			queuedSeq = seq;
			lock.notifyAll();
		}
	}

	/** Completes once every record up to {@code seq} is on disk (fsync'ed). */
	CompletableFuture<Void> whenDurable(long seq) {
		synchronized (lock) {
			if (failure != null) {
				return CompletableFuture.failedFuture(failure);
			}
			if (seq <= durableSeq) {
				return CompletableFuture.completedFuture(null);
			}
			CompletableFuture<Void> future = new CompletableFuture<>();
			waiters.add(new Waiter(seq, future));
			return future;
		}
	}

	/**
	 * Starts a new segment for the records from {@code firstSeq} on, after everything queued
	 * before it is durable in the old one. Completes when the switch is done.
	 */
	CompletableFuture<Void> rotate(long firstSeq) {
		synchronized (lock) {
			checkUsable();
			Rotate rotate = new Rotate(firstSeq, new CompletableFuture<>());
			queue.add(rotate);
			lock.notifyAll();
			return rotate.done;
		}
	}

	long syncs() {
		synchronized (lock) {
			return syncs;
		}
	}

	private void checkUsable() {
		if (failure != null) {
			throw new IllegalStateException("journal failed", failure);
		}
		if (closing) {
			throw new IllegalStateException("journal closed");
		}
	}

	private void run() {
		while (true) {
			List<Object> batch;
			long batchSeq;
			synchronized (lock) {
				while (queue.isEmpty() && !closing) {
					try {
						lock.wait();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
				if (queue.isEmpty()) {
					return;
				}
				batch = queue;
				queue = new ArrayList<>();
				batchSeq = queuedSeq;
			}
			List<Rotate> rotations = new ArrayList<>(0);
			try {
				for (Object item : batch) {
					if (item instanceof byte[] record) {
						put(record);
					}
					else {
						Rotate rotate = (Rotate) item;
						writeAndSync();
						channel.close();
						channel = openSegment(rotate.firstSeq);
						rotations.add(rotate);
					}
				}
				writeAndSync();
			}
			catch (IOException ex) {
				fail(ex, rotations);
				return;
			}
			List<Waiter> done = new ArrayList<>();
			synchronized (lock) {
				durableSeq = batchSeq;
				syncs++;
				while (!waiters.isEmpty() && waiters.peek().seq <= durableSeq) {
					done.add(waiters.poll());
				}
			}
			// Outside the lock: completing runs the callers' dependent stages on this thread.
			rotations.forEach(r -> r.done.complete(null));
			done.forEach(w -> w.future.complete(null));
		}
	}

	private void put(byte[] record) throws IOException {
		if (buffer.remaining() < record.length) {
			write();
			if (buffer.capacity() < record.length) {
				buffer = ByteBuffer.allocateDirect(record.length);
			}
		}
		buffer.put(record);
	}

	private void write() throws IOException {
		buffer.flip();
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
		buffer.clear();
	}

	private void writeAndSync() throws IOException {
		write();
		// force(false) is fdatasync: it includes the file length the appended data needs.
		channel.force(false);
	}

	private void fail(IOException ex, List<Rotate> rotations) {
		List<Waiter> failed;
		synchronized (lock) {
			failure = ex;
			failed = new ArrayList<>(waiters);
			waiters.clear();
			for (Object item : queue) {
				if (item instanceof Rotate rotate) {
					rotations.add(rotate);
				}
			}
			queue.clear();
		}
		rotations.forEach(r -> r.done.completeExceptionally(ex));
		failed.forEach(w -> w.future.completeExceptionally(ex));
	}

	private FileChannel openSegment(long firstSeq) throws IOException {
		Path path = segmentPath(directory, firstSeq);
		FileChannel created = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		created.position(created.size());
		Durability.syncDirectory(directory);
		return created;
	}

	/** Writes and syncs what is queued, then stops the flusher. */
	@Override
	public void close() throws IOException {
		synchronized (lock) {
			closing = true;
			lock.notifyAll();
		}
		try {
			flusher.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		channel.close();
		synchronized (lock) {
			if (failure != null) {
				throw new UncheckedIOException(failure);
			}
		}
	}
}
