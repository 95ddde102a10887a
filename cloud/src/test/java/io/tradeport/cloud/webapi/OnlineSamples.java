package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;

class OnlineSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/OnlineGet", mt4 + "/OnlineGet"),
				get("/api/v2/MT4/{tradePlatform}/OnlineGet", mt4 + "/OnlineGet?limit=1"),
				get("/api/v2/MT4/{tradePlatform}/OnlineGet", mt4 + "/OnlineGet?limit=5001"),
				get("/api/v2/MT4/{tradePlatform}/OnlineRequest", mt4 + "/OnlineRequest"),
				get("/api/v2/MT4/{tradePlatform}/OnlineRequest", mt4 + "/OnlineRequest?cursor=not-ours"));
	}
}
