package io.tradeport.cloud.webapi;

import java.util.Optional;
import java.util.function.Supplier;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Gateway calls whose "does not exist" answer is the WebAPI's {@code NotFound} rather than an MT4/MT5 error. */
final class GatewayLookups {

	private GatewayLookups() {
	}

	/** Empty when the server answers NOT_FOUND (MT4's 3 INVALID_DATA for a missing login, record or symbol). */
	static <T> Optional<T> unlessNotFound(Supplier<T> call) {
		try {
			return Optional.of(call.get());
		}
		catch (StatusRuntimeException e) {
			if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
				return Optional.empty();
			}
			throw e;
		}
	}
}
