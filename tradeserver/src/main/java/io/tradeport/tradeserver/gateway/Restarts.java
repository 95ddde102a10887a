package io.tradeport.tradeserver.gateway;

import java.util.List;
import java.util.function.Supplier;

/**
 * What SrvFeedsRestart and SrvRestart set off: hooks the running {@link TradeServer} puts into the
 * services' context. Each answers one line per part restarted.
 */
record Restarts(Supplier<List<String>> feed, Supplier<List<String>> server) {

	/** Until the server has started: nothing to restart yet. */
	static final Restarts NONE = new Restarts(Restarts::starting, Restarts::starting);

	private static List<String> starting() {
		throw MtException.of(Ret.ERROR, "the server is still starting");
	}
}
