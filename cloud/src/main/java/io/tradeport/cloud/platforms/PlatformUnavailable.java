package io.tradeport.cloud.platforms;

/** The platform's trade server cannot be reached now (the WebAPI's {@code NoConnect}). */
public class PlatformUnavailable extends RuntimeException {

	PlatformUnavailable(String message, Throwable cause) {
		super(message, cause);
	}
}
