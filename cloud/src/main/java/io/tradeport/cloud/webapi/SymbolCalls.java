package io.tradeport.cloud.webapi;

import java.util.function.Function;

import io.grpc.Channel;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformRefused;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.gateway.v1.ConfigRequest;
import io.tradeport.gateway.v1.ConfigSection;
import io.tradeport.gateway.v1.ConfigurationGrpc;
import io.tradeport.gateway.v1.Symbol;

/** Checks of a symbol name and live gateway calls about one symbol. */
final class SymbolCalls {

	/** MT4's symbol field is 12 characters. */
	static final int MAX_LENGTH = 12;

	/** MT4's INVALID_DATA, which the gateway also answers for a symbol it does not have. */
	private static final int INVALID_DATA = 3;

	private SymbolCalls() {
	}

	static String requireName(@Nullable String symbol) {
		if (symbol == null || symbol.isBlank()) {
			throw ApiException.validation("symbol is required");
		}
		if (symbol.length() > MAX_LENGTH) {
			throw ApiException.validation("symbol has at most " + MAX_LENGTH + " characters");
		}
		return symbol;
	}

	static ApiException notFound(String symbol) {
		return new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No symbol " + symbol, null);
	}

	/** The symbol's configuration, asked live. */
	static Symbol config(PlatformConnections connections, TradePlatformId platform, String symbol) {
		try {
			var records = connections.call(platform, channel -> ConfigurationGrpc.newBlockingStub(channel)
				.request(ConfigRequest.newBuilder().setSection(ConfigSection.SYMBOLS).setKey(symbol).build()));
			return records.getRecordsList().stream().filter(record -> record.getSymbol().getName().equals(symbol)).findFirst()
				.orElseThrow(() -> notFound(symbol)).getSymbol();
		}
		catch (PlatformRefused refused) {
			// asked by key, INVALID_DATA can only mean there is no such record
			if (refused.returnCode() == INVALID_DATA) {
				throw notFound(symbol);
			}
			throw refused;
		}
	}

	/**
	 * A live call about one symbol. The gateway refuses an unknown symbol with INVALID_DATA, as it refuses bad values;
	 * only then is the symbol looked up, to answer NotFound rather than an MT4 error.
	 */
	static <T> T about(PlatformConnections connections, TradePlatformId platform, String symbol, Function<Channel, T> call) {
		try {
			return connections.call(platform, call);
		}
		catch (PlatformRefused refused) {
			if (refused.returnCode() == INVALID_DATA) {
				config(connections, platform, symbol);
			}
			throw refused;
		}
	}
}
