package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.DailyReport;
import io.tradeport.gateway.v1.PerformanceRequest;
import io.tradeport.gateway.v1.ReportsRequest;
import io.tradeport.gateway.v1.ServerAdminGrpc;

/** {@code MT4 v2 :: Reports}: closed-trade and end-of-day reports and the server's performance, asked of the server. */
@RestController
class ReportsController {

	/**
	 * The contract's MT4DailyReport. {@code ctm} is the report's time in server time (the contract says so); the
	 * gateway's reports carry no bank, so it is null.
	 */
	record MT4DailyReport(int login, Instant ctm, String group, @Nullable String bank, double balancePrev, double balance,
			double deposit, double credit, double profitClosed, double profit, double equity, double margin, double marginFree) {

		static MT4DailyReport of(DailyReport report, ZoneId serverZone) {
			return new MT4DailyReport(report.getLogin(), ServerZones.asServerTime(Instant.ofEpochMilli(report.getTime()), serverZone),
					report.getGroup(), null, report.getBalancePrev(), report.getBalance(), report.getDeposit(), report.getCredit(),
					report.getProfitClosed(), report.getProfit(), report.getEquity(), report.getMargin(), report.getMarginFree());
		}
	}

	/**
	 * The contract's MT4Performance. The gateway measures no network throughput and no sockets: they are 0. Memory is
	 * the free heap of the built-in server, in KiB.
	 */
	record MT4Performance(Instant ctm, int users, int cpu, int freeMem, int network, int sockets) {
	}

	/** MT4's report template names are char[32]. */
	private static final int MAX_TEMPLATE = 31;
	private static final String TRADES_TEMPLATE = "RTL_report";
	private static final String DAILY_TEMPLATE = "RTL_dailyreport";

	private final PlatformConnections connections;
	private final ServerZones zones;
	private final SyncSessions sessions;

	ReportsController(PlatformConnections connections, ServerZones zones, SyncSessions sessions) {
		this.connections = connections;
		this.zones = zones;
		this.sessions = sessions;
	}

	/** Closed trades and balance records of the logins whose close time is in the window; unknown logins are left out. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/ReportsRequest")
	ApiResponse<List<Mt4Trade>> reportsRequest(CalledPlatform platform, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable List<Integer> logins,
			@RequestParam(required = false) @Nullable String name) {
		var request = reportsRequest(from, to, logins, name, TRADES_TEMPLATE, MAX_TEMPLATE + 1);
		var trades = connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel).getReports(request));
		return ApiResponse.ok(TradesController.sorted(trades.getTradesList().stream()));
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/DailyReportsRequest")
	ApiResponse<List<MT4DailyReport>> dailyReportsRequest(CalledPlatform platform, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable List<Integer> logins,
			@RequestParam(required = false) @Nullable String name) {
		return ApiResponse.ok(dailyReports(platform, reportsRequest(from, to, logins, name, DAILY_TEMPLATE, MAX_TEMPLATE)));
	}

	/** The same reports keyed by login (in login order), each account's in time order. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/DailyReportsRequestEx")
	ApiResponse<Map<Integer, List<MT4DailyReport>>> dailyReportsRequestEx(CalledPlatform platform,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable List<Integer> logins, @RequestParam(required = false) @Nullable String name) {
		var byLogin = new TreeMap<Integer, List<MT4DailyReport>>();
		for (var report : dailyReports(platform, reportsRequest(from, to, logins, name, DAILY_TEMPLATE, MAX_TEMPLATE))) {
			byLogin.computeIfAbsent(report.login(), login -> new ArrayList<>()).add(report);
		}
		return ApiResponse.ok(byLogin);
	}

	/** {@code timestamp}: unix seconds in server time, as MT4 counts them; 0 asks for every report. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/DailySyncStart")
	ApiResponse<Boolean> dailySyncStart(CalledPlatform platform, @RequestParam(defaultValue = "0") int timestamp) {
		if (timestamp < 0) {
			throw ApiException.validation("timestamp must not be negative");
		}
		sessions.start(SyncSessions.Kind.DAILY_REPORTS, platform, ServerZones.fromServerSeconds(timestamp, zones.of(platform)));
		return ApiResponse.ok(true);
	}

	/** Every visible account's reports from the started cut-off on; consumed by a successful read, empty without a start. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/DailySyncRead")
	ApiResponse<List<MT4DailyReport>> dailySyncRead(CalledPlatform platform) {
		var started = sessions.since(SyncSessions.Kind.DAILY_REPORTS, platform);
		if (started.isEmpty()) {
			return ApiResponse.ok(List.of());
		}
		var reports = dailyReports(platform, ReportsRequest.newBuilder().setFrom(Math.max(0, started.get().toEpochMilli())).build());
		sessions.consumed(SyncSessions.Kind.DAILY_REPORTS, platform, started.get());
		return ApiResponse.ok(reports);
	}

	/** The server's performance records from {@code from} (UTC) on, in time order; an empty list when it has none. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/PerformanceRequest")
	ApiResponse<List<MT4Performance>> performanceRequest(CalledPlatform platform, @RequestParam(required = false) @Nullable String from) {
		var since = DateTimes.parse("from", from);
		var request = PerformanceRequest.newBuilder().setFrom(since == null ? 0 : DateTimes.millis("from", since)).build();
		var records = connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel).getPerformance(request));
		return ApiResponse.ok(records.getRecordsList().stream()
			.sorted(Comparator.comparingLong(io.tradeport.gateway.v1.Performance::getTime))
			.map(record -> new MT4Performance(Instant.ofEpochMilli(record.getTime()), record.getUsers(), record.getCpu(),
					(int) Math.min(Integer.MAX_VALUE, record.getMemoryFreeKb()), 0, 0))
			.toList());
	}

	private List<MT4DailyReport> dailyReports(CalledPlatform platform, ReportsRequest request) {
		var zone = zones.of(platform);
		var reports = connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel).getDailyReports(request));
		return reports.getReportsList().stream()
			.sorted(Comparator.comparingInt(DailyReport::getLogin).thenComparingLong(DailyReport::getTime))
			.map(report -> MT4DailyReport.of(report, zone))
			.toList();
	}

	/**
	 * The window and logins every report operation takes. The gateway has one report of each kind, so a template
	 * other than MT4's default one is not found.
	 */
	private static ReportsRequest reportsRequest(@Nullable String from, @Nullable String to, @Nullable List<Integer> logins,
			@Nullable String name, String defaultTemplate, int maxTemplate) {
		var fromMillis = DateTimes.requiredMillis("from", from);
		var toMillis = Math.max(1, DateTimes.requiredMillis("to", to));
		DateTimes.requireOrdered(fromMillis, toMillis);
		if (logins == null || logins.isEmpty() || logins.size() > Pages.MAX_LIMIT) {
			throw ApiException.validation("logins needs 1 to " + Pages.MAX_LIMIT + " logins (repeat the parameter: ?logins=1001&logins=1002)");
		}
		if (logins.stream().anyMatch(login -> login == null || login <= 0)) {
			throw ApiException.validation("every login must be a positive number");
		}
		if (name != null && name.length() > maxTemplate) {
			throw ApiException.validation("name has at most " + maxTemplate + " characters");
		}
		if (name != null && !name.isBlank() && !name.equals(defaultTemplate)) {
			throw TradesController.notFound("No report template " + name + "; the server has " + defaultTemplate + " only");
		}
		return ReportsRequest.newBuilder().setFrom(fromMillis).setTo(toMillis).addAllLogins(new LinkedHashSet<>(logins)).build();
	}
}
