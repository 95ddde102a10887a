package io.tradeport.signalr;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxUnitTests {

	private final List<String> frames = new CopyOnWriteArrayList<>();
	private final CompletableFuture<Void> socketUnblocked = new CompletableFuture<>();

	@Test
	void whileTheSocketIsStuckRecordsAreRefusedOnceTheBacklogReachesTheLimit() {
		var outbox = new Outbox(this::stuckWrite, 100, Executors.newVirtualThreadPerTaskExecutor(), e -> {
		});

		assertThat(outbox.offer("a".repeat(60), null)).isEqualTo(Outbox.Offer.QUEUED);
		await().until(() -> outbox.writeStartedNanos() != 0);
		assertThat(outbox.offer("b".repeat(60), null)).as("60 queued, under the limit").isEqualTo(Outbox.Offer.QUEUED);
		assertThat(outbox.offer("c".repeat(60), null)).as("120 queued, at or over the limit").isEqualTo(Outbox.Offer.FULL);
		assertThat(outbox.highWaterChars()).as("at most the limit plus one record").isEqualTo(120);

		socketUnblocked.complete(null);
		await().until(() -> outbox.queuedChars() == 0);
		assertThat(outbox.offer("d".repeat(500), null)).as("a single record larger than the limit still goes").isEqualTo(Outbox.Offer.QUEUED);
	}

	@Test
	void whatQueuedDuringAWriteGoesOutAsOneFrameAndCallbacksRunAfterTheWrite() {
		var written = new CopyOnWriteArrayList<String>();
		var outbox = new Outbox(this::stuckWrite, 10_000, Executors.newVirtualThreadPerTaskExecutor(), e -> {
		});
		outbox.offer("1\u001e", null);
		await().until(() -> outbox.writeStartedNanos() != 0);
		outbox.offer("2\u001e", () -> written.add("2"));
		outbox.offer("3\u001e", () -> written.add("3"));
		assertThat(written).isEmpty();

		socketUnblocked.complete(null);

		await().until(() -> written.size() == 2);
		assertThat(frames).containsExactly("1\u001e", "2\u001e3\u001e");
	}

	@Test
	void aFailedWriteClosesTheOutboxAndReportsOnce() {
		var failures = new CopyOnWriteArrayList<Exception>();
		var outbox = new Outbox(frame -> {
			throw new java.io.IOException("broken pipe");
		}, 1000, Executors.newVirtualThreadPerTaskExecutor(), failures::add);

		outbox.offer("x", null);

		await().until(() -> failures.size() == 1);
		assertThat(outbox.offer("y", null)).isEqualTo(Outbox.Offer.CLOSED);
	}

	private void stuckWrite(String frame) {
		socketUnblocked.orTimeout(5, TimeUnit.SECONDS).join();
		frames.add(frame);
	}
}
