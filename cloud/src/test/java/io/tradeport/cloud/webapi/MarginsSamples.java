package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;

class MarginsSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/MarginsGet", mt4 + "/MarginsGet"),
				get("/api/v2/MT4/{tradePlatform}/MarginLevelGet/{login}", mt4 + "/MarginLevelGet/1001"),
				get("/api/v2/MT4/{tradePlatform}/MarginLevelGet/{login}", mt4 + "/MarginLevelGet/99999999"),
				get("/api/v2/MT4/{tradePlatform}/MarginLevelRequest/{login}", mt4 + "/MarginLevelRequest/1001"),
				get("/api/v2/MT4/{tradePlatform}/MarginLevelRequest/{login}", mt4 + "/MarginLevelRequest/99999999"));
	}
}
