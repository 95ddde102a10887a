package io.tradeport.cloud.webapi;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/** A failure answered in the v2 envelope with its code and HTTP status. */
class ApiException extends RuntimeException {

	private final ApiResponse.Code code;
	private final HttpStatus status;
	private final @Nullable Object managerCode;

	ApiException(ApiResponse.Code code, HttpStatus status, String message, @Nullable Object managerCode) {
		super(message);
		this.code = code;
		this.status = status;
		this.managerCode = managerCode;
	}

	static ApiException validation(String message) {
		return new ApiException(ApiResponse.Code.Validation, HttpStatus.BAD_REQUEST, message, null);
	}

	static ApiException forbidden(String message) {
		return new ApiException(ApiResponse.Code.Forbidden, HttpStatus.FORBIDDEN, message, null);
	}

	ApiResponse.Code code() {
		return code;
	}

	HttpStatus status() {
		return status;
	}

	@Nullable Object managerCode() {
		return managerCode;
	}
}
