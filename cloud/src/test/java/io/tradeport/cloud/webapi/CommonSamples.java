package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;

class CommonSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/ServerTime", mt4 + "/ServerTime"),
				get("/api/v2/MT4/{tradePlatform}/ServerTime", context.foreign() + "/ServerTime"),
				get("/api/v2/MT5/{tradePlatform}/ServerTime", context.mt5() + "/ServerTime"),
				get("/api/v2/MT5/{tradePlatform}/ServerTime", mt4.replace("/MT4/", "/MT5/") + "/ServerTime"),
				get("/api/v2/MT4/{tradePlatform}/JournalRequest", mt4 + "/JournalRequest?from=2020-01-01T00:00:00Z"),
				get("/api/v2/MT4/{tradePlatform}/JournalRequest", mt4 + "/JournalRequest?from=2020-01-01T00:00:00Z&mode=Logins&filter=login"),
				get("/api/v2/MT4/{tradePlatform}/JournalRequest", mt4 + "/JournalRequest"),
				get("/api/v2/MT4/{tradePlatform}/JournalRequest", mt4 + "/JournalRequest?from=2020-01-01T00:00:00Z&mode=Updater"),
				get("/api/v2/MT4/{tradePlatform}/ManagerCommon", mt4 + "/ManagerCommon"),
				get("/api/v2/MT4/{tradePlatform}/ManagerCommon", context.foreign() + "/ManagerCommon"));
	}
}
