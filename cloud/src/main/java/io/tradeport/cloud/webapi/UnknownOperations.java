package io.tradeport.cloud.webapi;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other {@code /api} path or method: a {@code NotFound} in the envelope, instead of the web's error page.
 * More specific mappings always win over this one.
 */
@RestController
class UnknownOperations {

	@RequestMapping("/api/**")
	void unknown() {
		throw new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No such operation", null);
	}
}
