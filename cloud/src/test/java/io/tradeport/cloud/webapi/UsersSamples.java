package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;

class UsersSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/UserRecordGet/{login}", mt4 + "/UserRecordGet/1001"),
				get("/api/v2/MT4/{tradePlatform}/UserRecordGet/{login}", mt4 + "/UserRecordGet/99999999"),
				get("/api/v2/MT4/{tradePlatform}/UserRecordRequest/{login}", mt4 + "/UserRecordRequest/1001"));
	}
}
