package io.tradeport.tradeserver.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * News published to the terminals (NewsSend); topics carry a key for the body request. A
 * persistent newsroom (from {@link ServerStores#news}) writes each item to its own file first.
 */
public final class Newsroom {

	public record News(int key, Instant time, String topic, String category, String keywords, int priority, String body) {
	}

	private final List<News> news = new ArrayList<>();
	private final StoreDir files;
	private int nextKey = 1;

	/** An in-memory newsroom. */
	public Newsroom() {
		this(StoreDir.memory());
	}

	Newsroom(StoreDir files) {
		this.files = files;
		for (String name : files.names()) {
			files.readValue(name, Records.NEWS).ifPresent(news::add);
		}
		news.sort(Comparator.comparingInt(News::key));
		news.forEach(n -> nextKey = Math.max(nextKey, n.key() + 1));
	}

	public synchronized News publish(Instant time, String topic, String category, String keywords, boolean high, String body) {
		News item = new News(nextKey, time, topic, category, keywords, high ? 1 : 0, body);
		files.write(item.key() + ".news", Records.NEWS.encode(item));
		nextKey++;
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
