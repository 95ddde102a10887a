package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.ConManager;
import io.tradeport.gateway.v1.GetCurrentManagerRequest;
import io.tradeport.gateway.v1.ManagerSessionGrpc;

/** {@code MT5 v2 :: Managers}: the manager the platform's session is signed in as, asked live. */
@RestController
class Mt5ManagersController {

	/**
	 * The contract's MT5ConManager. The gateway's manager record has MT4's rights; each is reported as the MT5 rights
	 * that allow the same, and every manager may read the accounts of its groups ({@code AccRead}). The trade server's
	 * id in an MT5 cluster has no counterpart ({@code server} is null).
	 */
	record MT5ConManager(@Nullable Long login, @Nullable String mailbox, @Nullable Long server,
			@AbsentWhenNull @Nullable String limitLogs, @AbsentWhenNull @Nullable String limitReports,
			@Nullable List<String> right) {

		static MT5ConManager of(ConManager manager) {
			var rights = new ArrayList<String>();
			add(rights, manager.getAdmin(), "Admin", "CfgServers", "CfgAccess", "CfgTime", "CfgHolidays", "CfgHstSync", "CfgSymbols",
					"CfgGroups", "CfgManagers", "CfgDataFeeds", "CfgGateways");
			add(rights, manager.getManager(), "Manager", "AccManager");
			add(rights, true, "AccRead");
			add(rights, manager.getUserDetails(), "AccDetails");
			add(rights, manager.getOnline(), "AccOnline");
			add(rights, manager.getMoney(), "Accountant");
			add(rights, manager.getSeeTrades(), "TradesRead");
			add(rights, manager.getTrades(), "TradesManager");
			add(rights, manager.getBroker(), "TradesDealer");
			add(rights, manager.getRiskMan(), "RiskManager");
			add(rights, manager.getMarketWatch(), "Quotes");
			add(rights, manager.getMarket(), "Market");
			add(rights, manager.getLogs(), "SrvJournals");
			add(rights, manager.getServerReports(), "SrvReports");
			add(rights, manager.getReports(), "Reports");
			add(rights, manager.getEmail(), "Email");
			add(rights, manager.getNews(), "News");
			add(rights, manager.getPlugins(), "CfgPlugins");
			add(rights, manager.getNotifications(), "Notifications");
			add(rights, manager.getTechSupport(), "TechSupport");
			var limit = limit(manager.getInfoDepth());
			return new MT5ConManager((long) manager.getLogin(), manager.getMailbox(), null, limit, limit, rights);
		}

		private static void add(List<String> rights, boolean granted, String... mt5Rights) {
			if (granted) {
				rights.addAll(List.of(mt5Rights));
			}
		}

		/**
		 * MT4 limits the history a manager sees to a number of days (0: all) for logs and reports alike; MT5 has fixed
		 * periods, so the shortest one that covers those days is reported.
		 */
		static String limit(int days) {
			if (days <= 0) {
				return "All";
			}
			if (days <= 31) {
				return "Months1";
			}
			if (days <= 92) {
				return "Months3";
			}
			if (days <= 184) {
				return "Months6";
			}
			if (days <= 366) {
				return "Year1";
			}
			if (days <= 731) {
				return "Year2";
			}
			return days <= 1096 ? "Year3" : "All";
		}
	}

	private final PlatformConnections connections;

	Mt5ManagersController(PlatformConnections connections) {
		this.connections = connections;
	}

	@GetMapping("/api/v2/MT5/{tradePlatform}/ManagerCurrent")
	ApiResponse<MT5ConManager> managerCurrent(CalledPlatform platform) {
		var manager = connections.call(platform.id(), channel -> ManagerSessionGrpc.newBlockingStub(channel)
			.getCurrentManager(GetCurrentManagerRequest.getDefaultInstance()));
		return ApiResponse.ok(MT5ConManager.of(manager));
	}
}
