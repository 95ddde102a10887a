package io.tradeport.cloud.webapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.ConFeeder;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.LicenseCheckRequest;
import io.tradeport.gateway.v1.SendNotificationRequest;
import io.tradeport.gateway.v1.ServerAdminGrpc;
import io.tradeport.gateway.v1.ServerCommand;
import io.tradeport.gateway.v1.ServerCommandReply;
import io.tradeport.gateway.v1.ServerCommandRequest;

/**
 * {@code MT4 v2 :: Server Admin} and its destructive part: server commands, feeders, licence check and push
 * notifications, all asked live. A server that cannot carry a command out refuses it (the built-in one answers
 * 2 ERROR with the reason for the commands it has nothing to act on); the refusal is passed on as {@code MT4Error}.
 */
@RestController
class Mt4ServerAdminController {

	/** The contract's MT4Feeder: a running feeder's configuration, without its password. */
	record MT4Feeder(@Nullable String name, @Nullable String file, @Nullable String server, @Nullable String login,
			@Nullable String keywords, int enable, String dataFeedMode, int timeout, int timeoutReconnect, int timeoutSleep,
			int attempsSleep, int newsLangId) {

		/** The gateway's feeder record has no news language (0, as in a record that never set one). */
		static MT4Feeder of(ConFeeder feeder) {
			return new MT4Feeder(feeder.getName(), feeder.getFile(), feeder.getServer(), feeder.getLogin(), feeder.getKeywords(),
					feeder.getEnable() ? 1 : 0, FEED_MODES.getOrDefault(feeder.getMode(), "Quotes"), feeder.getTimeout(),
					feeder.getTimeoutReconnect(), feeder.getTimeoutSleep(), feeder.getAttemptsSleep(), 0);
		}

		/**
		 * A feeder the server runs without a configuration record (MT4 starts feeders from theirs, so only a server
		 * changed meanwhile): running means enabled; the rest is unknown and reads as a zero record would.
		 */
		static MT4Feeder named(String name) {
			return new MT4Feeder(name, null, null, null, null, 1, "Quotes", 0, 0, 0, 0, 0);
		}
	}

	record MT4NotificationsSendRequest(@Nullable List<Integer> logins, @Nullable String message) {
	}

	/** ConFeeder.mode: MT4's FEED_QUOTES, FEED_NEWS, FEED_QUOTESNEWS. */
	private static final Map<Integer, String> FEED_MODES = Map.of(0, "Quotes", 1, "News", 2, "QuotesNews");

	/** Push notifications are short texts on a phone; MT4's own limit for them. */
	private static final int MAX_NOTIFICATION = 255;
	private static final int MAX_RECIPIENTS = 1000;

	private final PlatformConnections connections;

	Mt4ServerAdminController(PlatformConnections connections) {
		this.connections = connections;
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/SrvRestart")
	ApiResponse<Boolean> srvRestart(CalledPlatform platform, @RequestParam(required = false) @Nullable String confirm) {
		return confirmed(platform, confirm, ServerCommand.SRV_RESTART);
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/SrvChartsSync")
	ApiResponse<Boolean> srvChartsSync(CalledPlatform platform, @RequestParam(required = false) @Nullable String confirm) {
		return confirmed(platform, confirm, ServerCommand.SRV_CHARTS_SYNC);
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/SrvFeedsRestart")
	ApiResponse<Boolean> srvFeedsRestart(CalledPlatform platform, @RequestParam(required = false) @Nullable String confirm) {
		return confirmed(platform, confirm, ServerCommand.SRV_FEEDS_RESTART);
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/SrvLiveUpdateStart")
	ApiResponse<Boolean> srvLiveUpdateStart(CalledPlatform platform, @RequestParam(required = false) @Nullable String confirm) {
		return confirmed(platform, confirm, ServerCommand.SRV_LIVE_UPDATE_START);
	}

	/** The names of the running feeders, with each one's configuration (the FEEDERS section), by name in pages. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/SrvFeeders")
	ApiResponse<List<MT4Feeder>> srvFeeders(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		Pages.requireLimit(limit);
		var after = cursor == null || cursor.isEmpty() ? null : FeederCursor.decode(cursor);
		var running = command(platform, ServerCommand.SRV_FEEDERS, "").getLinesList();
		var configured = connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.request(ConfigRequest.newBuilder().setSection(ConfigSection.FEEDERS).build()))
			.getRecordsList().stream().map(ConfigRecord::getFeeder)
			.collect(Collectors.toMap(ConFeeder::getName, Function.identity(), (first, second) -> first));
		var feeders = running.stream().distinct().sorted()
			.filter(name -> after == null || name.compareTo(after) > 0)
			.map(name -> configured.containsKey(name) ? MT4Feeder.of(configured.get(name)) : MT4Feeder.named(name))
			.toList();
		var size = limit == null ? feeders.size() : Math.min(limit, feeders.size());
		var page = feeders.subList(0, size);
		var hasMore = size < feeders.size();
		return ApiResponse.page(page, new ApiResponse.Paging(hasMore ? FeederCursor.encode(page.getLast().name()) : null, hasMore));
	}

	/** The feeder's log as one text, as the server keeps it. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/SrvFeederLog/{name}")
	ApiResponse<String> srvFeederLog(CalledPlatform platform, @PathVariable String name) {
		if (name.isBlank() || name.length() > 64) {
			throw ApiException.validation("name must be a feeder name of 1 to 64 characters");
		}
		return ApiResponse.ok(String.join("\n", command(platform, ServerCommand.SRV_FEEDER_LOG, name).getLinesList()));
	}

	/** {@code false} when the server does not recognise the licence, as the contract has it for any non-Ok answer. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/LicenseCheck/{licenseName}")
	ApiResponse<Boolean> licenseCheck(CalledPlatform platform, @PathVariable String licenseName) {
		if (licenseName.isBlank() || licenseName.length() > 128) {
			throw ApiException.validation("licenseName must be a name of 1 to 128 characters");
		}
		var reply = connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel)
			.checkLicense(LicenseCheckRequest.newBuilder().setName(licenseName).build()));
		return ApiResponse.ok(reply.getRecognised());
	}

	@PostMapping("/api/v2/MT4/{tradePlatform}/NotificationsSend")
	ApiResponse<Boolean> notificationsSend(CalledPlatform platform, @RequestBody MT4NotificationsSendRequest body) {
		var logins = body.logins();
		if (logins == null || logins.isEmpty() || logins.size() > MAX_RECIPIENTS) {
			throw ApiException.validation("logins must name 1 to " + MAX_RECIPIENTS + " accounts");
		}
		if (logins.stream().anyMatch(login -> login == null || login <= 0)) {
			throw ApiException.validation("logins must be positive numbers");
		}
		var message = body.message();
		if (message == null || message.isBlank() || message.length() > MAX_NOTIFICATION || message.contains("\n")) {
			throw ApiException.validation("message must be one line of 1 to " + MAX_NOTIFICATION + " characters");
		}
		connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel)
			.sendNotification(SendNotificationRequest.newBuilder().addAllLogins(logins).setMessage(message).build()));
		return ApiResponse.ok(true);
	}

	/**
	 * {@code ?confirm=true} is the contract's guard against calling a destructive command by accident: the literal
	 * boolean, not whatever else a framework would read as true ({@code yes}, {@code on}, {@code 1}).
	 */
	private ApiResponse<Boolean> confirmed(CalledPlatform platform, @Nullable String confirm, ServerCommand command) {
		if (!"true".equalsIgnoreCase(confirm)) {
			throw ApiException.validation("This operation is destructive: add ?confirm=true to run it");
		}
		command(platform, command, "");
		return ApiResponse.ok(true);
	}

	private ServerCommandReply command(CalledPlatform platform, ServerCommand command, String argument) {
		return connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel)
			.runServerCommand(ServerCommandRequest.newBuilder().setCommand(command).setArgument(argument).build()));
	}

	/** Feeders are paged by name, the contract's cursor key for them. */
	private static final class FeederCursor {

		static String encode(@Nullable String name) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(("n:" + name).getBytes(StandardCharsets.UTF_8));
		}

		static String decode(String cursor) {
			try {
				var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				if (!text.startsWith("n:")) {
					throw new IllegalArgumentException();
				}
				return text.substring(2);
			}
			catch (IllegalArgumentException notOurs) {
				throw ApiException.validation("cursor is not a cursor this API returned");
			}
		}
	}
}
