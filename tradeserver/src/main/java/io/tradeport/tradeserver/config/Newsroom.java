package io.tradeport.tradeserver.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** News published to the terminals (NewsSend); topics carry a key for the body request. */
public final class Newsroom {

	public record News(int key, Instant time, String topic, String category, String keywords, int priority, String body) {
	}

	private final List<News> news = new ArrayList<>();
	private int nextKey = 1;

	public synchronized News publish(Instant time, String topic, String category, String keywords, boolean high, String body) {
		News item = new News(nextKey++, time, topic, category, keywords, high ? 1 : 0, body);
		news.add(item);
		return item;
	}

	public synchronized List<News> all() {
		return List.copyOf(news);
	}

	public synchronized Optional<News> get(int key) {
		return news.stream().filter(n -> n.key() == key).findFirst();
	}
}
