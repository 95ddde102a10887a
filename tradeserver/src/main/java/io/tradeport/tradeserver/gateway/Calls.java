package io.tradeport.tradeserver.gateway;

import java.util.function.Supplier;

import io.grpc.stub.StreamObserver;

/** Runs a unary call's body and turns refusals into gRPC errors carrying the MT4 code. */
final class Calls {

	private static final System.Logger LOG = System.getLogger(Calls.class.getName());

	private Calls() {
	}

	static <T> void unary(StreamObserver<T> out, Supplier<T> body) {
		T reply;
		try {
			reply = body.get();
		}
		catch (MtException ex) {
			out.onError(ex.toStatus());
			return;
		}
		catch (IllegalArgumentException ex) {
			// Records and engine configuration validate themselves; that is MT4's INVALID_DATA.
			out.onError(MtException.of(Ret.INVALID_DATA, String.valueOf(ex.getMessage())).toStatus());
			return;
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.ERROR, "gateway call failed", ex);
			out.onError(MtException.of(Ret.TECH_PROBLEM, "server error: " + ex).toStatus());
			return;
		}
		out.onNext(reply);
		out.onCompleted();
	}
}
