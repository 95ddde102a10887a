package io.tradeport.tradeserver.gateway;

import com.google.protobuf.Any;
import com.google.rpc.Status;

import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.tradeport.gateway.v1.MtError;
import io.tradeport.tradeserver.engine.ReturnCode;

/**
 * A refused call: the MT4 return code plus the gRPC status it is sent with. Thrown inside the
 * services and turned into a status with an {@link MtError} detail at the edge.
 */
final class MtException extends RuntimeException {

	final int retCode;
	final String retName;
	final io.grpc.Status.Code status;

	MtException(int retCode, String retName, io.grpc.Status.Code status, String message) {
		super(message, null, false, false);
		this.retCode = retCode;
		this.retName = retName;
		this.status = status;
	}

	static MtException of(Ret ret, String message) {
		return new MtException(ret.code, ret.name(), ret.status, message);
	}

	static MtException notFound(String message) {
		return new MtException(Ret.INVALID_DATA.code, Ret.INVALID_DATA.name(), io.grpc.Status.Code.NOT_FOUND, message);
	}

	/** Operations this server does not implement: MT4's common error under gRPC UNIMPLEMENTED. */
	static MtException notSupported(String message) {
		return new MtException(Ret.ERROR.code, Ret.ERROR.name(), io.grpc.Status.Code.UNIMPLEMENTED, message);
	}

	static MtException rights(String right) {
		return of(Ret.NOT_ENOUGH_RIGHTS, "the manager lacks the right '" + right + "'");
	}

	/** An engine refusal; trade codes (128+) are business refusals of a valid request. */
	static MtException engine(ReturnCode code, String message) {
		io.grpc.Status.Code status = switch (code) {
			case INVALID_DATA -> io.grpc.Status.Code.INVALID_ARGUMENT;
			case NOT_ENOUGH_RIGHTS -> io.grpc.Status.Code.PERMISSION_DENIED;
			case TECH_PROBLEM -> io.grpc.Status.Code.INTERNAL;
			case TRADE_TIMEOUT, TRADE_BROKER_BUSY, TRADE_TOO_MANY_REQ -> io.grpc.Status.Code.UNAVAILABLE;
			default -> io.grpc.Status.Code.FAILED_PRECONDITION;
		};
		return new MtException(code.code(), code.name(), status, message);
	}

	StatusRuntimeException toStatus() {
		MtError error = MtError.newBuilder().setRetCode(retCode).setRetName(retName).setMessage(getMessage()).build();
		return StatusProto.toStatusRuntimeException(Status.newBuilder()
			.setCode(status.value())
			.setMessage(retCode + " " + retName + ": " + getMessage())
			.addDetails(Any.pack(error))
			.build());
	}
}
