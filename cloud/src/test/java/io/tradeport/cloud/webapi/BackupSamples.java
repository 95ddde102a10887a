package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

/** Backup: the server's startup backup, read and restored. */
class BackupSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		var users = context.get(mt4 + "/BackupInfoUsers/0").json().get("data").get(0).get("file").asString();
		var orders = context.get(mt4 + "/BackupInfoOrders/0").json().get("data").get(0).get("file").asString();
		var user = context.get(mt4 + "/BackupRequestUsers/" + users + "?request=1003").json().get("data").get(0);
		var restoreUser = "[{\"login\":1003,\"group\":\"" + user.get("group").asString() + "\",\"name\":\"" + user.get("name").asString()
				+ "\",\"leverage\":" + user.get("leverage").asInt() + "}]";
		var order = context.get(mt4 + "/BackupRequestOrders/" + orders).json().get("data").get(0);
		var restoreOrder = "[{\"order\":" + order.get("order").asInt() + ",\"login\":" + order.get("login").asInt() + ",\"tradeCommand\":\""
				+ order.get("tradeCommand").asString() + "\",\"profit\":" + order.get("profit").asDouble() + "}]";
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/BackupInfoUsers/{mode}", mt4 + "/BackupInfoUsers/0"),
				get("/api/v2/MT4/{tradePlatform}/BackupInfoUsers/{mode}", mt4 + "/BackupInfoUsers/1"),
				get("/api/v2/MT4/{tradePlatform}/BackupInfoOrders/{mode}", mt4 + "/BackupInfoOrders/0"),
				get("/api/v2/MT4/{tradePlatform}/BackupInfoOrders/{mode}", mt4 + "/BackupInfoOrders/x"),
				get("/api/v2/MT4/{tradePlatform}/BackupRequestUsers/{file}", mt4 + "/BackupRequestUsers/" + users),
				get("/api/v2/MT4/{tradePlatform}/BackupRequestUsers/{file}", mt4 + "/BackupRequestUsers/nope.bak"),
				get("/api/v2/MT4/{tradePlatform}/BackupRequestUsers/{file}", mt4 + "/BackupRequestUsers/" + users + "?request=abc"),
				get("/api/v2/MT4/{tradePlatform}/BackupRequestOrders/{file}", mt4 + "/BackupRequestOrders/" + orders + "?limit=2"),
				get("/api/v2/MT4/{tradePlatform}/BackupRequestOrders/{file}", mt4 + "/BackupRequestOrders/nope.bak"),
				get("/api/v2/MT4/{tradePlatform}/BackupRequestOrders/{file}", mt4 + "/BackupRequestOrders/" + orders + "?limit=0"),
				post("/api/v2/MT4/{tradePlatform}/BackupRestoreUsers", mt4 + "/BackupRestoreUsers?confirm=true", restoreUser),
				post("/api/v2/MT4/{tradePlatform}/BackupRestoreUsers", mt4 + "/BackupRestoreUsers?confirm=true",
						"[{\"login\":1003,\"name\":\"Somebody Else\"}]"),
				post("/api/v2/MT4/{tradePlatform}/BackupRestoreUsers", mt4 + "/BackupRestoreUsers", restoreUser),
				post("/api/v2/MT4/{tradePlatform}/BackupRestoreOrders", mt4 + "/BackupRestoreOrders?confirm=true", restoreOrder),
				post("/api/v2/MT4/{tradePlatform}/BackupRestoreOrders", mt4 + "/BackupRestoreOrders?confirm=true", "[{\"order\":987654321}]"),
				post("/api/v2/MT4/{tradePlatform}/BackupRestoreOrders", mt4 + "/BackupRestoreOrders?confirm=true", "[]"));
	}
}
