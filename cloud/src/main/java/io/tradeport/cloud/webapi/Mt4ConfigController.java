package io.tradeport.cloud.webapi;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

import io.tradeport.cloud.webapi.ConfigSections.Section;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Access;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Backup;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Common;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4CommonUpdate;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4DataServer;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Feeder;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4GatewayAccount;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4GatewayMarkup;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4GatewayRule;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Holiday;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4LiveUpdate;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4ManagerRights;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4ServerTime;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4SymbolGroup;
import io.tradeport.cloud.webapi.Mt4ConfigRecords.MT4Sync;
import io.tradeport.gateway.v1.ConfigRecord;

/**
 * {@code MT4 v2 :: Config}: the server's configuration sections, always asked live through the gateway's Configuration
 * service (nothing is cached). Reads, deletes and shifts are one handler each over the {@link ConfigSections} table,
 * which the matched path names; updates are typed by their body. Lists come in configuration order, so a record's
 * index in the list is the {@code pos} of the {@code /{pos}} operations, and pages are cut by that position.
 */
@RestController
class Mt4ConfigController {

	private static final String MT4 = "/api/v2/MT4/{tradePlatform}/";
	private static final int SYMBOL_GROUP_SLOTS = 32;

	private record Row(int pos, ConfigRecord record) {
	}

	private final ConfigurationCalls calls;

	Mt4ConfigController(ConfigurationCalls calls) {
		this.calls = calls;
	}

	@GetMapping({ MT4 + "CfgRequestAccess", MT4 + "CfgRequestDataServer", MT4 + "CfgRequestFeeder", MT4 + "CfgRequestGatewayAccount",
			MT4 + "CfgRequestGatewayMarkup", MT4 + "CfgRequestGatewayRule", MT4 + "CfgRequestHoliday", MT4 + "CfgRequestLiveUpdate",
			MT4 + "CfgRequestManager", MT4 + "CfgRequestSync" })
	ApiResponse<List<?>> list(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request) {
		var section = ConfigSections.named(sectionName(request, "CfgRequest"));
		var records = calls.records(platform, section.section());
		var rows = IntStream.range(0, records.size()).mapToObj(pos -> new Row(pos, records.get(pos))).toList();
		var page = Pages.of(rows, Row::pos, limit, cursor);
		return ApiResponse.page(page.items().stream().map(row -> section.read().apply(row.record())).toList(), page.paging());
	}

	@GetMapping({ MT4 + "CfgRequestCommon", MT4 + "CfgRequestBackup", MT4 + "CfgRequestTime" })
	ApiResponse<?> single(CalledPlatform platform, HttpServletRequest request) {
		var section = ConfigSections.named(sectionName(request, "CfgRequest"));
		return ApiResponse.ok(section.read().apply(only(section, calls.records(platform, section.section()))));
	}

	@PostMapping(MT4 + "CfgUpdateCommon")
	ApiResponse<MT4Common> updateCommon(CalledPlatform platform, @RequestBody MT4CommonUpdate body) {
		return ApiResponse.ok(updateSingle(platform, ConfigSections.COMMON, body));
	}

	@PostMapping(MT4 + "CfgUpdateBackup")
	ApiResponse<MT4Backup> updateBackup(CalledPlatform platform, @RequestBody MT4Backup body) {
		return ApiResponse.ok(updateSingle(platform, ConfigSections.BACKUP, body));
	}

	@PostMapping(MT4 + "CfgUpdateTime")
	ApiResponse<MT4ServerTime> updateTime(CalledPlatform platform, @RequestBody MT4ServerTime body) {
		return ApiResponse.ok(updateSingle(platform, ConfigSections.TIME, body));
	}

	@PostMapping(MT4 + "CfgUpdateAccess/{pos}")
	ApiResponse<MT4Access> updateAccess(CalledPlatform platform, @PathVariable int pos, @RequestBody MT4Access body) {
		return ApiResponse.ok(updateAt(platform, ConfigSections.ACCESS, pos, body));
	}

	@PostMapping(MT4 + "CfgUpdateDataServer/{pos}")
	ApiResponse<MT4DataServer> updateDataServer(CalledPlatform platform, @PathVariable int pos, @RequestBody MT4DataServer body) {
		return ApiResponse.ok(updateAt(platform, ConfigSections.DATA_SERVER, pos, body));
	}

	@PostMapping(MT4 + "CfgUpdateHoliday/{pos}")
	ApiResponse<MT4Holiday> updateHoliday(CalledPlatform platform, @PathVariable int pos, @RequestBody MT4Holiday body) {
		return ApiResponse.ok(updateAt(platform, ConfigSections.HOLIDAY, pos, body));
	}

	@PostMapping(MT4 + "CfgUpdateSymbolGroup/{pos}")
	ApiResponse<MT4SymbolGroup> updateSymbolGroup(CalledPlatform platform, @PathVariable int pos, @RequestBody MT4SymbolGroup body) {
		if (pos >= SYMBOL_GROUP_SLOTS) {
			throw ApiException.validation("Symbol groups are MT4's " + SYMBOL_GROUP_SLOTS + " slots, pos 0 to " + (SYMBOL_GROUP_SLOTS - 1));
		}
		return ApiResponse.ok(updateAt(platform, ConfigSections.SYMBOL_GROUP, pos, body));
	}

	@PostMapping(MT4 + "CfgUpdateFeeder")
	ApiResponse<MT4Feeder> updateFeeder(CalledPlatform platform, @RequestBody MT4Feeder body) {
		return ApiResponse.ok(updateByKey(platform, ConfigSections.FEEDER, body));
	}

	@PostMapping(MT4 + "CfgUpdateGatewayAccount")
	ApiResponse<MT4GatewayAccount> updateGatewayAccount(CalledPlatform platform, @RequestBody MT4GatewayAccount body) {
		return ApiResponse.ok(updateByKey(platform, ConfigSections.GATEWAY_ACCOUNT, body));
	}

	@PostMapping(MT4 + "CfgUpdateGatewayMarkup")
	ApiResponse<MT4GatewayMarkup> updateGatewayMarkup(CalledPlatform platform, @RequestBody MT4GatewayMarkup body) {
		return ApiResponse.ok(updateByKey(platform, ConfigSections.GATEWAY_MARKUP, body));
	}

	@PostMapping(MT4 + "CfgUpdateGatewayRule")
	ApiResponse<MT4GatewayRule> updateGatewayRule(CalledPlatform platform, @RequestBody MT4GatewayRule body) {
		return ApiResponse.ok(updateByKey(platform, ConfigSections.GATEWAY_RULE, body));
	}

	@PostMapping(MT4 + "CfgUpdateLiveUpdate")
	ApiResponse<MT4LiveUpdate> updateLiveUpdate(CalledPlatform platform, @RequestBody MT4LiveUpdate body) {
		return ApiResponse.ok(updateByKey(platform, ConfigSections.LIVE_UPDATE, body));
	}

	@PostMapping(MT4 + "CfgUpdateManager")
	ApiResponse<MT4ManagerRights> updateManager(CalledPlatform platform, @RequestBody MT4ManagerRights body) {
		return ApiResponse.ok(updateByKey(platform, ConfigSections.MANAGER, body));
	}

	@PostMapping(MT4 + "CfgUpdateSync")
	ApiResponse<MT4Sync> updateSync(CalledPlatform platform, @RequestBody MT4Sync body) {
		return ApiResponse.ok(updateByKey(platform, ConfigSections.SYNC, body));
	}

	@PostMapping({ MT4 + "CfgDeleteAccess/{pos}", MT4 + "CfgDeleteDataServer/{pos}", MT4 + "CfgDeleteFeeder/{pos}",
			MT4 + "CfgDeleteGatewayAccount/{pos}", MT4 + "CfgDeleteGatewayMarkup/{pos}", MT4 + "CfgDeleteGatewayRule/{pos}",
			MT4 + "CfgDeleteHoliday/{pos}", MT4 + "CfgDeleteLiveUpdate/{pos}", MT4 + "CfgDeleteManager/{pos}",
			MT4 + "CfgDeleteSymbol/{pos}", MT4 + "CfgDeleteSync/{pos}" })
	ApiResponse<Boolean> delete(CalledPlatform platform, @PathVariable int pos, HttpServletRequest request) {
		var section = ConfigSections.orderedNamed(sectionName(request, "CfgDelete"));
		calls.delete(platform, section, requirePosition(pos));
		return ApiResponse.ok(true);
	}

	/** Moves the record at {@code pos} by {@code shift} places, negative towards the top; the server refuses a move out of the list. */
	@PostMapping({ MT4 + "CfgShiftAccess/{pos}", MT4 + "CfgShiftDataServer/{pos}", MT4 + "CfgShiftFeeder/{pos}",
			MT4 + "CfgShiftGatewayAccount/{pos}", MT4 + "CfgShiftGatewayMarkup/{pos}", MT4 + "CfgShiftGatewayRule/{pos}",
			MT4 + "CfgShiftGroup/{pos}", MT4 + "CfgShiftHoliday/{pos}", MT4 + "CfgShiftLiveUpdate/{pos}", MT4 + "CfgShiftManager/{pos}",
			MT4 + "CfgShiftPlugin/{pos}", MT4 + "CfgShiftSymbol/{pos}", MT4 + "CfgShiftSync/{pos}" })
	ApiResponse<Boolean> shift(CalledPlatform platform, @PathVariable int pos, @RequestParam int shift, HttpServletRequest request) {
		var section = ConfigSections.orderedNamed(sectionName(request, "CfgShift"));
		calls.shift(platform, section, requirePosition(pos), shift);
		return ApiResponse.ok(true);
	}

	/** COMMON, BACKUP and TIME: the body overlays the one record. */
	private <B, R> R updateSingle(CalledPlatform platform, Section<B, R> section, B body) {
		var current = only(section, calls.records(platform, section.section()));
		return section.read().apply(calls.update(platform, section.section(), 0, section.overlay().apply(body, current)));
	}

	/** The body overlays the record at {@code pos}; {@code pos} = the number of records appends one, as on the gateway. */
	private <B, R> R updateAt(CalledPlatform platform, Section<B, R> section, int pos, B body) {
		requirePosition(pos);
		var records = calls.records(platform, section.section());
		if (pos > records.size()) {
			throw new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No " + section.name() + " record at " + pos
					+ ": there are " + records.size() + ", and pos " + records.size() + " appends one", null);
		}
		var current = pos < records.size() ? records.get(pos) : ConfigRecord.getDefaultInstance();
		return section.read().apply(calls.update(platform, section.section(), pos, section.overlay().apply(body, current)));
	}

	/**
	 * The body overlays the record with its key, or is added as a new record when there is none, as MT4's keyed
	 * CfgUpdate calls do (the server refuses a new manager: that needs a password, which the contract cannot carry).
	 */
	private <B, R> R updateByKey(CalledPlatform platform, Section<B, R> section, B body) {
		var key = section.key();
		if (key == null) {
			throw new IllegalStateException(section.name() + " has no key");
		}
		var wanted = key.ofBody().apply(body);
		if (wanted == null) {
			throw ApiException.validation(key.fields() + " identify the record and are required");
		}
		var records = calls.records(platform, section.section());
		var pos = IntStream.range(0, records.size()).filter(i -> key.ofRecord().apply(records.get(i)).equals(wanted)).findFirst().orElse(-1);
		var current = pos >= 0 ? records.get(pos) : ConfigRecord.getDefaultInstance();
		var target = key.onGateway() ? -1 : pos >= 0 ? pos : records.size();
		return section.read().apply(calls.update(platform, section.section(), target, section.overlay().apply(body, current)));
	}

	private static ConfigRecord only(Section<?, ?> section, List<ConfigRecord> records) {
		if (records.isEmpty()) {
			throw new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "The server has no " + section.name() + " record", null);
		}
		return records.getFirst();
	}

	static int requirePosition(int pos) {
		if (pos < 0) {
			throw ApiException.validation("pos is a zero-based position and cannot be negative");
		}
		return pos;
	}

	/** The section the matched contract path names, e.g. {@code Feeder} in {@code …/CfgDeleteFeeder/{pos}}. */
	private static String sectionName(HttpServletRequest request, String operation) {
		var pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		var name = pattern.substring(MT4.length() + operation.length());
		return name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
	}
}
