package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformRefused;
import io.tradeport.gateway.v1.GetMailsRequest;
import io.tradeport.gateway.v1.MessagingGrpc;
import io.tradeport.gateway.v1.NewsTopic;
import io.tradeport.gateway.v1.SendMailRequest;
import io.tradeport.gateway.v1.SendNewsRequest;

/**
 * {@code MT4 v2 :: Mail}, {@code :: News} and {@code :: Sidecar - Messaging}: the cached reads come from
 * {@link MessagingCache}; sending and listing mail and sending news go to the server.
 */
@RestController
class Mt4MessagingController {

	/** The gateway has no language for news: 0, "unspecified" in the contract's terms. */
	record MT4NewsTopic(int key, Instant time, String topic, String category, String keywords, int priority, int langId) {

		static MT4NewsTopic of(NewsTopic topic) {
			return new MT4NewsTopic(topic.getKey(), Instant.ofEpochMilli(topic.getTime()), topic.getTopic(), topic.getCategory(),
					topic.getKeywords(), topic.getPriority(), 0);
		}
	}

	record MT4MailBox(Instant time, int senderLogin, String senderName, String subject, String body) {
	}

	record MT4MailSendRequest(@Nullable Integer senderLogin, @Nullable String senderName, @Nullable String subject,
			@Nullable String body, @Nullable List<@Nullable Integer> logins) {
	}

	record MT4NewsSendRequest(@Nullable String topic, @Nullable String category, @Nullable String body, @Nullable Boolean highPriority) {
	}

	/** The contract's batch cap of MailSend. */
	private static final int MAX_RECIPIENTS = 10_000;

	/** MT4's INVALID_DATA, which the gateway answers for a news key it does not have. */
	private static final int INVALID_DATA = 3;

	private final PlatformConnections connections;
	private final MessagingCache cache;

	Mt4MessagingController(PlatformConnections connections, MessagingCache cache) {
		this.connections = connections;
		this.cache = cache;
	}

	// ---------------------------------------------------------------- cached

	@GetMapping("/api/v2/MT4/{tradePlatform}/MailLast")
	ApiResponse<String> mailLast(CalledPlatform platform) {
		return ApiResponse.ok(cache.lastMail(platform.id()));
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/NewsTotal")
	ApiResponse<Integer> newsTotal(CalledPlatform platform) {
		return ApiResponse.ok(cache.topics(platform.id()).size());
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/NewsGet")
	ApiResponse<List<MT4NewsTopic>> newsGet(CalledPlatform platform) {
		return ApiResponse.ok(cache.topics(platform.id()).stream().map(MT4NewsTopic::of).toList());
	}

	/** By position in NewsGet's list, oldest first. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/NewsTopicGet/{pos}")
	ApiResponse<MT4NewsTopic> newsTopicGet(CalledPlatform platform, @PathVariable int pos) {
		if (pos < 0) {
			throw ApiException.validation("pos must not be negative");
		}
		var topics = cache.topics(platform.id());
		if (pos >= topics.size()) {
			throw notFound("No news at position " + pos + "; there are " + topics.size());
		}
		return ApiResponse.ok(MT4NewsTopic.of(topics.get(pos)));
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/NewsBodyGet/{key}")
	ApiResponse<String> newsBodyGet(CalledPlatform platform, @PathVariable int key) {
		requireKey(key);
		return ApiResponse.ok(cache.body(platform.id(), key)
			.orElseThrow(() -> notFound("No body of news " + key + " held; NewsBodyRequest fetches it")));
	}

	/** Fetches the body before answering, so an unknown key is NotFound rather than a silent no-op. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/NewsBodyRequest/{key}")
	ApiResponse<Boolean> newsBodyRequest(CalledPlatform platform, @PathVariable int key) {
		requireKey(key);
		try {
			cache.fetchBody(platform.id(), key);
		}
		catch (PlatformRefused refused) {
			if (refused.returnCode() == INVALID_DATA) {
				throw notFound("No news " + key);
			}
			throw refused;
		}
		return ApiResponse.ok(true);
	}

	// ---------------------------------------------------------------- live

	@GetMapping("/api/v2/MT4/{tradePlatform}/MailsRequest")
	ApiResponse<List<MT4MailBox>> mailsRequest(CalledPlatform platform) {
		var mails = connections.call(platform.id(), channel -> MessagingGrpc.newBlockingStub(channel)
			.getMails(GetMailsRequest.getDefaultInstance()));
		return ApiResponse.ok(mails.getMailsList().stream()
			.map(mail -> new MT4MailBox(Instant.ofEpochMilli(mail.getTime()), mail.getSenderLogin(), mail.getSenderName(),
					mail.getSubject(), mail.getBody()))
			.toList());
	}

	/** Sender 0 is the platform's manager, as the gateway has it; every recipient must be an account it can see. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/MailSend")
	ApiResponse<Boolean> mailSend(CalledPlatform platform, @RequestBody MT4MailSendRequest body) {
		if (body.logins() == null || body.logins().isEmpty() || body.logins().size() > MAX_RECIPIENTS) {
			throw ApiException.validation("logins must name 1 to " + MAX_RECIPIENTS + " recipients");
		}
		if (body.logins().stream().anyMatch(login -> login == null || login <= 0)) {
			throw ApiException.validation("logins must be positive numbers");
		}
		if (body.senderLogin() != null && body.senderLogin() < 0) {
			throw ApiException.validation("senderLogin must not be negative");
		}
		if (body.body() == null || body.body().isEmpty()) {
			throw ApiException.validation("body is required");
		}
		requireLength("senderName", body.senderName(), 64);
		requireLength("subject", body.subject(), 128);
		var request = SendMailRequest.newBuilder()
			.setSenderLogin(body.senderLogin() == null ? 0 : body.senderLogin())
			.setSenderName(body.senderName() == null ? "" : body.senderName())
			.setSubject(body.subject() == null ? "" : body.subject())
			.setBody(body.body());
		body.logins().forEach(request::addLogins);
		connections.call(platform.id(), channel -> MessagingGrpc.newBlockingStub(channel).sendMail(request.build()));
		cache.mailSent(platform.id());
		return ApiResponse.ok(true);
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/NewsSend")
	ApiResponse<Boolean> newsSend(CalledPlatform platform, @RequestBody MT4NewsSendRequest body) {
		if (body.topic() == null || body.topic().isBlank()) {
			throw ApiException.validation("topic is required");
		}
		if (body.body() == null || body.body().isEmpty()) {
			throw ApiException.validation("body is required");
		}
		requireLength("topic", body.topic(), 256);
		requireLength("category", body.category(), 64);
		var request = SendNewsRequest.newBuilder()
			.setTopic(body.topic())
			.setCategory(body.category() == null ? "" : body.category())
			.setBody(body.body())
			.setHighPriority(Boolean.TRUE.equals(body.highPriority()))
			.build();
		var topic = connections.call(platform.id(), channel -> MessagingGrpc.newBlockingStub(channel).sendNews(request));
		cache.newsSent(platform.id(), topic, body.body());
		return ApiResponse.ok(true);
	}

	private static void requireKey(int key) {
		if (key <= 0) {
			throw ApiException.validation("key must be a positive number");
		}
	}

	private static void requireLength(String field, @Nullable String value, int max) {
		if (value != null && value.length() > max) {
			throw ApiException.validation(field + " has at most " + max + " characters");
		}
	}

	private static ApiException notFound(String message) {
		return new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, message, null);
	}
}
