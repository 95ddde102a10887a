package io.tradeport.tradeserver.gateway;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;

import io.tradeport.gateway.v1.LicenseCheckReply;
import io.tradeport.gateway.v1.Performance;
import io.tradeport.gateway.v1.PerformanceList;
import io.tradeport.gateway.v1.ServerCommand;
import io.tradeport.gateway.v1.ServerCommandReply;

/** The built-in server's answers to MT4's server commands, performance and licence calls. */
final class ServerCommands {

	private ServerCommands() {
	}

	/** Measured now: the built-in server does not keep a performance series. */
	static PerformanceList performance(ServerContext context, long from) {
		Instant now = context.clock.instant();
		PerformanceList.Builder list = PerformanceList.newBuilder();
		if (from > now.toEpochMilli()) {
			return list.build();
		}
		record Counts(int accounts, int trades) {
		}
		Counts counts = context.call(e -> new Counts(e.accountCount(), e.openTradeCount()));
		Runtime runtime = Runtime.getRuntime();
		long used = runtime.totalMemory() - runtime.freeMemory();
		long free = runtime.maxMemory() - used;
		double load = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuLoad() : -1;
		return list.addRecords(Performance.newBuilder()
			.setTime(now.toEpochMilli())
			.setUsers(context.sessions.active().size())
			.setCpu(load < 0 ? 0 : (int) Math.round(load * 100))
			.setMemoryUsedKb(used / 1024)
			.setMemoryFreeKb(free / 1024)
			.setAccounts(counts.accounts())
			.setOpenTrades(counts.trades())
			.setThreads(ManagementFactory.getThreadMXBean().getThreadCount()))
			.build();
	}

	/** The built-in server needs no licence and so recognises none: saying "yes" would be made up. */
	static LicenseCheckReply license(String name) {
		return LicenseCheckReply.newBuilder().setRecognised(false)
			.setMessage("the built-in trade server has no licence registry and runs without a licence; '" + name
					+ "' is not a licence it knows")
			.build();
	}

	/**
	 * SrvRestart is a soft restart of the feed and the timers, SrvFeedsRestart of the feed alone (the
	 * built-in simulated feed is this server's datafeed); the rest have nothing to act on here.
	 */
	static ServerCommandReply run(ServerContext context, ServerCommand command) {
		List<String> lines = switch (command) {
			case SRV_RESTART -> context.restarts.server().get();
			case SRV_FEEDS_RESTART -> context.restarts.feed().get();
			default -> throw refuse(command);
		};
		return ServerCommandReply.newBuilder().addAllLines(lines).build();
	}

	private static MtException refuse(ServerCommand command) {
		return switch (command) {
			case SRV_FEEDERS, SRV_FEEDER_LOG -> MtException.notSupported("the built-in server has no"
					+ " datafeed plugins: its prices come from the built-in simulated feed or SendTick");
			case SRV_CHARTS_SYNC -> MtException.notSupported("the built-in server has no history-synchronisation sources"
					+ " (SYNC section) to pull charts from");
			case SRV_LIVE_UPDATE_START -> MtException.notSupported("the built-in server distributes no client-terminal"
					+ " updates (LiveUpdate)");
			default -> MtException.of(Ret.INVALID_DATA, "unknown server command " + command);
		};
	}
}
