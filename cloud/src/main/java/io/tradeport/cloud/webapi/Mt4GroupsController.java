package io.tradeport.cloud.webapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.CommissionType;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.FreeMarginMode;
import io.tradeport.gateway.v1.Group;
import io.tradeport.gateway.v1.GroupSecurity;
import io.tradeport.gateway.v1.MarginType;

/**
 * {@code MT4 v2 :: Groups}: trading groups from the pumping cache ({@code Get}) or the server ({@code Request}),
 * changed on the server. The gateway's group carries fewer of MT4's ConGroup settings than the contract names:
 * the others (statement, news, archive, OTP and IE settings, credit, interest, timeout) are left out of answers
 * rather than invented, and a change may set them only to their zero value.
 */
@RestController
class Mt4GroupsController {

	/** MT4's symbol groups: a group has the rules of each of them. */
	static final int SECURITY_SLOTS = 32;
	static final int MAX_GROUP_NAME = 16;

	/** The contract's MT4Group; fields the gateway does not carry are null and so left out. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MT4Group(String group, int enable, @Nullable Integer timeout, @Nullable String otpMode, String company,
			@Nullable String signature, String supportPage, String supportEmail, @Nullable Integer copies, @Nullable Integer reports,
			int defaultLeverage, double defaultDeposit, @Nullable Integer maxSecurities, int secMarginsTotal, String currency,
			@Nullable Double credit, int marginCall, String marginMode, int marginStopout, @Nullable Double interestRate, int useSwap,
			@Nullable String newsMode, @Nullable String groupRights, @Nullable Integer checkIEPrices, int maxPositions,
			@Nullable Integer closeReopen, int hedgeProhibited, int closeFIFO, int hedgeLargeLeg, String marginControllingType,
			@Nullable Integer archivePeriod, @Nullable Integer archiveMaxBalance, int stopoutSkipHedged,
			@Nullable Integer archivePendingPeriod) {

		static MT4Group of(Group group) {
			return new MT4Group(group.getName(), bit(group.getEnable()), null, null, group.getCompany(), null, group.getSupportPage(),
					group.getSupportEmail(), null, null, group.getDefaultLeverage(), group.getDefaultDeposit(), null,
					group.getSymbolMarginsCount(), group.getCurrency(), null, (int) Math.round(group.getMarginCall()),
					MARGIN_MODES.getOrDefault(group.getFreeMarginMode(), "UseAll"), (int) Math.round(group.getMarginStopout()), null,
					bit(group.getUseSwap()), null, group.getExpirationAllowed() ? EXPIRATION : null, null, group.getMaxPositions(), null,
					bit(group.getHedgeProhibited()), bit(group.getCloseFifo()), bit(group.getHedgeLargeLeg()),
					group.getMarginType() == MarginType.MARGIN_TYPE_CURRENCY ? "Currency" : "Percent", null, null,
					bit(group.getStopoutSkipHedged()), null);
		}
	}

	/** The contract's MT4GroupUpdate; a field left out (or null) keeps its value. */
	record MT4GroupUpdate(@Nullable Integer enable, @Nullable Integer timeout, @Nullable String otpMode, @Nullable String company,
			@Nullable String signature, @Nullable String supportPage, @Nullable String supportEmail, @Nullable Integer copies,
			@Nullable Integer reports, @Nullable Integer defaultLeverage, @Nullable Double defaultDeposit, @Nullable Integer maxSecurities,
			@Nullable String currency, @Nullable Double credit, @Nullable Integer marginCall, @Nullable String marginMode,
			@Nullable Integer marginStopout, @Nullable Double interestRate, @Nullable Integer useSwap, @Nullable String newsMode,
			@Nullable String groupRights, @Nullable Integer checkIEPrices, @Nullable Integer maxPositions, @Nullable Integer closeReopen,
			@Nullable Integer hedgeProhibited, @Nullable Integer closeFIFO, @Nullable Integer hedgeLargeLeg,
			@Nullable String marginControllingType, @Nullable Integer archivePeriod, @Nullable Integer archiveMaxBalance,
			@Nullable Integer stopoutSkipHedged, @Nullable Integer archivePendingPeriod) {
	}

	/** The contract's MT4GroupSec; the settings the gateway does not carry are left out. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MT4GroupSec(int show, int trade, @Nullable String dealingMode, double standardCommission, String commissionType,
			String commissionLotsMode, @Nullable Double agentCommission, @Nullable String agentCommissionMode,
			@Nullable Integer spreadDiff, int lotMin, int lotMax, int lotStep, @Nullable Integer ieDeviation,
			@Nullable Integer confirmation, @Nullable String tradeRights, @Nullable Integer ieQuickMode,
			@Nullable String autoCloseOutMode, @Nullable Double commissionTaxes, @Nullable String commissionAgentLots,
			@Nullable Integer freeMarginMode) {

		static MT4GroupSec of(GroupSecurity security) {
			return new MT4GroupSec(bit(security.getShow()), bit(security.getTrade()), null, security.getCommission(),
					COMMISSION_TYPES.getOrDefault(security.getCommissionType(), "Money"),
					security.getCommissionPerLot() ? "PerLot" : "PerDeal", null, null, null, security.getLotMin(),
					security.getLotMax(), security.getLotStep(), null, null, null, null, null, null, null, null);
		}
	}

	record MT4GroupMargin(String symbol, double swapLong, double swapShort, double marginDivider) {
	}

	private static final String EXPIRATION = "Expiration";
	private static final Map<FreeMarginMode, String> MARGIN_MODES = Map.of(FreeMarginMode.FREE_MARGIN_DONT_USE, "DontUse",
			FreeMarginMode.FREE_MARGIN_USE_ALL, "UseAll", FreeMarginMode.FREE_MARGIN_USE_PROFIT, "UseProfit",
			FreeMarginMode.FREE_MARGIN_USE_LOSS, "UseLoss");
	private static final Map<CommissionType, String> COMMISSION_TYPES = Map.of(CommissionType.COMMISSION_MONEY, "Money",
			CommissionType.COMMISSION_PIPS, "Pips", CommissionType.COMMISSION_PERCENT, "Percent");
	/** The contract's GroupRights flags other than Expiration, which the gateway's group does not carry. */
	private static final List<String> OTHER_RIGHTS = List.of("Signals", "Trailing", "Advisor", "SignalAll", "SignalsOwn",
			"RiskWarning", "ForcedOTPUsage");

	private final PlatformPumps pumps;
	private final PlatformConnections connections;

	Mt4GroupsController(PlatformPumps pumps, PlatformConnections connections) {
		this.pumps = pumps;
		this.connections = connections;
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/GroupsGet")
	ApiResponse<List<MT4Group>> groupsGet(CalledPlatform platform) {
		return ApiResponse.ok(pumps.cache(platform.id()).groups().stream()
			.sorted(Comparator.comparing(Group::getName))
			.map(MT4Group::of)
			.toList());
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/GroupRecordGet/{group}")
	ApiResponse<MT4Group> groupRecordGet(CalledPlatform platform, @PathVariable String group) {
		return ApiResponse.ok(MT4Group.of(cached(platform.id(), group)));
	}

	/** All 32 slots: a symbol group without rules of its own has the group's default rules. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/GroupSecGroupsGet/{group}")
	ApiResponse<List<MT4GroupSec>> groupSecGroupsGet(CalledPlatform platform, @PathVariable String group) {
		var cached = cached(platform.id(), group);
		var slots = new ArrayList<MT4GroupSec>(SECURITY_SLOTS);
		for (var type = 0; type < SECURITY_SLOTS; type++) {
			var own = type;
			slots.add(MT4GroupSec.of(cached.getSecuritiesList().stream().filter(security -> security.getType() == own).findFirst()
				.orElse(cached.getDefaultSecurity())));
		}
		return ApiResponse.ok(slots);
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/GroupSecMarginsGet/{group}")
	ApiResponse<List<MT4GroupMargin>> groupSecMarginsGet(CalledPlatform platform, @PathVariable String group) {
		return ApiResponse.ok(cached(platform.id(), group).getSymbolMarginsList().stream()
			.map(margin -> new MT4GroupMargin(margin.getSymbol(), margin.getSwapLong(), margin.getSwapShort(), margin.getMarginDivider()))
			.toList());
	}

	/** Paged by name (ordinal order); the cursor carries the last name returned. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/GroupsRequest")
	ApiResponse<List<MT4Group>> groupsRequest(CalledPlatform platform, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		Pages.requireLimit(limit);
		var after = afterName(cursor);
		var sorted = groups(platform.id()).stream()
			.filter(group -> after == null || group.getName().compareTo(after) > 0)
			.sorted(Comparator.comparing(Group::getName))
			.toList();
		var items = limit == null || sorted.size() <= limit ? sorted : sorted.subList(0, limit);
		var hasMore = items.size() < sorted.size();
		return ApiResponse.page(items.stream().map(MT4Group::of).toList(),
				new ApiResponse.Paging(hasMore ? nameCursor(items.getLast().getName()) : null, hasMore));
	}

	/** Case-sensitive, as MT4's group names are. */
	@GetMapping("/api/v2/MT4/{tradePlatform}/EnsureGroupNameExist/{group}")
	ApiResponse<Boolean> ensureGroupNameExist(CalledPlatform platform, @PathVariable String group) {
		requireGroupName(group);
		return ApiResponse.ok(groups(platform.id()).stream().anyMatch(candidate -> candidate.getName().equals(group)));
	}

	/** The group is read live and the given fields laid over it; the server's stored record is echoed. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/GroupRecordUpdate/{group}")
	ApiResponse<MT4Group> groupRecordUpdate(CalledPlatform platform, @PathVariable String group, @RequestBody MT4GroupUpdate body) {
		requireGroupName(group);
		return ApiResponse.ok(MT4Group.of(update(platform.id(), group, body)));
	}

	/** Only the fields present in the body change; unknown keys are ignored. The body is JSON whatever its type. */
	@PatchMapping("/api/v2/MT4/{tradePlatform}/GroupRecord/{group}")
	ApiResponse<MT4Group> groupRecordPatch(CalledPlatform platform, @PathVariable String group, @RequestBody byte[] body) {
		requireGroupName(group);
		return ApiResponse.ok(MT4Group.of(update(platform.id(), group, PatchBodies.read(body, MT4GroupUpdate.class))));
	}

	static void requireGroupName(String group) {
		if (group.isBlank() || group.length() > MAX_GROUP_NAME) {
			throw ApiException.validation("A group name has 1 to " + MAX_GROUP_NAME + " characters");
		}
	}

	private Group cached(TradePlatformId platform, String name) {
		requireGroupName(name);
		return pumps.cache(platform).groups().stream().filter(group -> group.getName().equals(name)).findFirst()
			.orElseThrow(() -> noGroup(name));
	}

	private List<Group> groups(TradePlatformId platform) {
		var records = connections.call(platform, channel -> ConfigurationGrpc.newBlockingStub(channel)
			.request(ConfigRequest.newBuilder().setSection(ConfigSection.GROUPS).build()));
		return records.getRecordsList().stream().map(ConfigRecord::getGroup).toList();
	}

	private Group update(TradePlatformId platform, String name, MT4GroupUpdate fields) {
		var current = groups(platform).stream().filter(group -> group.getName().equals(name)).findFirst()
			.orElseThrow(() -> noGroup(name));
		var changed = current.toBuilder();
		apply(fields, changed);
		// pos -1: the record with the group's name is replaced, wherever it is in the list.
		var request = ConfigUpdateRequest.newBuilder().setSection(ConfigSection.GROUPS).setPos(-1)
			.setRecord(ConfigRecord.newBuilder().setGroup(changed)).build();
		return connections.call(platform, channel -> ConfigurationGrpc.newBlockingStub(channel).update(request)).getGroup();
	}

	/** Checks every given field before anything is sent, so a refused change changes nothing. */
	private static void apply(MT4GroupUpdate fields, Group.Builder group) {
		var unsupported = new LinkedHashMap<String, @Nullable Object>();
		unsupported.put("timeout", fields.timeout());
		unsupported.put("otpMode", "Disabled".equals(fields.otpMode()) ? null : fields.otpMode());
		unsupported.put("signature", fields.signature() == null || fields.signature().isEmpty() ? null : fields.signature());
		unsupported.put("copies", fields.copies());
		unsupported.put("reports", fields.reports());
		unsupported.put("maxSecurities", fields.maxSecurities());
		unsupported.put("credit", fields.credit());
		unsupported.put("interestRate", fields.interestRate());
		unsupported.put("newsMode", "No".equals(fields.newsMode()) ? null : fields.newsMode());
		unsupported.put("checkIEPrices", fields.checkIEPrices());
		unsupported.put("closeReopen", fields.closeReopen());
		unsupported.put("archivePeriod", fields.archivePeriod());
		unsupported.put("archiveMaxBalance", fields.archiveMaxBalance());
		unsupported.put("archivePendingPeriod", fields.archivePendingPeriod());
		var set = unsupported.entrySet().stream()
			.filter(field -> field.getValue() != null && !(field.getValue() instanceof Number number && number.doubleValue() == 0))
			.map(Map.Entry::getKey)
			.toList();
		if (!set.isEmpty()) {
			throw ApiException.validation("The gateway's groups have no " + String.join(", ", set)
					+ "; leave them out or at their zero value");
		}
		if (fields.enable() != null) {
			group.setEnable(fields.enable() != 0);
		}
		text("company", fields.company(), 127, group::setCompany);
		text("supportPage", fields.supportPage(), 127, group::setSupportPage);
		text("supportEmail", fields.supportEmail(), 63, group::setSupportEmail);
		text("currency", fields.currency(), 11, group::setCurrency);
		if (fields.defaultLeverage() != null) {
			group.setDefaultLeverage(atLeast("defaultLeverage", fields.defaultLeverage(), 1));
		}
		if (fields.defaultDeposit() != null) {
			if (!Double.isFinite(fields.defaultDeposit()) || fields.defaultDeposit() < 0) {
				throw ApiException.validation("defaultDeposit must not be negative");
			}
			group.setDefaultDeposit(fields.defaultDeposit());
		}
		if (fields.marginCall() != null) {
			group.setMarginCall(atLeast("marginCall", fields.marginCall(), 0));
		}
		if (fields.marginStopout() != null) {
			group.setMarginStopout(atLeast("marginStopout", fields.marginStopout(), 0));
		}
		if (fields.marginMode() != null) {
			group.setFreeMarginMode(MARGIN_MODES.entrySet().stream().filter(mode -> mode.getValue().equals(fields.marginMode()))
				.map(Map.Entry::getKey).findFirst()
				.orElseThrow(() -> ApiException.validation("Unknown marginMode \"" + fields.marginMode() + "\"; one of "
						+ MARGIN_MODES.values())));
		}
		if (fields.marginControllingType() != null) {
			group.setMarginType(switch (fields.marginControllingType()) {
				case "Percent" -> MarginType.MARGIN_TYPE_PERCENT;
				case "Currency" -> MarginType.MARGIN_TYPE_CURRENCY;
				default -> throw ApiException.validation("Unknown marginControllingType \"" + fields.marginControllingType()
						+ "\"; one of [Percent, Currency]");
			});
		}
		if (fields.groupRights() != null) {
			group.setExpirationAllowed(expirationAllowed(fields.groupRights()));
		}
		if (fields.useSwap() != null) {
			group.setUseSwap(fields.useSwap() != 0);
		}
		if (fields.maxPositions() != null) {
			group.setMaxPositions(atLeast("maxPositions", fields.maxPositions(), 0));
		}
		if (fields.hedgeProhibited() != null) {
			group.setHedgeProhibited(fields.hedgeProhibited() != 0);
		}
		if (fields.closeFIFO() != null) {
			group.setCloseFifo(fields.closeFIFO() != 0);
		}
		if (fields.hedgeLargeLeg() != null) {
			group.setHedgeLargeLeg(fields.hedgeLargeLeg() != 0);
		}
		if (fields.stopoutSkipHedged() != null) {
			group.setStopoutSkipHedged(fields.stopoutSkipHedged() != 0);
		}
	}

	/**
	 * GroupRights as .NET writes a flags enum ({@code "Expiration"}, {@code "Trailing, Expiration"}, {@code "0"} for
	 * none): of its flags the gateway's group carries only Expiration.
	 */
	private static boolean expirationAllowed(String rights) {
		var expiration = false;
		for (var flag : rights.split(",")) {
			var name = flag.trim();
			if (name.equals(EXPIRATION)) {
				expiration = true;
			}
			else if (OTHER_RIGHTS.contains(name)) {
				throw ApiException.validation("groupRights: the gateway's groups carry only the Expiration right, not " + name);
			}
			else if (!name.isEmpty() && !name.equals("0")) {
				throw ApiException.validation("Unknown groupRights \"" + name + "\"; one of " + EXPIRATION + ", " + OTHER_RIGHTS);
			}
		}
		return expiration;
	}

	private static void text(String field, @Nullable String value, int maxLength, Consumer<String> setter) {
		if (value != null) {
			if (value.length() > maxLength) {
				throw ApiException.validation(field + " has at most " + maxLength + " characters");
			}
			setter.accept(value);
		}
	}

	private static int atLeast(String field, int value, int minimum) {
		if (value < minimum) {
			throw ApiException.validation(field + " must be at least " + minimum);
		}
		return value;
	}

	private static int bit(boolean value) {
		return value ? 1 : 0;
	}

	private static ApiException noGroup(String name) {
		return new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No group " + name, null);
	}

	private static String nameCursor(String name) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("n:" + name).getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable String afterName(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith("n:")) {
				return text.substring(2);
			}
		}
		catch (IllegalArgumentException notBase64) {
			// answered below
		}
		throw ApiException.validation("cursor is not a cursor this API returned");
	}
}
