package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

class TradesSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		return List.of(
				post("/api/v2/MT4/{tradePlatform}/TradeTransaction", mt4 + "/TradeTransaction",
						"{\"tradeTransactionType\":\"BalanceAdd\",\"tradeCommand\":\"Balance\",\"orderBy\":1001,\"price\":10,\"comment\":\"contract\"}"),
				post("/api/v2/MT4/{tradePlatform}/TradeTransaction", mt4 + "/TradeTransaction",
						"{\"tradeTransactionType\":\"CloseMarket\",\"order\":987654321}"),
				post("/api/v2/MT4/{tradePlatform}/TradeTransaction", mt4 + "/TradeTransaction",
						"{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1001,\"symbol\":\"EURUSD\",\"volume\":1}"),
				get("/api/v2/MT4/{tradePlatform}/TradesGet", mt4 + "/TradesGet?limit=1"),
				get("/api/v2/MT4/{tradePlatform}/TradesGet", mt4 + "/TradesGet"),
				get("/api/v2/MT4/{tradePlatform}/TradesGet", mt4 + "/TradesGet?limit=6000"));
	}
}
