package io.tradeport.cloud.webapi;

import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

/** {@code MT4 v2 :: Sidecar - Plugins}, on the built-in server's two plugins; the updates write back their values. */
class PluginConfigSamples implements ContractSamples {

	private static final String PATH = "/api/v2/MT4/{tradePlatform}/";

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4() + "/";
		var history = "{\"plugin\":{\"file\":\"tradeport-history.dll\"},\"params\":[{\"name\":\"Ticks per symbol\",\"value\":\"100000\"}]}";
		return List.of(
				get(PATH + "PluginsGet", mt4 + "PluginsGet"),
				get(PATH + "PluginsGet", context.foreign() + "/PluginsGet"),
				get(PATH + "PluginParamGet/{pos}", mt4 + "PluginParamGet/1"),
				get(PATH + "PluginParamGet/{pos}", mt4 + "PluginParamGet/9"),
				get(PATH + "PluginParamGet/{pos}", mt4 + "PluginParamGet/-1"),
				get(PATH + "CfgRequestPlugin", mt4 + "CfgRequestPlugin"),
				get(PATH + "CfgRequestPlugin", context.foreign() + "/CfgRequestPlugin"),
				post(PATH + "CfgUpdatePlugin", mt4 + "CfgUpdatePlugin", history),
				post(PATH + "CfgUpdatePlugin", mt4 + "CfgUpdatePlugin", "{\"plugin\":{\"file\":\"nothing-here.dll\"}}"),
				post(PATH + "CfgUpdatePlugin", mt4 + "CfgUpdatePlugin", "{\"params\":[]}"),
				post(PATH + "PluginUpdate", mt4 + "PluginUpdate", "{\"plugin\":{\"file\":\"tradeport-history.dll\",\"enabled\":1,\"managerAccess\":1}}"),
				post(PATH + "PluginUpdate", mt4 + "PluginUpdate",
						"{\"plugin\":{\"file\":\"tradeport-history.dll\"},\"params\":[{\"name\":\"No such parameter\",\"value\":\"1\"}]}"));
	}
}
