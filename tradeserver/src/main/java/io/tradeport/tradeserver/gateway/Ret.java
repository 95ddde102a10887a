package io.tradeport.tradeserver.gateway;

import io.grpc.Status;

/**
 * MT4 return codes the gateway answers with, and the gRPC status code each travels under. The
 * engine's {@link io.tradeport.tradeserver.engine.ReturnCode} covers the trade codes; this adds
 * the session and server codes the engine never produces.
 */
enum Ret {

	OK(0, Status.Code.OK),
	OK_NONE(1, Status.Code.OK),
	/** Common error; also "not supported by this server" (with gRPC UNIMPLEMENTED). */
	ERROR(2, Status.Code.FAILED_PRECONDITION),
	INVALID_DATA(3, Status.Code.INVALID_ARGUMENT),
	TECH_PROBLEM(4, Status.Code.INTERNAL),
	OLD_VERSION(5, Status.Code.FAILED_PRECONDITION),
	/** No session, or it expired: log in again. */
	NO_CONNECT(6, Status.Code.UNAUTHENTICATED),
	NOT_ENOUGH_RIGHTS(7, Status.Code.PERMISSION_DENIED),
	TOO_FREQUENT(8, Status.Code.RESOURCE_EXHAUSTED),
	MALFUNCTION(9, Status.Code.INTERNAL),
	ACCOUNT_DISABLED(64, Status.Code.FAILED_PRECONDITION),
	/** Wrong manager login or password. */
	BAD_ACCOUNT_INFO(65, Status.Code.UNAUTHENTICATED);

	final int code;
	final Status.Code status;

	Ret(int code, Status.Code status) {
		this.code = code;
		this.status = status;
	}
}
