package io.tradeport.cloud.platforms;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.gateway.v1.PumpGrpc;
import io.tradeport.gateway.v1.PumpRequest;

/**
 * One pumping connection per platform per node, shared by every API client: started on first use, it loads the
 * snapshot into a {@link PlatformCache} and follows the live events. When the stream breaks it reconnects with
 * backoff (1 s doubling to 30 s); until the next snapshot is complete, reads fail fast with
 * {@link PlatformUnavailable}, the WebAPI's {@code NoConnect}.
 */
@Service
public class PlatformPumps implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PlatformPumps.class);
	private static final Duration FIRST_SNAPSHOT = Duration.ofSeconds(10);
	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final class Pump implements StreamObserver<PumpEvent> {

		final TradePlatformId platform;
		final PlatformCache cache = new PlatformCache();
		volatile CompletableFuture<PlatformCache> ready = new CompletableFuture<>();
		volatile boolean connected;
		/** Set when an attempt failed: reads fail at once until a snapshot completes again. */
		volatile boolean failing;
		long backoffMillis = 1000;
		volatile boolean renewSession;
		final CopyOnWriteArrayList<PumpListener> listeners = new CopyOnWriteArrayList<>();

		Pump(TradePlatformId platform) {
			this.platform = platform;
		}

		void connect() {
			try {
				var channel = connections.sessionChannel(platform, renewSession);
				renewSession = false;
				PumpGrpc.newStub(channel).subscribe(PumpRequest.getDefaultInstance(), this);
			}
			catch (RuntimeException e) {
				onError(e);
			}
		}

		@Override
		public void onNext(PumpEvent event) {
			if (event.hasStart()) {
				cache.clear();
			}
			cache.apply(event);
			if (event.hasSnapshotComplete()) {
				connected = true;
				failing = false;
				backoffMillis = 1000;
				ready.complete(cache);
				notify(listener -> listener.connectionChanged(true));
			}
			else if (connected) {
				notify(listener -> listener.changed(event));
			}
		}

		private void notify(java.util.function.Consumer<PumpListener> call) {
			for (var listener : listeners) {
				try {
					call.accept(listener);
				}
				catch (RuntimeException e) {
					log.warn("A listener of platform {}'s pump failed", platform, e);
				}
			}
		}

		@Override
		public void onError(Throwable error) {
			disconnected(error);
		}

		@Override
		public void onCompleted() {
			disconnected(null);
		}

		private void disconnected(Throwable error) {
			var wasConnected = connected;
			connected = false;
			if (wasConnected) {
				notify(listener -> listener.connectionChanged(false));
			}
			failing = true;
			var waiting = ready;
			ready = new CompletableFuture<>();
			waiting.completeExceptionally(error == null ? new IllegalStateException("pump stream ended") : error);
			if (error instanceof io.grpc.StatusRuntimeException status && status.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
				renewSession = true;
			}
			if (closed) {
				return;
			}
			if (wasConnected) {
				log.warn("Pump of platform {} disconnected ({}); reconnecting", platform, error == null ? "stream ended" : error.getMessage());
			}
			var delay = backoffMillis;
			backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
			reconnects.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
		}
	}

	private final PlatformConnections connections;
	private final ConcurrentHashMap<TradePlatformId, Pump> pumps = new ConcurrentHashMap<>();
	private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(runnable -> {
		var thread = new Thread(runnable, "platform-pumps");
		thread.setDaemon(true);
		return thread;
	});
	private volatile boolean closed;

	PlatformPumps(PlatformConnections connections) {
		this.connections = connections;
	}

	/**
	 * The platform's cache, once its snapshot is loaded; starts the pump on first use.
	 *
	 * @throws PlatformUnavailable while the platform's pump is not connected
	 */
	public PlatformCache cache(TradePlatformId platform) {
		var pump = pump(platform);
		if (pump.connected) {
			return pump.cache;
		}
		if (pump.failing) {
			throw new PlatformUnavailable("The trade server of platform " + platform + " is not connected; reconnecting", new IllegalStateException());
		}
		try {
			return pump.ready.get(FIRST_SNAPSHOT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
			throw new PlatformUnavailable("The trade server of platform " + platform + " is not connected", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PlatformUnavailable("Interrupted while connecting to platform " + platform, e);
		}
	}

	/**
	 * Follows the platform's live changes through the node's one pump, starting it if needed; close the returned
	 * handle to stop. The listener learns the current connection state at once.
	 */
	public AutoCloseable listen(TradePlatformId platform, PumpListener listener) {
		var pump = pump(platform);
		pump.listeners.add(listener);
		listener.connectionChanged(pump.connected);
		return () -> pump.listeners.remove(listener);
	}

	private Pump pump(TradePlatformId platform) {
		return pumps.computeIfAbsent(platform, id -> {
			var started = new Pump(id);
			started.connect();
			return started;
		});
	}

	/** Whether the platform's pump is connected now (for status pushes). */
	public boolean connected(TradePlatformId platform) {
		var pump = pumps.get(platform);
		return pump != null && pump.connected;
	}

	@Override
	public void close() {
		closed = true;
		reconnects.shutdownNow();
	}
}
