package io.tradeport.cloud.webapi;

import java.util.function.Supplier;

import org.springframework.http.HttpStatus;

import io.tradeport.cloud.platforms.PlatformRefused;

/**
 * The gateway says "does not exist" with 3 INVALID_DATA (under gRPC NOT_FOUND, which does not reach us). Where the
 * request was checked at the edge already, 3 can mean nothing else, and the contract wants {@code NotFound} then.
 */
final class GatewayRefusals {

	private static final int INVALID_DATA = 3;

	private GatewayRefusals() {
	}

	/** Runs a gateway call whose only possible 3 INVALID_DATA is a missing login, ticket or file. */
	static <T> T orNotFound(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (PlatformRefused refused) {
			throw notFoundOn3(refused);
		}
	}

	/** The refusal as {@code NotFound} when it is 3 INVALID_DATA, otherwise unchanged (an {@code MT4Error}). */
	static RuntimeException notFoundOn3(PlatformRefused refused) {
		if (refused.returnCode() == INVALID_DATA) {
			return new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, refused.getMessage(), null);
		}
		return refused;
	}

	/** An {@code MT4Error} for a return code that came in a reply rather than as a refusal (per-record results). */
	static ApiException mt4Error(int returnCode, String message) {
		var name = switch (returnCode) {
			case 2 -> "ERROR";
			case INVALID_DATA -> "INVALID_DATA";
			case 4 -> "TECH_PROBLEM";
			case 7 -> "NOT_ENOUGH_RIGHTS";
			default -> "";
		};
		return new ApiException(ApiResponse.Code.MT4Error, HttpStatus.BAD_REQUEST, message, ResultCodes.of(name, returnCode));
	}
}
