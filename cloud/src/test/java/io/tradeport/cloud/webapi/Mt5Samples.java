package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.patch;

/** The MT5 operations on the MT5-presenting server; it has the demo's accounts, groups and symbols, and no trades. */
class Mt5Samples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt5 = context.mt5();
		var mt4AsMt5 = context.mt4().replace("/MT4/", "/MT5/");
		var foreign = context.foreign().replace("/MT4/", "/MT5/");
		return List.of(
				get("/api/v2/MT5/{tradePlatform}/TimeGet", mt5 + "/TimeGet"),
				get("/api/v2/MT5/{tradePlatform}/TimeGet", mt4AsMt5 + "/TimeGet"),
				get("/api/v2/MT5/{tradePlatform}/ManagerCurrent", mt5 + "/ManagerCurrent"),
				get("/api/v2/MT5/{tradePlatform}/ManagerCurrent", foreign + "/ManagerCurrent"),
				get("/api/v2/MT5/{tradePlatform}/GroupGet/{group}", mt5 + "/GroupGet/demoforex"),
				get("/api/v2/MT5/{tradePlatform}/GroupGet/{group}", mt5 + "/GroupGet/nosuchgroup"),
				patch("/api/v2/MT5/{tradePlatform}/GroupRecord/{group}", mt5 + "/GroupRecord/demopro", "{\"company\":\"Contract Broker\"}"),
				patch("/api/v2/MT5/{tradePlatform}/GroupRecord/{group}", mt5 + "/GroupRecord/nosuchgroup", "{\"company\":\"x\"}"),
				patch("/api/v2/MT5/{tradePlatform}/GroupRecord/{group}", mt5 + "/GroupRecord/demopro", "{\"currencyDigits\":4}"),
				get("/api/v2/MT5/{tradePlatform}/UserGet/{login}", mt5 + "/UserGet/1001"),
				get("/api/v2/MT5/{tradePlatform}/UserGet/{login}", mt5 + "/UserGet/99999999"),
				get("/api/v2/MT5/{tradePlatform}/UserGet/{login}", mt5 + "/UserGet/0"),
				patch("/api/v2/MT5/{tradePlatform}/UserRecord/{login}", mt5 + "/UserRecord/1003", "{\"city\":\"Limassol\",\"rights\":\"Enabled\"}"),
				patch("/api/v2/MT5/{tradePlatform}/UserRecord/{login}", mt5 + "/UserRecord/99999999", "{\"city\":\"Limassol\"}"),
				patch("/api/v2/MT5/{tradePlatform}/UserRecord/{login}", mt5 + "/UserRecord/1003", "{\"leverage\":\"high\"}"),
				patch("/api/v2/MT5/{tradePlatform}/UserRecord/{login}", mt5 + "/UserRecord/1003", "{\"group\":\"nosuchgroup\"}"),
				get("/api/v2/MT5/{tradePlatform}/SymbolGet/{symbol}", mt5 + "/SymbolGet/EURUSD"),
				get("/api/v2/MT5/{tradePlatform}/SymbolGet/{symbol}", mt5 + "/SymbolGet/XAUUSD"),
				get("/api/v2/MT5/{tradePlatform}/SymbolGet/{symbol}", mt5 + "/SymbolGet/NOSUCH"),
				patch("/api/v2/MT5/{tradePlatform}/SymbolRecord/{symbol}", mt5 + "/SymbolRecord/US30", "{\"description\":\"Dow Jones 30\"}"),
				patch("/api/v2/MT5/{tradePlatform}/SymbolRecord/{symbol}", mt5 + "/SymbolRecord/US30", "{\"tradeMode\":\"ShortOnly\"}"),
				patch("/api/v2/MT5/{tradePlatform}/SymbolRecord/{symbol}", mt5 + "/SymbolRecord/NOSUCH", "{\"description\":\"x\"}"),
				get("/api/v2/MT5/{tradePlatform}/PositionByGroup/{mask}", mt5 + "/PositionByGroup/*"),
				get("/api/v2/MT5/{tradePlatform}/PositionByGroup/{mask}", mt5 + "/PositionByGroup/*?limit=0"),
				get("/api/v2/MT5/{tradePlatform}/OrderByGroup/{mask}", mt5 + "/OrderByGroup/demo*?limit=10"),
				get("/api/v2/MT5/{tradePlatform}/OrderByGroup/{mask}", mt5 + "/OrderByGroup/demo*?cursor=bogus"),
				get("/api/v2/MT5/{tradePlatform}/DealByGroup/{mask}", mt5 + "/DealByGroup/*?limit=2"),
				get("/api/v2/MT5/{tradePlatform}/DealByGroup/{mask}", mt5 + "/DealByGroup/demoforex"),
				get("/api/v2/MT5/{tradePlatform}/DealByGroup/{mask}", mt5 + "/DealByGroup/*?limit=6000"));
	}
}
