package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

class PricesSamples implements ContractSamples {

	private static final String BARS = "{\"rates\":[{\"time\":\"2024-01-02T10:00:00Z\",\"open\":1.1,\"high\":1.2,\"low\":1.05,\"close\":1.15,\"volume\":12},"
			+ "{\"time\":\"2024-01-02T11:00:00Z\",\"open\":1.15,\"high\":1.16,\"low\":1.14,\"close\":1.155,\"volume\":7}]}";

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4();
		var foreign = context.foreign();
		return List.of(
				get("/api/v2/MT4/{tradePlatform}/TickInfoLast", mt4 + "/TickInfoLast"),
				get("/api/v2/MT4/{tradePlatform}/TickInfoLast", foreign + "/TickInfoLast"),
				get("/api/v2/MT4/{tradePlatform}/TickInfoLast/{symbol}", mt4 + "/TickInfoLast/EURUSD"),
				get("/api/v2/MT4/{tradePlatform}/TickInfoLast/{symbol}", mt4 + "/TickInfoLast/NOSUCH"),
				get("/api/v2/MT4/{tradePlatform}/TicksRequest/{symbol}", mt4 + "/TicksRequest/EURUSD?start=2020-01-01T00:00:00Z&flags=All"),
				get("/api/v2/MT4/{tradePlatform}/TicksRequest/{symbol}", mt4 + "/TicksRequest/EURUSD?start=yesterday"),
				get("/api/v2/MT4/{tradePlatform}/TicksRequest/{symbol}", mt4 + "/TicksRequest/NOSUCH"),
				post("/api/v2/MT4/{tradePlatform}/ChartAdd/{symbol}", mt4 + "/ChartAdd/EURUSD?period=H1", BARS),
				post("/api/v2/MT4/{tradePlatform}/ChartAdd/{symbol}", mt4 + "/ChartAdd/EURUSD?period=H2", BARS),
				post("/api/v2/MT4/{tradePlatform}/ChartAdd/{symbol}", mt4 + "/ChartAdd/EURUSD?period=H1",
						"{\"rates\":[{\"time\":\"2024-01-02T10:30:00Z\",\"open\":1.1,\"high\":1.2,\"low\":1.05,\"close\":1.15}]}"),
				post("/api/v2/MT4/{tradePlatform}/ChartAdd/{symbol}", mt4 + "/ChartAdd/NOSUCH?period=H1", BARS),
				post("/api/v2/MT4/{tradePlatform}/ChartUpdate/{symbol}", mt4 + "/ChartUpdate/EURUSD?period=H1",
						"{\"rates\":[{\"time\":\"2024-01-02T10:00:00Z\",\"open\":1.1,\"high\":1.25,\"low\":1.05,\"close\":1.15,\"volume\":13}]}"),
				post("/api/v2/MT4/{tradePlatform}/ChartUpdate/{symbol}", mt4 + "/ChartUpdate/EURUSD?period=H1", "{\"rates\":[]}"),
				get("/api/v2/MT4/{tradePlatform}/ChartRequest/{symbol}",
						mt4 + "/ChartRequest/EURUSD?period=H1&start=2024-01-02T00:00:00Z&end=2024-01-03T00:00:00Z"),
				get("/api/v2/MT4/{tradePlatform}/ChartRequest/{symbol}",
						mt4 + "/ChartRequest/EURUSD?period=H1&start=2024-01-02T10:30:00Z&end=2024-01-03T00:00:00Z&mode=RangeOut"),
				get("/api/v2/MT4/{tradePlatform}/ChartRequest/{symbol}", mt4 + "/ChartRequest/EURUSD?period=H1&mode=Sideways"),
				get("/api/v2/MT4/{tradePlatform}/ChartRequest/{symbol}", mt4 + "/ChartRequest/NOSUCH?period=H1"),
				post("/api/v2/MT4/{tradePlatform}/ChartDelete/{symbol}", mt4 + "/ChartDelete/EURUSD?period=H1",
						"{\"rates\":[{\"time\":\"2024-01-02T11:00:00Z\"}]}"),
				post("/api/v2/MT4/{tradePlatform}/ChartDelete/{symbol}", mt4 + "/ChartDelete/EURUSD", "{\"rates\":[{\"time\":\"2024-01-02T11:00:00Z\"}]}"),
				post("/api/v2/MT4/{tradePlatform}/HistoryCorrect/{symbol}", mt4 + "/HistoryCorrect/EURUSD", null),
				post("/api/v2/MT4/{tradePlatform}/HistoryCorrect/{symbol}", mt4 + "/HistoryCorrect/NOSUCH", null));
	}
}
