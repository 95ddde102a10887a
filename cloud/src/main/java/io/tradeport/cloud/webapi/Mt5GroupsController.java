package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.ConfigRecord;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigUpdateRequest;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.FreeMarginMode;
import io.tradeport.gateway.v1.Group;
import io.tradeport.gateway.v1.MarginType;

/** {@code MT5 v2 :: Groups}: a group from the pumping cache ({@code GroupGet}), changed on the server ({@code GroupRecord}). */
@RestController
class Mt5GroupsController {

	/**
	 * The contract's MT5ConGroup, from the gateway's group (MT4's ConGroup). Settings MT4 groups do not have are null.
	 * Groups are hedging ({@code RetailHedged}) with the account currency's 2 digits. The flag fields are single values
	 * in the contract: {@code permissionsFlags} says whether the group is enabled ({@code EnableConnection}, else
	 * {@code None}); {@code tradeFlags} names the one trade flag a group has, {@code None} for none, and is null when it
	 * has several (swaps, expiration, hedging prohibited, FIFO close, stop-out skipping hedged positions), which one
	 * value cannot say. {@code limitOrders} and {@code limitPositions} are both MT4's one limit on open positions plus
	 * pending orders (0: none).
	 */
	record MT5ConGroup(@Nullable String group, @Nullable Long server, @AbsentWhenNull @Nullable String permissionsFlags,
			@AbsentWhenNull @Nullable String authMode, @Nullable Integer authPasswordMin, @Nullable String company,
			@Nullable String companyPage, @Nullable String companyEmail, @Nullable String companySupportPage,
			@Nullable String companySupportEmail, @Nullable String companyCatalog, @Nullable String currency,
			@Nullable Integer currencyDigits, @AbsentWhenNull @Nullable String reportsMode,
			@AbsentWhenNull @Nullable String reportsFlags, @Nullable String reportsSMTP, @Nullable String reportsSMTPLogin,
			@Nullable String reportsSMTPPass, @AbsentWhenNull @Nullable String newsMode, @Nullable String newsCategory,
			@Nullable List<Integer> newsLang, @AbsentWhenNull @Nullable String mailMode,
			@AbsentWhenNull @Nullable String tradeFlags, @Nullable Double tradeInterestRate, @Nullable Double tradeVirtualCredit,
			@AbsentWhenNull @Nullable String marginFreeMode, @AbsentWhenNull @Nullable String marginSOMode,
			@Nullable Double marginCall, @Nullable Double marginStopOut, @Nullable Integer demoLeverage,
			@Nullable Double demoDeposit, @AbsentWhenNull @Nullable String limitHistory, @Nullable Integer limitOrders,
			@Nullable Integer limitSymbols, @Nullable Map<String, Object> commissions, @Nullable Integer marginFreeProfitMode,
			@AbsentWhenNull @Nullable String marginMode, @AbsentWhenNull @Nullable String authOTPMode,
			@AbsentWhenNull @Nullable String tradeTransferMode, @AbsentWhenNull @Nullable String marginFlags,
			@Nullable Integer limitPositions, @Nullable String reportsEmail, @Nullable String companyDepositPage,
			@Nullable String companyWithdrawalPage, @Nullable Integer demoInactivityPeriod) {

		static MT5ConGroup of(Group g) {
			var stopOutMode = g.getMarginType() == MarginType.MARGIN_TYPE_CURRENCY ? "Money" : "Percent";
			return new MT5ConGroup(g.getName(), null, g.getEnable() ? "EnableConnection" : "None",
					"Standard", null, g.getCompany(),
					null, null, g.getSupportPage(),
					g.getSupportEmail(), null, g.getCurrency(),
					2, null,
					null, null, null,
					null, null, null,
					null, null,
					tradeFlags(g), null, null,
					FREE_MARGIN_MODES.get(g.getFreeMarginMode()), stopOutMode,
					g.getMarginCall(), g.getMarginStopout(), g.getDefaultLeverage(),
					g.getDefaultDeposit(), null, g.getMaxPositions(),
					null, null, null,
					"RetailHedged", null,
					null, null,
					g.getMaxPositions(), null, null,
					null, null);
		}

		private static @Nullable String tradeFlags(Group g) {
			var flags = new ArrayList<String>();
			if (g.getUseSwap()) {
				flags.add("Swaps");
			}
			if (g.getExpirationAllowed()) {
				flags.add("Expiration");
			}
			if (g.getHedgeProhibited()) {
				flags.add("HedgeProhibit");
			}
			if (g.getCloseFifo()) {
				flags.add("FifoClose");
			}
			if (g.getStopoutSkipHedged()) {
				flags.add("SOFullyHedged");
			}
			return flags.isEmpty() ? "None" : flags.size() == 1 ? flags.getFirst() : null;
		}
	}

	private static final Map<FreeMarginMode, String> FREE_MARGIN_MODES = Map.of(FreeMarginMode.FREE_MARGIN_DONT_USE, "NotUsePL",
			FreeMarginMode.FREE_MARGIN_USE_ALL, "UsePL", FreeMarginMode.FREE_MARGIN_USE_PROFIT, "Profit",
			FreeMarginMode.FREE_MARGIN_USE_LOSS, "Loss");

	/** What the gateway's group keeps; the rest has no place in an MT4 group. */
	private static final Set<String> WRITABLE = Set.of("permissionsFlags", "company", "companySupportPage", "companySupportEmail",
			"currency", "marginFreeMode", "marginSOMode", "marginCall", "marginStopOut", "demoLeverage", "demoDeposit");

	private final PlatformPumps pumps;
	private final PlatformConnections connections;

	Mt5GroupsController(PlatformPumps pumps, PlatformConnections connections) {
		this.pumps = pumps;
		this.connections = connections;
	}

	@GetMapping("/api/v2/MT5/{tradePlatform}/GroupGet/{group}")
	ApiResponse<MT5ConGroup> groupGet(CalledPlatform platform, @PathVariable String group) {
		requireName(group);
		var found = pumps.cache(platform.id()).groups().stream().filter(candidate -> candidate.getName().equals(group)).findFirst()
			.orElseThrow(() -> noGroup(group));
		return ApiResponse.ok(MT5ConGroup.of(found));
	}

	/** Read and written on the server, so the patch applies to the group as it is there; the pump then updates the cache. */
	@PatchMapping("/api/v2/MT5/{tradePlatform}/GroupRecord/{group}")
	ApiResponse<MT5ConGroup> groupRecord(CalledPlatform platform, @PathVariable String group, @RequestBody JsonNode patch) {
		requireName(group);
		var request = ConfigRequest.newBuilder().setSection(ConfigSection.GROUPS).setKey(group).build();
		var current = connections.call(platform.id(), channel -> GatewayLookups.unlessNotFound(() -> ConfigurationGrpc.newBlockingStub(channel)
			.request(request)))
			.flatMap(records -> records.getRecordsList().stream().map(ConfigRecord::getGroup).filter(g -> g.getName().equals(group)).findFirst())
			.orElseThrow(() -> noGroup(group));
		var changes = MergePatch.of(patch, MT5ConGroup.of(current), WRITABLE);
		if (changes.isEmpty()) {
			return ApiResponse.ok(MT5ConGroup.of(current));
		}
		var updated = apply(changes, current.toBuilder()).build();
		var stored = connections.call(platform.id(), channel -> ConfigurationGrpc.newBlockingStub(channel)
			.update(ConfigUpdateRequest.newBuilder().setSection(ConfigSection.GROUPS).setPos(-1)
				.setRecord(ConfigRecord.newBuilder().setGroup(updated)).build()));
		return ApiResponse.ok(MT5ConGroup.of(stored.getGroup()));
	}

	private static Group.Builder apply(MergePatch changes, Group.Builder group) {
		if (changes.changes("permissionsFlags")) {
			group.setEnable(changes.oneOf("permissionsFlags", Set.of("None", "EnableConnection")).equals("EnableConnection"));
		}
		if (changes.changes("company")) {
			group.setCompany(changes.text("company", 128));
		}
		if (changes.changes("companySupportPage")) {
			group.setSupportPage(changes.text("companySupportPage", 128));
		}
		if (changes.changes("companySupportEmail")) {
			group.setSupportEmail(changes.text("companySupportEmail", 64));
		}
		if (changes.changes("currency")) {
			var currency = changes.text("currency", 3);
			if (!currency.matches("[A-Z]{3}")) {
				throw ApiException.validation("currency must be a 3-letter code such as USD");
			}
			group.setCurrency(currency);
		}
		if (changes.changes("marginFreeMode")) {
			var mode = changes.oneOf("marginFreeMode", Set.copyOf(FREE_MARGIN_MODES.values()));
			FREE_MARGIN_MODES.forEach((gateway, name) -> {
				if (name.equals(mode)) {
					group.setFreeMarginMode(gateway);
				}
			});
		}
		if (changes.changes("marginSOMode")) {
			group.setMarginType(changes.oneOf("marginSOMode", Set.of("Percent", "Money")).equals("Money") ? MarginType.MARGIN_TYPE_CURRENCY
					: MarginType.MARGIN_TYPE_PERCENT);
		}
		if (changes.changes("marginCall")) {
			group.setMarginCall(changes.number("marginCall", 0));
		}
		if (changes.changes("marginStopOut")) {
			group.setMarginStopout(changes.number("marginStopOut", 0));
		}
		if (changes.changes("demoLeverage")) {
			group.setDefaultLeverage(changes.integer("demoLeverage", 1, 10_000));
		}
		if (changes.changes("demoDeposit")) {
			group.setDefaultDeposit(changes.number("demoDeposit", 0));
		}
		return group;
	}

	/** MT5 group names are backslash-separated paths of up to 64 characters. */
	private static void requireName(String group) {
		if (group.isBlank() || group.length() > 64) {
			throw ApiException.validation("group must be a name of 1 to 64 characters");
		}
	}

	private static ApiException noGroup(String group) {
		return new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No group " + group, null);
	}
}
