package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

class AuthenticationSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		var login = context.post(mt4 + "/UserRecordNew", "{\"group\":\"demoforex\",\"name\":\"Password sample\"}").json()
			.get("data").get("login").asInt();
		return List.of(
				post("/api/v2/MT4/{tradePlatform}/UserPasswordSet/{login}", mt4 + "/UserPasswordSet/" + login, "\"Sample123\""),
				post("/api/v2/MT4/{tradePlatform}/UserPasswordSet/{login}", mt4 + "/UserPasswordSet/" + login + "?changeInvestor=true", "\"Reader123\""),
				post("/api/v2/MT4/{tradePlatform}/UserPasswordSet/{login}", mt4 + "/UserPasswordSet/" + login + "?cleanPubkey=true", "\"Sample123\""),
				post("/api/v2/MT4/{tradePlatform}/UserPasswordSet/{login}", mt4 + "/UserPasswordSet/" + login, "\"abc\""),
				post("/api/v2/MT4/{tradePlatform}/UserPasswordSet/{login}", mt4 + "/UserPasswordSet/" + login, "{\"password\":\"Sample123\"}"),
				post("/api/v2/MT4/{tradePlatform}/UserPasswordCheck/{login}", mt4 + "/UserPasswordCheck/" + login, "\"Sample123\""),
				post("/api/v2/MT4/{tradePlatform}/UserPasswordCheck/{login}", mt4 + "/UserPasswordCheck/" + login, "\"Wrong1234\""),
				post("/api/v2/MT4/{tradePlatform}/UserPasswordCheck/{login}", mt4 + "/UserPasswordCheck/99999999", "\"Sample123\""));
	}
}
