package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.patch;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

class GroupsSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/GroupsGet", mt4 + "/GroupsGet"),
				get("/api/v2/MT4/{tradePlatform}/GroupsGet", context.foreign() + "/GroupsGet"),
				get("/api/v2/MT4/{tradePlatform}/GroupRecordGet/{group}", mt4 + "/GroupRecordGet/demoforex"),
				get("/api/v2/MT4/{tradePlatform}/GroupRecordGet/{group}", mt4 + "/GroupRecordGet/nosuchgroup"),
				get("/api/v2/MT4/{tradePlatform}/GroupSecGroupsGet/{group}", mt4 + "/GroupSecGroupsGet/demopro"),
				get("/api/v2/MT4/{tradePlatform}/GroupSecGroupsGet/{group}", mt4 + "/GroupSecGroupsGet/nosuchgroup"),
				get("/api/v2/MT4/{tradePlatform}/GroupSecMarginsGet/{group}", mt4 + "/GroupSecMarginsGet/demoforex"),
				get("/api/v2/MT4/{tradePlatform}/GroupSecMarginsGet/{group}", mt4 + "/GroupSecMarginsGet/nosuchgroup"),
				get("/api/v2/MT4/{tradePlatform}/GroupsRequest", mt4 + "/GroupsRequest?limit=2"),
				get("/api/v2/MT4/{tradePlatform}/GroupsRequest", mt4 + "/GroupsRequest"),
				get("/api/v2/MT4/{tradePlatform}/GroupsRequest", mt4 + "/GroupsRequest?cursor=not-ours"),
				get("/api/v2/MT4/{tradePlatform}/EnsureGroupNameExist/{group}", mt4 + "/EnsureGroupNameExist/demoforex"),
				get("/api/v2/MT4/{tradePlatform}/EnsureGroupNameExist/{group}", mt4 + "/EnsureGroupNameExist/nosuchgroup"),
				get("/api/v2/MT4/{tradePlatform}/EnsureGroupNameExist/{group}", mt4 + "/EnsureGroupNameExist/seventeen-letters"),
				patch("/api/v2/MT4/{tradePlatform}/GroupRecord/{group}", mt4 + "/GroupRecord/demoforex-eur", "{\"company\":\"Contract Ltd\"}"),
				patch("/api/v2/MT4/{tradePlatform}/GroupRecord/{group}", mt4 + "/GroupRecord/nosuchgroup", "{\"company\":\"Contract Ltd\"}"),
				patch("/api/v2/MT4/{tradePlatform}/GroupRecord/{group}", mt4 + "/GroupRecord/demoforex-eur", "{\"marginMode\":\"Sometimes\"}"),
				post("/api/v2/MT4/{tradePlatform}/GroupRecordUpdate/{group}", mt4 + "/GroupRecordUpdate/demoforex-eur",
						"{\"enable\":1,\"supportEmail\":\"support@example.com\",\"marginCall\":80,\"marginStopout\":30,\"marginMode\":\"UseAll\","
								+ "\"marginControllingType\":\"Percent\",\"timeout\":0,\"otpMode\":\"Disabled\"}"),
				post("/api/v2/MT4/{tradePlatform}/GroupRecordUpdate/{group}", mt4 + "/GroupRecordUpdate/demoforex-eur", "{\"timeout\":30}"),
				post("/api/v2/MT4/{tradePlatform}/GroupRecordUpdate/{group}", mt4 + "/GroupRecordUpdate/demoforex-eur", "{\"currency\":\"XX\"}"));
	}
}
