package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

/** Reports, and the trades replica calls (TradesSyncStart, TradesSnapshot, TradesSyncRead). */
class ReportsSamples implements ContractSamples {

	private static final String WINDOW = "from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/PerformanceRequest", mt4 + "/PerformanceRequest"),
				get("/api/v2/MT4/{tradePlatform}/PerformanceRequest", mt4 + "/PerformanceRequest?from=2100-01-01T00:00:00Z"),
				get("/api/v2/MT4/{tradePlatform}/PerformanceRequest", mt4 + "/PerformanceRequest?from=soon"),
				get("/api/v2/MT4/{tradePlatform}/ReportsRequest", mt4 + "/ReportsRequest?" + WINDOW + "&logins=1001&logins=1002"),
				get("/api/v2/MT4/{tradePlatform}/ReportsRequest", mt4 + "/ReportsRequest?" + WINDOW),
				get("/api/v2/MT4/{tradePlatform}/ReportsRequest", mt4 + "/ReportsRequest?" + WINDOW + "&logins=1001&name=custom"),
				get("/api/v2/MT4/{tradePlatform}/DailyReportsRequest", mt4 + "/DailyReportsRequest?" + WINDOW + "&logins=1001"),
				get("/api/v2/MT4/{tradePlatform}/DailyReportsRequest", mt4 + "/DailyReportsRequest?logins=1001"),
				get("/api/v2/MT4/{tradePlatform}/DailyReportsRequestEx", mt4 + "/DailyReportsRequestEx?" + WINDOW + "&logins=1001&logins=1002"),
				get("/api/v2/MT4/{tradePlatform}/DailyReportsRequestEx", mt4 + "/DailyReportsRequestEx?" + WINDOW + "&logins=-3"),
				post("/api/v2/MT4/{tradePlatform}/DailySyncStart", mt4 + "/DailySyncStart?timestamp=0", null),
				post("/api/v2/MT4/{tradePlatform}/DailySyncStart", mt4 + "/DailySyncStart?timestamp=-1", null),
				post("/api/v2/MT4/{tradePlatform}/DailySyncRead", mt4 + "/DailySyncRead", null),
				post("/api/v2/MT4/{tradePlatform}/TradesSyncStart", mt4 + "/TradesSyncStart?timestamp=0", null),
				post("/api/v2/MT4/{tradePlatform}/TradesSyncStart", mt4 + "/TradesSyncStart?timestamp=later", null),
				get("/api/v2/MT4/{tradePlatform}/TradesSyncRead", mt4 + "/TradesSyncRead"),
				get("/api/v2/MT4/{tradePlatform}/TradesSyncRead", mt4 + "/TradesSyncRead?limit=0"),
				get("/api/v2/MT4/{tradePlatform}/TradesSnapshot", mt4 + "/TradesSnapshot"),
				get("/api/v2/MT4/{tradePlatform}/TradesSnapshot", mt4 + "/TradesSnapshot?limit=2"),
				get("/api/v2/MT4/{tradePlatform}/TradesSnapshot", mt4 + "/TradesSnapshot?limit=2000000"));
	}
}
