package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;

class UsersBatchReadsSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		// Samples of all areas run after all are prepared, so the read's session is started here rather than by a sample.
		context.post(mt4 + "/UsersSyncStart?timestamp=0", "");
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/UsersSnapshot", mt4 + "/UsersSnapshot"),
				get("/api/v2/MT4/{tradePlatform}/UsersSnapshot", mt4 + "/UsersSnapshot?limit=2"),
				get("/api/v2/MT4/{tradePlatform}/UsersSnapshot", mt4 + "/UsersSnapshot?limit=0"),
				get("/api/v2/MT4/{tradePlatform}/UsersSyncRead", mt4 + "/UsersSyncRead?limit=2"),
				get("/api/v2/MT4/{tradePlatform}/UsersSyncRead", mt4 + "/UsersSyncRead"),
				get("/api/v2/MT4/{tradePlatform}/UsersSyncRead", mt4 + "/UsersSyncRead?limit=1000001"));
	}
}
