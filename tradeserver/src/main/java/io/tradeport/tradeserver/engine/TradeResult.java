package io.tradeport.tradeserver.engine;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of a trade or balance transaction. Business refusals are results, not exceptions,
 * because gateways must relay the MT4 code to the client.
 *
 * @param ticket the order created or changed, when there is one
 */
public record TradeResult(ReturnCode code, @Nullable Ticket ticket) {

	static TradeResult ok(Ticket ticket) {
		return new TradeResult(ReturnCode.OK, ticket);
	}

	static TradeResult refused(ReturnCode code) {
		return new TradeResult(code, null);
	}

	public boolean isOk() {
		return code == ReturnCode.OK;
	}
}
