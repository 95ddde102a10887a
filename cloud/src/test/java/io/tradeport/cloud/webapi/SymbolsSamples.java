package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.patch;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

class SymbolsSamples implements ContractSamples {

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		var foreign = context.foreign();
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/CfgRequestSymbol", mt4 + "/CfgRequestSymbol"),
				get("/api/v2/MT4/{tradePlatform}/CfgRequestSymbol", foreign + "/CfgRequestSymbol"),
				get("/api/v2/MT4/{tradePlatform}/CfgRequestSymbol/{symbol}", mt4 + "/CfgRequestSymbol/EURUSD"),
				get("/api/v2/MT4/{tradePlatform}/CfgRequestSymbol/{symbol}", mt4 + "/CfgRequestSymbol/NOSUCH"),
				get("/api/v2/MT4/{tradePlatform}/CfgRequestSymbol/{symbol}", mt4 + "/CfgRequestSymbol/MUCHTOOLONGNAME"),
				get("/api/v2/MT4/{tradePlatform}/SymbolSessionsGet/{symbol}", mt4 + "/SymbolSessionsGet/US30"),
				get("/api/v2/MT4/{tradePlatform}/SymbolSessionsGet/{symbol}", mt4 + "/SymbolSessionsGet/NOSUCH"),
				get("/api/v2/MT4/{tradePlatform}/SymbolsGroupsGet", mt4 + "/SymbolsGroupsGet"),
				get("/api/v2/MT4/{tradePlatform}/SymbolsGroupsGet", foreign + "/SymbolsGroupsGet"),
				post("/api/v2/MT4/{tradePlatform}/CfgUpdateSymbol/{symbol}", mt4 + "/CfgUpdateSymbol/GBPUSD",
						"{\"description\":\"Pound Sterling vs US Dollar\",\"stopsLevel\":12,\"tradeMode\":\"Full\",\"swapType\":\"Points\"}"),
				post("/api/v2/MT4/{tradePlatform}/CfgUpdateSymbol/{symbol}", mt4 + "/CfgUpdateSymbol/GBPUSD",
						"{\"backgroundColor\":255,\"digits\":12}"),
				post("/api/v2/MT4/{tradePlatform}/CfgUpdateSymbol/{symbol}", mt4 + "/CfgUpdateSymbol/NOSUCH", "{\"spread\":0}"),
				patch("/api/v2/MT4/{tradePlatform}/SymbolConfig/{symbol}", mt4 + "/SymbolConfig/GBPUSD", "{\"stopsLevel\":10}"),
				patch("/api/v2/MT4/{tradePlatform}/SymbolConfig/{symbol}", mt4 + "/SymbolConfig/GBPUSD", null),
				patch("/api/v2/MT4/{tradePlatform}/SymbolConfig/{symbol}", mt4 + "/SymbolConfig/GBPUSD", "{\"tradeMode\":\"Sometimes\"}"),
				patch("/api/v2/MT4/{tradePlatform}/SymbolConfig/{symbol}", mt4 + "/SymbolConfig/NOSUCH", "{\"spread\":0}"),
				post("/api/v2/MT4/{tradePlatform}/SymbolChange", mt4 + "/SymbolChange",
						"{\"symbol\":\"GBPUSD\",\"color\":0,\"spread\":0,\"spreadBalance\":0,\"stopsLevel\":10,\"smoothing\":0}"),
				post("/api/v2/MT4/{tradePlatform}/SymbolChange", mt4 + "/SymbolChange", "{\"symbol\":\"GBPUSD\",\"exeMode\":\"Instant\"}"),
				post("/api/v2/MT4/{tradePlatform}/SymbolChange", mt4 + "/SymbolChange", "{\"symbol\":\"NOSUCH\",\"spread\":0}"),
				post("/api/v2/MT4/{tradePlatform}/SymbolSendTick", mt4 + "/SymbolSendTick?symbol=EURUSD&bid=1.15830&ask=1.15845", null),
				post("/api/v2/MT4/{tradePlatform}/SymbolSendTick", mt4 + "/SymbolSendTick?symbol=EURUSD&bid=1.2&ask=1.1", null),
				post("/api/v2/MT4/{tradePlatform}/SymbolSendTick", mt4 + "/SymbolSendTick?symbol=NOSUCH&bid=1.2&ask=1.3", null),
				get("/api/v2/MT4/{tradePlatform}/SymbolInfoGet", mt4 + "/SymbolInfoGet?symbol=EURUSD"),
				get("/api/v2/MT4/{tradePlatform}/SymbolInfoGet", mt4 + "/SymbolInfoGet?symbol=NOSUCH"),
				get("/api/v2/MT4/{tradePlatform}/SymbolInfoGet", mt4 + "/SymbolInfoGet"),
				get("/api/v2/MT4/{tradePlatform}/SymbolInfoUpdated", mt4 + "/SymbolInfoUpdated?limit=2"),
				get("/api/v2/MT4/{tradePlatform}/SymbolInfoUpdated", mt4 + "/SymbolInfoUpdated"),
				get("/api/v2/MT4/{tradePlatform}/SymbolInfoUpdated", mt4 + "/SymbolInfoUpdated?limit=0"),
				get("/api/v2/MT4/{tradePlatform}/SymbolInfoUpdated", mt4 + "/SymbolInfoUpdated?cursor=not-ours"),
				post("/api/v2/MT4/{tradePlatform}/SymbolHide/{symbol}", mt4 + "/SymbolHide/USDJPY", null),
				post("/api/v2/MT4/{tradePlatform}/SymbolHide/{symbol}", mt4 + "/SymbolHide/NOSUCH", null),
				get("/api/v2/MT4/{tradePlatform}/SymbolInfoGet", mt4 + "/SymbolInfoGet?symbol=USDJPY"),
				post("/api/v2/MT4/{tradePlatform}/SymbolAdd/{symbol}", mt4 + "/SymbolAdd/USDJPY", null),
				post("/api/v2/MT4/{tradePlatform}/SymbolAdd/{symbol}", mt4 + "/SymbolAdd/MUCHTOOLONGNAME", null),
				post("/api/v2/MT4/{tradePlatform}/SymbolsRefresh", mt4 + "/SymbolsRefresh", null),
				post("/api/v2/MT4/{tradePlatform}/SymbolsRefresh", foreign + "/SymbolsRefresh", null));
	}
}
