package io.tradeport.cloud.webapi;

import java.time.Duration;
import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;
import static org.awaitility.Awaitility.await;

/** Trades (cached reads, server reads, administrator's edits, checks) and History. */
class TradeRecordsSamples implements ContractSamples {

	private static final int UNKNOWN = 987654321;

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		var position = open(context, "{\"tradeTransactionType\":\"OpenMarket\",\"tradeCommand\":\"Buy\",\"orderBy\":1001,\"symbol\":\"EURUSD\",\"volume\":10}");
		var pending = open(context, "{\"tradeTransactionType\":\"OpenPending\",\"tradeCommand\":\"BuyLimit\",\"orderBy\":1001,"
				+ "\"symbol\":\"EURUSD\",\"volume\":10,\"price\":0.5}");
		await().atMost(Duration.ofSeconds(10)).until(() -> context.get(mt4 + "/TradesGet/" + position).status() == 200);
		var checkPending = "{\"tradeTransactionType\":\"OpenPending\",\"tradeCommand\":\"BuyLimit\",\"symbol\":\"EURUSD\",\"volume\":10,"
				+ "\"price\":0.5,\"sl\":0.4,\"tp\":0.6}";
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/TradesGet/{ticket}", mt4 + "/TradesGet/" + position),
				get("/api/v2/MT4/{tradePlatform}/TradesGet/{ticket}", mt4 + "/TradesGet/" + UNKNOWN),
				get("/api/v2/MT4/{tradePlatform}/TradesGet/{ticket}", mt4 + "/TradesGet/0"),
				get("/api/v2/MT4/{tradePlatform}/TradeRecordGet/{order}", mt4 + "/TradeRecordGet/" + position),
				get("/api/v2/MT4/{tradePlatform}/TradeRecordGet/{order}", mt4 + "/TradeRecordGet/" + UNKNOWN),
				get("/api/v2/MT4/{tradePlatform}/TradesGetByLogin/{login}/{group}", mt4 + "/TradesGetByLogin/1001/demoforex"),
				get("/api/v2/MT4/{tradePlatform}/TradesGetByLogin/{login}/{group}", mt4 + "/TradesGetByLogin/1001/nosuchgroup"),
				get("/api/v2/MT4/{tradePlatform}/TradesGetByLogin/{login}/{group}", mt4 + "/TradesGetByLogin/0/demoforex"),
				get("/api/v2/MT4/{tradePlatform}/TradesGetBySymbol", mt4 + "/TradesGetBySymbol?symbol=EURUSD"),
				get("/api/v2/MT4/{tradePlatform}/TradesGetBySymbol", mt4 + "/TradesGetBySymbol?symbol=NOSUCH"),
				get("/api/v2/MT4/{tradePlatform}/TradesGetBySymbol", mt4 + "/TradesGetBySymbol"),
				get("/api/v2/MT4/{tradePlatform}/TradesGetByMarket", mt4 + "/TradesGetByMarket"),
				post("/api/v2/MT4/{tradePlatform}/TradeCheckStops", mt4 + "/TradeCheckStops", checkPending),
				post("/api/v2/MT4/{tradePlatform}/TradeCheckStops", mt4 + "/TradeCheckStops?price=1.1",
						"{\"tradeTransactionType\":\"ModifyTrade\",\"order\":" + position + ",\"sl\":1000,\"tp\":0}"),
				post("/api/v2/MT4/{tradePlatform}/TradeCheckStops", mt4 + "/TradeCheckStops",
						"{\"tradeTransactionType\":\"ModifyTrade\",\"order\":" + UNKNOWN + "}"),
				post("/api/v2/MT4/{tradePlatform}/TradeCheckStops", mt4 + "/TradeCheckStops", "{\"tradeTransactionType\":\"Nope\"}"),
				post("/api/v2/MT4/{tradePlatform}/TradeClearRollback/{order}", mt4 + "/TradeClearRollback/" + position, null),
				post("/api/v2/MT4/{tradePlatform}/TradeClearRollback/{order}", mt4 + "/TradeClearRollback/" + UNKNOWN, null),
				get("/api/v2/MT4/{tradePlatform}/TradeRecordRequest/{order}", mt4 + "/TradeRecordRequest/" + position),
				get("/api/v2/MT4/{tradePlatform}/TradeRecordRequest/{order}", mt4 + "/TradeRecordRequest/" + UNKNOWN),
				get("/api/v2/MT4/{tradePlatform}/TradeRecordRequest/{order}", mt4 + "/TradeRecordRequest/-1"),
				get("/api/v2/MT4/{tradePlatform}/TradeRecordsRequest", mt4 + "/TradeRecordsRequest?orders=" + position + "&orders=" + UNKNOWN),
				get("/api/v2/MT4/{tradePlatform}/TradeRecordsRequest", mt4 + "/TradeRecordsRequest"),
				get("/api/v2/MT4/{tradePlatform}/TradesRequest", mt4 + "/TradesRequest?limit=1"),
				get("/api/v2/MT4/{tradePlatform}/TradesRequest", mt4 + "/TradesRequest?group=demoforex"),
				get("/api/v2/MT4/{tradePlatform}/TradesRequest", mt4 + "/TradesRequest?group=nosuchgroup"),
				get("/api/v2/MT4/{tradePlatform}/TradesRequest", mt4 + "/TradesRequest?limit=0"),
				get("/api/v2/MT4/{tradePlatform}/AdmTradesRequest/{group}", mt4 + "/AdmTradesRequest/demoforex"),
				get("/api/v2/MT4/{tradePlatform}/AdmTradesRequest/{group}", mt4 + "/AdmTradesRequest/demoforex?openOnly=false"),
				get("/api/v2/MT4/{tradePlatform}/AdmTradesRequest/{group}", mt4 + "/AdmTradesRequest/nosuchgroup"),
				get("/api/v2/MT4/{tradePlatform}/AdmTradesRequest/{group}", mt4 + "/AdmTradesRequest/demo*"),
				post("/api/v2/MT4/{tradePlatform}/AdmTradeRecordModify/{ticket}", mt4 + "/AdmTradeRecordModify/" + position,
						"{\"order\":0,\"comment\":\"contract sample\",\"magic\":7}"),
				post("/api/v2/MT4/{tradePlatform}/AdmTradeRecordModify/{ticket}", mt4 + "/AdmTradeRecordModify/" + UNKNOWN, "{\"magic\":7}"),
				post("/api/v2/MT4/{tradePlatform}/AdmTradeRecordModify/{ticket}", mt4 + "/AdmTradeRecordModify/" + position, "{\"taxes\":5}"),
				post("/api/v2/MT4/{tradePlatform}/AdmTradesDelete", mt4 + "/AdmTradesDelete?orders=" + pending, null),
				post("/api/v2/MT4/{tradePlatform}/AdmTradesDelete", mt4 + "/AdmTradesDelete?orders=" + UNKNOWN, null),
				post("/api/v2/MT4/{tradePlatform}/AdmTradesDelete", mt4 + "/AdmTradesDelete", null),
				get("/api/v2/MT4/{tradePlatform}/TradesUserHistory/{login}", mt4 + "/TradesUserHistory/1001"),
				get("/api/v2/MT4/{tradePlatform}/TradesUserHistory/{login}",
						mt4 + "/TradesUserHistory/1001?fromTime=2020-01-01T00:00:00Z&toTime=2100-01-01T00:00:00Z"),
				get("/api/v2/MT4/{tradePlatform}/TradesUserHistory/{login}", mt4 + "/TradesUserHistory/99999999"),
				get("/api/v2/MT4/{tradePlatform}/TradesUserHistory/{login}", mt4 + "/TradesUserHistory/1001?fromTime=yesterday"));
	}

	private static int open(Context context, String transaction) {
		var opened = context.post(context.mt4() + "/TradeTransaction", transaction);
		if (opened.status() != 200) {
			throw new IllegalStateException("preparing a sample: " + opened.body());
		}
		return opened.json().get("data").get("order").asInt();
	}
}
