package io.tradeport.cloud.webapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** The v2 envelope: {@code data} on success, {@code error} on failure, {@code meta} always. */
record ApiResponse<T>(@Nullable T data, @Nullable Error error, Meta meta) {

	enum Code {
		Ok, NoConnect, Validation, MT4Error, Forbidden, NotFound, MT5Error, Internal
	}

	record Error(Code code, @Nullable Object managerCode, @Nullable String message) {
	}

	record Meta(String activityId, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Paging paging) {
	}

	record Paging(@Nullable String nextCursor, boolean hasMore) {
	}

	/** A success for the request this thread serves. */
	static <T> ApiResponse<T> ok(T data) {
		return ok(data, ActivityId.current());
	}

	/** One page of a list, for the request this thread serves. */
	static <T> ApiResponse<T> page(T data, Paging paging) {
		return page(data, paging, ActivityId.current());
	}

	static <T> ApiResponse<T> ok(T data, String activityId) {
		return new ApiResponse<>(data, null, new Meta(activityId, null));
	}

	static <T> ApiResponse<T> page(T data, Paging paging, String activityId) {
		return new ApiResponse<>(data, null, new Meta(activityId, paging));
	}

	static ApiResponse<Void> failed(Error error, String activityId) {
		return new ApiResponse<>(null, error, new Meta(activityId, null));
	}
}
