package io.tradeport.cloud.webapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.GetMailsRequest;
import io.tradeport.gateway.v1.GetNewsRequest;
import io.tradeport.gateway.v1.Mail;
import io.tradeport.gateway.v1.MessagingGrpc;
import io.tradeport.gateway.v1.NewsKey;
import io.tradeport.gateway.v1.NewsTopic;

/**
 * The news and mail that MT4's pumping connection would hold, per platform on this node. The gateway's pump carries
 * no news or mail, so the cache reads them from the server on first use and again when a read finds them older than
 * {@link #REFRESH}; news sent or mail written through this node shows at once. News bodies are held once
 * NewsBodyRequest fetched them (or NewsSend wrote them), as MT4 holds the bodies it was asked to fetch.
 */
@Component
class MessagingCache {

	static final Duration REFRESH = Duration.ofSeconds(10);

	private static final class News {

		@Nullable List<NewsTopic> topics;
		Instant readAt = Instant.MIN;
		final Map<Integer, String> bodies = new HashMap<>();
	}

	private static final class LastMail {

		@Nullable String last;
		Instant readAt = Instant.MIN;
	}

	private final PlatformConnections connections;
	private final Clock clock;
	private final Map<TradePlatformId, News> news = new ConcurrentHashMap<>();
	private final Map<TradePlatformId, LastMail> mail = new ConcurrentHashMap<>();

	MessagingCache(PlatformConnections connections, Clock clock) {
		this.connections = connections;
		this.clock = clock;
	}

	/** The news topics, oldest first, as the server lists them. */
	List<NewsTopic> topics(TradePlatformId platform) {
		var cached = news.computeIfAbsent(platform, id -> new News());
		synchronized (cached) {
			var now = clock.instant();
			if (cached.topics == null || cached.readAt.plus(REFRESH).isBefore(now)) {
				var topics = connections.call(platform, channel -> MessagingGrpc.newBlockingStub(channel)
					.getNews(GetNewsRequest.getDefaultInstance())).getNewsList();
				var keys = topics.stream().map(NewsTopic::getKey).collect(Collectors.toSet());
				cached.bodies.keySet().retainAll(keys);
				cached.topics = topics;
				cached.readAt = now;
			}
			return cached.topics;
		}
	}

	Optional<String> body(TradePlatformId platform, int key) {
		var cached = news.computeIfAbsent(platform, id -> new News());
		synchronized (cached) {
			return Optional.ofNullable(cached.bodies.get(key));
		}
	}

	/** NewsBodyRequest: the body is fetched now and held for NewsBodyGet. */
	void fetchBody(TradePlatformId platform, int key) {
		var body = connections.call(platform, channel -> MessagingGrpc.newBlockingStub(channel)
			.getNewsBody(NewsKey.newBuilder().setKey(key).build())).getBody();
		var cached = news.computeIfAbsent(platform, id -> new News());
		synchronized (cached) {
			cached.bodies.put(key, body);
		}
	}

	/** News sent through this node: its body is known, and the topics are read again on the next read. */
	void newsSent(TradePlatformId platform, NewsTopic topic, String body) {
		var cached = news.computeIfAbsent(platform, id -> new News());
		synchronized (cached) {
			cached.bodies.put(topic.getKey(), body);
			cached.topics = null;
		}
	}

	/**
	 * The identifier (the server's mail id) of the newest mail this platform's manager can see, or empty when there is
	 * none. The built-in server keeps mail as records rather than files, so there is no path to answer.
	 */
	String lastMail(TradePlatformId platform) {
		var cached = mail.computeIfAbsent(platform, id -> new LastMail());
		synchronized (cached) {
			var now = clock.instant();
			if (cached.last == null || cached.readAt.plus(REFRESH).isBefore(now)) {
				var mails = connections.call(platform, channel -> MessagingGrpc.newBlockingStub(channel)
					.getMails(GetMailsRequest.getDefaultInstance())).getMailsList();
				cached.last = mails.stream().max(Comparator.comparingLong(Mail::getId))
					.map(newest -> Long.toString(newest.getId())).orElse("");
				cached.readAt = now;
			}
			return cached.last;
		}
	}

	void mailSent(TradePlatformId platform) {
		var cached = mail.computeIfAbsent(platform, id -> new LastMail());
		synchronized (cached) {
			cached.last = null;
		}
	}
}
