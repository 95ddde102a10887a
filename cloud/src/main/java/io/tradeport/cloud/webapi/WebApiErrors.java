package io.tradeport.cloud.webapi;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.tradeport.cloud.platforms.PlatformRefused;
import io.tradeport.cloud.platforms.PlatformUnavailable;

/** Every failure of the API becomes the v2 envelope with its code; never a stack trace, never a 500 for a client mistake. */
@RestControllerAdvice(basePackageClasses = WebApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebApiErrors {

	private static final Logger log = LoggerFactory.getLogger(WebApiErrors.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiResponse<Void>> api(ApiException e, HttpServletRequest request) {
		return respond(e.status(), new ApiResponse.Error(e.code(), e.managerCode(), e.getMessage()), request);
	}

	@ExceptionHandler(PlatformUnavailable.class)
	ResponseEntity<ApiResponse<Void>> unavailable(PlatformUnavailable e, HttpServletRequest request) {
		return respond(HttpStatus.SERVICE_UNAVAILABLE, new ApiResponse.Error(ApiResponse.Code.NoConnect, null, e.getMessage()), request);
	}

	@ExceptionHandler(PlatformRefused.class)
	ResponseEntity<ApiResponse<Void>> refused(PlatformRefused e, HttpServletRequest request) {
		var mt5 = request.getRequestURI().contains("/MT5/");
		return respond(HttpStatus.BAD_REQUEST, new ApiResponse.Error(mt5 ? ApiResponse.Code.MT5Error : ApiResponse.Code.MT4Error,
				ResultCodes.of(e.returnName(), e.returnCode()), e.getMessage()), request);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			HttpMessageNotReadableException.class })
	ResponseEntity<ApiResponse<Void>> invalid(Exception e, HttpServletRequest request) {
		var message = switch (e) {
			case MethodArgumentTypeMismatchException mismatch -> "Invalid value for " + mismatch.getName();
			case MissingServletRequestParameterException missing -> "Missing parameter " + missing.getParameterName();
			default -> "The request body is not valid JSON for this operation";
		};
		return respond(HttpStatus.BAD_REQUEST, new ApiResponse.Error(ApiResponse.Code.Validation, null, message), request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ApiResponse.Error(ApiResponse.Code.Validation, null,
				"Send application/json"), request);
	}

	@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class })
	ResponseEntity<ApiResponse<Void>> notFound(Exception e, HttpServletRequest request) {
		return respond(HttpStatus.NOT_FOUND, new ApiResponse.Error(ApiResponse.Code.NotFound, null, "No such operation"), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiResponse<Void>> internal(Exception e, HttpServletRequest request) {
		log.error("WebAPI request failed, activity {}", ActivityId.of(request), e);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, new ApiResponse.Error(ApiResponse.Code.Internal, null,
				"Internal error; quote activity " + ActivityId.of(request)), request);
	}

	static ResponseEntity<ApiResponse<Void>> respond(HttpStatus status, ApiResponse.Error error, HttpServletRequest request) {
		return ResponseEntity.status(status).body(ApiResponse.failed(error, ActivityId.of(request)));
	}
}
