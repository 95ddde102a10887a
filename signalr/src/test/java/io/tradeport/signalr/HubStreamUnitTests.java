package io.tradeport.signalr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HubStreamUnitTests {

	private final List<Object> signals = new CopyOnWriteArrayList<>();
	private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
	private final AtomicReference<HubStream.Sink<String>> sink = new AtomicReference<>();

	@Test
	void itemsBeyondTheDemandAreNotDeliveredAndTheProducerIsTold() {
		subscribe(2);

		assertThat(sink.get().next("a")).isTrue();
		assertThat(sink.get().next("b")).isTrue();
		assertThat(sink.get().next("dropped")).isFalse();
		subscription.get().request(1);
		assertThat(sink.get().next("c")).isTrue();

		assertThat(signals).containsExactly("a", "b", "c");
	}

	@Test
	void cancellingRunsTheCloseActionsOnceAndLaterItemsAreRefused() {
		var closed = new CopyOnWriteArrayList<String>();
		subscribe(10);
		sink.get().onClose(() -> closed.add("first"));

		subscription.get().cancel();
		subscription.get().cancel();
		sink.get().onClose(() -> closed.add("after"));

		assertThat(closed).containsExactly("first", "after");
		assertThat(sink.get().isClosed()).isTrue();
		assertThat(sink.get().next("late")).isFalse();
		sink.get().complete();
		assertThat(signals).isEmpty();
	}

	@Test
	void completionAndErrorsAreSignalledOnce() {
		subscribe(10);

		sink.get().error(new HubException("gone"));
		sink.get().complete();

		assertThat(signals).hasSize(1).first().isInstanceOf(HubException.class);
	}

	private void subscribe(long demand) {
		HubStream.<String>create(sink::set).subscribe(new Flow.Subscriber<String>() {
			@Override
			public void onSubscribe(Flow.Subscription s) {
				subscription.set(s);
				s.request(demand);
			}

			@Override
			public void onNext(String item) {
				signals.add(item);
			}

			@Override
			public void onError(Throwable error) {
				signals.add(error);
			}

			@Override
			public void onComplete() {
				signals.add("complete");
			}
		});
	}
}
