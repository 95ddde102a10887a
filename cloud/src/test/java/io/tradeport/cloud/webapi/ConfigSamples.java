package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.tradeport.cloud.webapi.ContractSamples.Sample.get;
import static io.tradeport.cloud.webapi.ContractSamples.Sample.post;

/**
 * {@code MT4 v2 :: Config}. The samples run in this order against one server: each section gets two records before it
 * is listed, shifted and deleted. Deleting a symbol or a manager is sampled only as errors, since removing the demo's
 * would take them from other areas' samples; {@code Mt4ConfigTests} deletes them on a server of its own. Shifts of
 * managers, groups, symbols and plugins are shifted back.
 */
class ConfigSamples implements ContractSamples {

	private static final String PATH = "/api/v2/MT4/{tradePlatform}/";

	@Override
	public List<Sample> samples(Context context) {
		var mt4 = context.mt4() + "/";
		var samples = new ArrayList<Sample>();

		samples.add(post(PATH + "CfgUpdateCommon", mt4 + "CfgUpdateCommon", "{\"owner\":\"Tradeport contract samples\",\"keepEmails\":30}"));
		samples.add(post(PATH + "CfgUpdateCommon", mt4 + "CfgUpdateCommon", "{\"minClient\":1200}"));
		samples.add(post(PATH + "CfgUpdateCommon", mt4 + "CfgUpdateCommon", "{\"name\":\"" + "n".repeat(40) + "\"}"));
		samples.add(get(PATH + "CfgRequestCommon", mt4 + "CfgRequestCommon"));
		samples.add(get(PATH + "CfgRequestCommon", context.foreign() + "/CfgRequestCommon"));

		samples.add(post(PATH + "CfgUpdateTime", mt4 + "CfgUpdateTime", "{\"accessHours\":" + Collections.nCopies(168, 1) + "}"));
		samples.add(post(PATH + "CfgUpdateTime", mt4 + "CfgUpdateTime", "{\"accessHours\":[1,0,1]}"));
		samples.add(get(PATH + "CfgRequestTime", mt4 + "CfgRequestTime"));
		samples.add(get(PATH + "CfgRequestTime", context.foreign() + "/CfgRequestTime"));

		samples.add(post(PATH + "CfgUpdateBackup", mt4 + "CfgUpdateBackup", """
				{"fullBackupPeriod":"H1","fullBackupStore":"Mn1","archivePeriod":"M30","archiveStore":"W1","exportPeriod":"M5",
				 "exportSecurities":"EURUSD,GBPUSD","watchRole":"StandAlone"}"""));
		samples.add(post(PATH + "CfgUpdateBackup", mt4 + "CfgUpdateBackup", "{\"fullBackupPeriod\":\"H2\"}"));
		samples.add(post(PATH + "CfgUpdateBackup", mt4 + "CfgUpdateBackup", "{\"watchRole\":\"Master\"}"));
		samples.add(get(PATH + "CfgRequestBackup", mt4 + "CfgRequestBackup"));
		samples.add(get(PATH + "CfgRequestBackup", context.foreign() + "/CfgRequestBackup"));

		// Permitted ranges away from the loopback address the cloud signs in from.
		positioned(samples, mt4, "Access", "{\"action\":1,\"ipFrom\":167772160,\"ipTo\":167772415,\"comment\":\"contract a\"}",
				"{\"action\":1,\"ipFrom\":167772416,\"ipTo\":167772671,\"comment\":\"contract b\"}", "{\"ipFrom\":5000000000}");
		positioned(samples, mt4, "DataServer",
				"{\"server\":\"access1.example.com:443\",\"ip\":167772161,\"description\":\"contract\",\"isProxy\":0,\"priority\":1,\"loading\":4294967295,\"ipInternal\":167772161}",
				"{\"server\":\"access2.example.com:443\",\"priority\":2}", "{\"isProxy\":2}");
		positioned(samples, mt4, "Holiday",
				"{\"year\":2030,\"month\":12,\"day\":25,\"from\":0,\"to\":0,\"symbol\":\"All\",\"description\":\"Christmas\",\"enable\":true}",
				"{\"year\":2031,\"month\":1,\"day\":1,\"from\":0,\"to\":0,\"symbol\":\"EURUSD\",\"description\":\"New Year\",\"enable\":true}",
				"{\"month\":13}");

		keyed(samples, mt4, "Feeder", "{\"name\":\"contract feed a\",\"file\":\"feed.dll\",\"enable\":1,\"dataFeedMode\":\"Quotes\",\"timeout\":120}",
				"{\"name\":\"contract feed b\",\"dataFeedMode\":\"QuotesNews\"}", "{\"name\":\"contract feed c\",\"dataFeedMode\":\"Ticks\"}");
		keyed(samples, mt4, "GatewayAccount",
				"{\"id\":1,\"name\":\"contract LP\",\"login\":5001,\"address\":\"lp.example.com:443\",\"notifyLogins\":[1,0,0,0,0,0,0,0],\"flags\":\"Quotes\",\"enable\":true}",
				"{\"id\":2,\"name\":\"contract LP 2\",\"flags\":\"None\"}", "{\"id\":3,\"notifyLogins\":[1,2,3,4,5,6,7,8,9]}");
		keyed(samples, mt4, "GatewayMarkup", "{\"source\":\"EURUSD.lp\",\"symbol\":\"EURUSD\",\"bidMarkup\":-2,\"askMarkup\":2,\"enable\":true}",
				"{\"source\":\"GBPUSD.lp\",\"symbol\":\"GBPUSD\",\"bidMarkup\":-1,\"askMarkup\":1}",
				"{\"source\":\"X\",\"symbol\":\"ABCDEFGHIJKLMNOP\"}");
		keyed(samples, mt4, "GatewayRule", "{\"name\":\"contract rule a\",\"requestSymbol\":\"*\",\"requestGroup\":\"demo*\",\"exeVolumePercent\":50,\"enable\":true}",
				"{\"name\":\"contract rule b\",\"exeVolumePercent\":100}", "{\"name\":\"contract rule c\",\"exeVolumePercent\":150}");
		keyed(samples, mt4, "LiveUpdate", "{\"company\":\"Contract Broker\",\"path\":\"liveupdate\",\"version\":4,\"build\":1420,\"maxConnect\":50,\"enable\":1}",
				"{\"company\":\"Contract Broker 2\",\"enable\":0}", "{\"company\":\"Contract Broker 3\",\"enable\":5}");
		keyed(samples, mt4, "Sync", "{\"server\":\"history.example.com:443\",\"login\":\"sync\",\"enable\":1,\"mode\":\"Add\",\"from\":-1,\"to\":-1,\"securities\":\"EURUSD\"}",
				"{\"server\":\"history.example.com:443\",\"login\":\"sync2\",\"mode\":\"Update\",\"from\":1735689600,\"to\":1767225600}",
				"{\"server\":\"history.example.com:443\",\"login\":\"sync3\",\"mode\":\"Sideways\"}");

		samples.add(post(PATH + "CfgUpdateManager", mt4 + "CfgUpdateManager", "{\"login\":2,\"mailBox\":\"Dealer desk\",\"email\":true}"));
		samples.add(post(PATH + "CfgUpdateManager", mt4 + "CfgUpdateManager", "{\"login\":77,\"admin\":true}"));
		samples.add(post(PATH + "CfgUpdateManager", mt4 + "CfgUpdateManager", "{\"login\":2,\"ipFilter\":1}"));
		samples.add(post(PATH + "CfgUpdateManager", mt4 + "CfgUpdateManager", "{\"groups\":\"*\"}"));
		samples.add(get(PATH + "CfgRequestManager", mt4 + "CfgRequestManager"));
		samples.add(get(PATH + "CfgRequestManager", mt4 + "CfgRequestManager?limit=1"));
		samples.add(get(PATH + "CfgRequestManager", mt4 + "CfgRequestManager?limit=5001"));
		shiftedAndBack(samples, mt4, "Manager");
		samples.add(post(PATH + "CfgDeleteManager/{pos}", mt4 + "CfgDeleteManager/9", null));
		samples.add(post(PATH + "CfgDeleteManager/{pos}", mt4 + "CfgDeleteManager/-1", null));

		samples.add(post(PATH + "CfgUpdateSymbolGroup/{pos}", mt4 + "CfgUpdateSymbolGroup/5", "{\"name\":\"Contract\",\"description\":\"contract samples\"}"));
		samples.add(post(PATH + "CfgUpdateSymbolGroup/{pos}", mt4 + "CfgUpdateSymbolGroup/32", "{\"name\":\"Beyond\"}"));
		samples.add(post(PATH + "CfgUpdateSymbolGroup/{pos}", mt4 + "CfgUpdateSymbolGroup/6", "{\"name\":\"" + "g".repeat(17) + "\"}"));

		samples.add(post(PATH + "CfgDeleteSymbol/{pos}", mt4 + "CfgDeleteSymbol/999", null));
		samples.add(post(PATH + "CfgDeleteSymbol/{pos}", mt4 + "CfgDeleteSymbol/-1", null));
		shiftedAndBack(samples, mt4, "Symbol");
		shiftedAndBack(samples, mt4, "Group");
		shiftedAndBack(samples, mt4, "Plugin");
		return samples;
	}

	/** Two records at pos 0 and 1, a bad body, a pos past the end; listed, paged, shifted, and the second deleted. */
	private static void positioned(List<Sample> samples, String mt4, String name, String first, String second, String invalid) {
		var update = PATH + "CfgUpdate" + name + "/{pos}";
		samples.add(post(update, mt4 + "CfgUpdate" + name + "/0", first));
		samples.add(post(update, mt4 + "CfgUpdate" + name + "/1", second));
		samples.add(post(update, mt4 + "CfgUpdate" + name + "/0", invalid));
		samples.add(post(update, mt4 + "CfgUpdate" + name + "/99", first));
		samples.add(post(update, mt4 + "CfgUpdate" + name + "/-1", first));
		listedShiftedDeleted(samples, mt4, name);
	}

	/** Two records by key, a bad body and one without its key; listed, paged, shifted, and the second deleted. */
	private static void keyed(List<Sample> samples, String mt4, String name, String first, String second, String invalid) {
		var update = PATH + "CfgUpdate" + name;
		samples.add(post(update, mt4 + "CfgUpdate" + name, first));
		samples.add(post(update, mt4 + "CfgUpdate" + name, second));
		samples.add(post(update, mt4 + "CfgUpdate" + name, invalid));
		samples.add(post(update, mt4 + "CfgUpdate" + name, "{}"));
		listedShiftedDeleted(samples, mt4, name);
	}

	private static void listedShiftedDeleted(List<Sample> samples, String mt4, String name) {
		var request = PATH + "CfgRequest" + name;
		samples.add(get(request, mt4 + "CfgRequest" + name));
		samples.add(get(request, mt4 + "CfgRequest" + name + "?limit=1"));
		samples.add(get(request, mt4 + "CfgRequest" + name + "?limit=0"));
		samples.add(get(request, mt4 + "CfgRequest" + name + "?cursor=not-a-cursor"));
		var shift = PATH + "CfgShift" + name + "/{pos}";
		samples.add(post(shift, mt4 + "CfgShift" + name + "/0?shift=1", null));
		samples.add(post(shift, mt4 + "CfgShift" + name + "/0?shift=7", null));
		samples.add(post(shift, mt4 + "CfgShift" + name + "/0", null));
		var delete = PATH + "CfgDelete" + name + "/{pos}";
		samples.add(post(delete, mt4 + "CfgDelete" + name + "/1", null));
		samples.add(post(delete, mt4 + "CfgDelete" + name + "/50", null));
	}

	private static void shiftedAndBack(List<Sample> samples, String mt4, String name) {
		var shift = PATH + "CfgShift" + name + "/{pos}";
		samples.add(post(shift, mt4 + "CfgShift" + name + "/0?shift=1", null));
		samples.add(post(shift, mt4 + "CfgShift" + name + "/1?shift=-1", null));
		samples.add(post(shift, mt4 + "CfgShift" + name + "/0?shift=-1", null));
	}
}
