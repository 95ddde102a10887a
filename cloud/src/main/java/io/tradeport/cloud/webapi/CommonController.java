package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.GetServerInfoRequest;
import io.tradeport.gateway.v1.JournalRequest;
import io.tradeport.gateway.v1.JournalType;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.ServerAdminGrpc;
import io.tradeport.gateway.v1.ServerInfo;

/** {@code MT4/MT5 v2 :: Common}. */
@RestController
class CommonController {

	/** The contract's MT4ServerLog: the time as MT4 writes it in its journal, in server time. */
	record MT4ServerLog(String code, String time, String ip, String message) {
	}

	/** The contract's MT4Common; {@code version} is left out when the server's version is not a number. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MT4Common(String name, String owner, int build, @Nullable Integer version, int timeZone) {
	}

	/** The contract's EnLogType values the gateway's journal has, by lower-case name (ASP.NET binds enums ignoring case). */
	private static final Map<String, JournalType> LOG_TYPES = Map.of("standard", JournalType.JOURNAL_STANDARD,
			"logins", JournalType.JOURNAL_LOGINS, "trades", JournalType.JOURNAL_TRADES, "errors", JournalType.JOURNAL_ERRORS,
			"full", JournalType.JOURNAL_FULL);
	private static final Set<String> LOG_TYPES_NOT_CARRIED = Set.of("updater", "sendmail", "failover");
	/** MT4's journal codes (Ok, Trade, Login, Warn, Err, Att) for the gateway's entry types. */
	private static final Map<JournalType, String> LOG_CODES = Map.of(JournalType.JOURNAL_STANDARD, "Ok",
			JournalType.JOURNAL_LOGINS, "Login", JournalType.JOURNAL_TRADES, "Trade", JournalType.JOURNAL_ERRORS, "Err");
	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss", Locale.ROOT);
	private static final int MAX_FILTER = 255;
	private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,9})");

	private final PlatformConnections connections;

	CommonController(PlatformConnections connections) {
		this.connections = connections;
	}

	/**
	 * The server's wall-clock time ("server time") written as if it were UTC, the convention of MT4's times
	 * (time_t in server time) and of the report database; the contract wants an RFC 3339 date-time.
	 */
	@GetMapping("/api/v2/MT4/{tradePlatform}/ServerTime")
	ApiResponse<Instant> serverTimeMt4(CalledPlatform platform) {
		return ApiResponse.ok(serverTime(platform));
	}

	@GetMapping("/api/v2/MT5/{tradePlatform}/ServerTime")
	ApiResponse<Instant> serverTimeMt5(CalledPlatform platform) {
		return ApiResponse.ok(serverTime(platform));
	}

	/** Entries in {@code [from, to]} (UTC; {@code to} defaults to now), of the {@code mode}'s kind (all by default). */
	@GetMapping("/api/v2/MT4/{tradePlatform}/JournalRequest")
	ApiResponse<List<MT4ServerLog>> journalRequest(CalledPlatform platform, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String mode,
			@RequestParam(required = false) @Nullable String filter) {
		if (from == null || from.isBlank()) {
			throw ApiException.validation("from is required (UTC, ISO 8601)");
		}
		var start = utc("from", from);
		var end = to == null || to.isBlank() ? null : utc("to", to);
		if (end != null && end.isBefore(start)) {
			throw ApiException.validation("to must not be before from");
		}
		var type = logType(mode);
		if (filter != null && filter.length() > MAX_FILTER) {
			throw ApiException.validation("filter has at most " + MAX_FILTER + " characters");
		}
		var request = JournalRequest.newBuilder().setFrom(start.toEpochMilli()).setTo(end == null ? 0 : end.toEpochMilli())
			.setType(type).setFilter(filter == null ? "" : filter).build();
		var journal = connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel).getJournal(request));
		var offset = offset(serverInfo(platform.id()));
		return ApiResponse.ok(journal.getEntriesList().stream()
			.map(entry -> new MT4ServerLog(LOG_CODES.getOrDefault(entry.getType(), "Ok"),
					LOG_TIME.format(Instant.ofEpochMilli(entry.getTime()).atOffset(offset)), entry.getIp(), entry.getMessage()))
			.toList());
	}

	/** Name, owner and build from the COMMON section; version and the current time zone from the server's info. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/ManagerCommon")
	ApiResponse<MT4Common> managerCommon(CalledPlatform platform) {
		var common = connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.request(ConfigRequest.newBuilder().setSection(ConfigSection.COMMON).build())).getRecords(0).getCommon();
		var info = serverInfo(platform.id());
		var version = LEADING_NUMBER.matcher(info.getServerVersion());
		return ApiResponse.ok(new MT4Common(common.getName(), common.getOwner(), common.getBuild(),
				version.find() ? Integer.valueOf(version.group(1)) : null, info.getServerTimeOffsetMinutes() / 60));
	}

	private static Instant utc(String name, String value) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException withoutTime) {
				try {
					return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				catch (DateTimeParseException notADate) {
					throw ApiException.validation(name + " is not an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z");
				}
			}
		}
	}

	/**
	 * Updater, SendMail and Failover are contract values the gateway's journal has no kind for: refused rather than
	 * answered with an empty list that would claim there were no such entries.
	 */
	private static JournalType logType(@Nullable String mode) {
		if (mode == null || mode.isBlank()) {
			return JournalType.JOURNAL_FULL;
		}
		var key = mode.trim().toLowerCase(Locale.ROOT);
		var type = LOG_TYPES.get(key);
		if (type != null) {
			return type;
		}
		if (LOG_TYPES_NOT_CARRIED.contains(key)) {
			throw ApiException.validation("The gateway's journal has no " + mode + " entries; mode is one of Standard, Logins, "
					+ "Trades, Errors, Full");
		}
		throw ApiException.validation("Unknown mode \"" + mode + "\"; one of Standard, Logins, Trades, Errors, Full, Updater, "
				+ "SendMail, Failover");
	}

	private ServerInfo serverInfo(TradePlatformId platform) {
		return connections.call(platform, channel -> ManagerSessionGrpc.newBlockingStub(channel)
			.getServerInfo(GetServerInfoRequest.getDefaultInstance()));
	}

	private static ZoneOffset offset(ServerInfo info) {
		return ZoneOffset.ofTotalSeconds(info.getServerTimeOffsetMinutes() * 60);
	}

	private Instant serverTime(CalledPlatform platform) {
		var info = serverInfo(platform.id());
		var wallClock = LocalDateTime.ofInstant(Instant.ofEpochMilli(info.getServerTime()), offset(info));
		return wallClock.toInstant(ZoneOffset.UTC);
	}
}
