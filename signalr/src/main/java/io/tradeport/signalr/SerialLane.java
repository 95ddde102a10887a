package io.tradeport.signalr;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a connection's hub-method calls one after another in arrival order, as ASP.NET does by default (one
 * invocation per client at a time), without holding a thread while idle. The queue is bounded so that a client
 * flooding invocations cannot grow memory.
 */
final class SerialLane {

	private static final Logger log = LoggerFactory.getLogger(SerialLane.class);

	private final Executor executor;
	private final int maxWaiting;
	private final ReentrantLock lock = new ReentrantLock();
	private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
	private boolean running;

	SerialLane(Executor executor, int maxWaiting) {
		this.executor = executor;
		this.maxWaiting = maxWaiting;
	}

	/** @return false when too many tasks are already waiting; the task is then not run */
	boolean submit(Runnable task) {
		return enqueue(task, false);
	}

	/** Queues the task whatever the bound: for the few tasks the connection itself needs (connect, disconnect). */
	void submitAlways(Runnable task) {
		enqueue(task, true);
	}

	private boolean enqueue(Runnable task, boolean always) {
		lock.lock();
		try {
			if (!always && waiting.size() >= maxWaiting && running) {
				return false;
			}
			waiting.add(task);
			if (running) {
				return true;
			}
			running = true;
		}
		finally {
			lock.unlock();
		}
		executor.execute(this::runAll);
		return true;
	}

	private void runAll() {
		while (true) {
			Runnable task;
			lock.lock();
			try {
				task = waiting.poll();
				if (task == null) {
					running = false;
					return;
				}
			}
			finally {
				lock.unlock();
			}
			try {
				task.run();
			}
			catch (RuntimeException e) {
				log.error("A hub task failed", e);
			}
		}
	}
}
