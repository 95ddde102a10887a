package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

/**
 * Server Admin and the external-command channel. The built-in server refuses what it has nothing to act on (2 ERROR),
 * so most successes are refusals passed on as {@code MT4Error}; the licence check answers. SrvRestart is not confirmed
 * here: once the server can restart, it would cut the other samples' connection.
 */
class Mt4ServerAdminSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		return List.of(
				post("/api/v2/MT4/{tradePlatform}/SrvRestart", mt4 + "/SrvRestart", null),
				post("/api/v2/MT4/{tradePlatform}/SrvRestart", context.foreign() + "/SrvRestart?confirm=true", null),
				post("/api/v2/MT4/{tradePlatform}/SrvChartsSync", mt4 + "/SrvChartsSync?confirm=true", null),
				post("/api/v2/MT4/{tradePlatform}/SrvChartsSync", mt4 + "/SrvChartsSync?confirm=false", null),
				post("/api/v2/MT4/{tradePlatform}/SrvFeedsRestart", mt4 + "/SrvFeedsRestart?confirm=true", null),
				post("/api/v2/MT4/{tradePlatform}/SrvLiveUpdateStart", mt4 + "/SrvLiveUpdateStart?confirm=true", null),
				post("/api/v2/MT4/{tradePlatform}/SrvLiveUpdateStart", mt4 + "/SrvLiveUpdateStart?confirm=maybe", null),
				get("/api/v2/MT4/{tradePlatform}/LicenseCheck/{licenseName}", mt4 + "/LicenseCheck/Tradeport"),
				get("/api/v2/MT4/{tradePlatform}/LicenseCheck/{licenseName}", context.foreign() + "/LicenseCheck/Tradeport"),
				get("/api/v2/MT4/{tradePlatform}/SrvFeederLog/{name}", mt4 + "/SrvFeederLog/main"),
				get("/api/v2/MT4/{tradePlatform}/SrvFeeders", mt4 + "/SrvFeeders"),
				get("/api/v2/MT4/{tradePlatform}/SrvFeeders", mt4 + "/SrvFeeders?limit=0"),
				post("/api/v2/MT4/{tradePlatform}/NotificationsSend", mt4 + "/NotificationsSend", "{\"logins\":[1001],\"message\":\"Hello\"}"),
				post("/api/v2/MT4/{tradePlatform}/NotificationsSend", mt4 + "/NotificationsSend", "{\"logins\":[],\"message\":\"Hello\"}"),
				post("/api/v2/MT4/{tradePlatform}/ExternalCommandJSON", mt4 + "/ExternalCommandJSON", "{\"command\":\"ping\"}"),
				post("/api/v2/MT4/{tradePlatform}/ExternalCommandJSON", mt4 + "/ExternalCommandJSON", "not json"),
				post("/api/v2/MT4/{tradePlatform}/ExternalCommandBinary", mt4 + "/ExternalCommandBinary", "{\"data\":\"AQID\"}"),
				post("/api/v2/MT4/{tradePlatform}/ExternalCommandBinary", mt4 + "/ExternalCommandBinary", "{}"));
	}
}
