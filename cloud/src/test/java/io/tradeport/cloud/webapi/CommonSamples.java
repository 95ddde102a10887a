package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;

class CommonSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/ServerTime", context.mt4() + "/ServerTime"),
				get("/api/v2/MT4/{tradePlatform}/ServerTime", context.foreign() + "/ServerTime"),
				get("/api/v2/MT5/{tradePlatform}/ServerTime", context.mt5() + "/ServerTime"),
				get("/api/v2/MT5/{tradePlatform}/ServerTime", context.mt4().replace("/MT4/", "/MT5/") + "/ServerTime"));
	}
}
