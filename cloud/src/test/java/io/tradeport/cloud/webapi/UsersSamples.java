package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.patch;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

class UsersSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		var created = context.post(mt4 + "/UserRecordNew", "{\"group\":\"demoforex\",\"name\":\"Users sample\"}").json()
			.get("data").get("login").asInt();
		var deleted = context.post(mt4 + "/UserRecordNew", "{\"group\":\"demoforex\",\"name\":\"Deleted by a sample\"}").json()
			.get("data").get("login").asInt();
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/UserRecordGet/{login}", mt4 + "/UserRecordGet/1001"),
				get("/api/v2/MT4/{tradePlatform}/UserRecordGet/{login}", mt4 + "/UserRecordGet/99999999"),
				get("/api/v2/MT4/{tradePlatform}/UserRecordRequest/{login}", mt4 + "/UserRecordRequest/1001"),
				get("/api/v2/MT4/{tradePlatform}/UserRecordsRequest", mt4 + "/UserRecordsRequest?logins=1001&logins=1002&logins=99999999"),
				get("/api/v2/MT4/{tradePlatform}/UserRecordsRequest", mt4 + "/UserRecordsRequest"),
				get("/api/v2/MT4/{tradePlatform}/UserRecordsRequest", mt4 + "/UserRecordsRequest?logins=-3"),
				get("/api/v2/MT4/{tradePlatform}/UsersRequest", mt4 + "/UsersRequest?limit=2"),
				get("/api/v2/MT4/{tradePlatform}/UsersRequest", mt4 + "/UsersRequest"),
				get("/api/v2/MT4/{tradePlatform}/UsersRequest", mt4 + "/UsersRequest?cursor=not-ours"),
				get("/api/v2/MT4/{tradePlatform}/AdmUsersRequestSafe/{group}", mt4 + "/AdmUsersRequestSafe/demoforex"),
				get("/api/v2/MT4/{tradePlatform}/AdmUsersRequestSafe/{group}", mt4 + "/AdmUsersRequestSafe/demo*"),
				get("/api/v2/MT4/{tradePlatform}/AdmBalanceCheck/{login}", mt4 + "/AdmBalanceCheck/1001"),
				get("/api/v2/MT4/{tradePlatform}/AdmBalanceCheck/{login}", mt4 + "/AdmBalanceCheck/99999999"),
				get("/api/v2/MT4/{tradePlatform}/AdmBalanceCheck", mt4 + "/AdmBalanceCheck?logins=1001&logins=1002"),
				get("/api/v2/MT4/{tradePlatform}/AdmBalanceCheck", mt4 + "/AdmBalanceCheck?logins=abc"),
				post("/api/v2/MT4/{tradePlatform}/AdmBalanceFix", mt4 + "/AdmBalanceFix?logins=" + created, null),
				post("/api/v2/MT4/{tradePlatform}/AdmBalanceFix", mt4 + "/AdmBalanceFix", null),
				post("/api/v2/MT4/{tradePlatform}/UserRecordNew", mt4 + "/UserRecordNew",
						"{\"login\":0,\"group\":\"demoforex\",\"name\":\"Contract sample\",\"email\":\"sample@example.com\",\"leverage\":100}"),
				post("/api/v2/MT4/{tradePlatform}/UserRecordNew", mt4 + "/UserRecordNew", "{\"name\":\"No group\"}"),
				post("/api/v2/MT4/{tradePlatform}/UserRecordNew", mt4 + "/UserRecordNew", "{\"group\":\"nosuchgroup\"}"),
				post("/api/v2/MT4/{tradePlatform}/UserRecordUpdate/{login}", mt4 + "/UserRecordUpdate/" + created,
						"{\"name\":\"Updated sample\",\"city\":\"Riga\",\"leverage\":200,\"enableFlags\":3}"),
				post("/api/v2/MT4/{tradePlatform}/UserRecordUpdate/{login}", mt4 + "/UserRecordUpdate/99999999", "{\"name\":\"Nobody\"}"),
				post("/api/v2/MT4/{tradePlatform}/UserRecordUpdate/{login}", mt4 + "/UserRecordUpdate/" + created, "{\"balance\":1000000}"),
				patch("/api/v2/MT4/{tradePlatform}/UserRecord/{login}", mt4 + "/UserRecord/" + created, "{\"comment\":\"patched\",\"unknownKey\":1}"),
				patch("/api/v2/MT4/{tradePlatform}/UserRecord/{login}", mt4 + "/UserRecord/" + created, "[\"not an object\"]"),
				patch("/api/v2/MT4/{tradePlatform}/UserRecord/{login}", mt4 + "/UserRecord/99999999", "{\"comment\":\"nobody\"}"),
				post("/api/v2/MT4/{tradePlatform}/UsersGroupOp", mt4 + "/UsersGroupOp",
						"{\"command\":\"Leverage\",\"leverage\":300,\"logins\":[" + created + "]}"),
				post("/api/v2/MT4/{tradePlatform}/UsersGroupOp", mt4 + "/UsersGroupOp", "{\"command\":\"Delete\",\"logins\":[" + deleted + "]}"),
				post("/api/v2/MT4/{tradePlatform}/UsersGroupOp", mt4 + "/UsersGroupOp", "{\"command\":\"Archive\",\"logins\":[1001]}"),
				post("/api/v2/MT4/{tradePlatform}/UsersGroupOp", mt4 + "/UsersGroupOp", "{\"command\":\"SetGroup\",\"newGroup\":\"nosuchgroup\",\"logins\":[" + created + "]}"),
				post("/api/v2/MT4/{tradePlatform}/UsersSyncStart", mt4 + "/UsersSyncStart?timestamp=0", null),
				post("/api/v2/MT4/{tradePlatform}/UsersSyncStart", mt4 + "/UsersSyncStart?timestamp=-1", null));
	}
}
