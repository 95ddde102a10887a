package io.tradeport.signalr;

/**
 * Thrown by a {@link HubAuthenticator} to refuse a negotiate request (answered with the status) or a WebSocket
 * upgrade (refused with the status). The reason is logged at debug level, never sent.
 */
public final class HubAccessDeniedException extends RuntimeException {

	private final int status;

	private HubAccessDeniedException(int status, String reason) {
		super(reason, null, false, false);
		this.status = status;
	}

	/** 401: no credentials, or credentials that are not valid. */
	public static HubAccessDeniedException unauthenticated(String reason) {
		return new HubAccessDeniedException(401, reason);
	}

	/** 403: valid credentials that do not allow this hub or these query parameters. */
	public static HubAccessDeniedException forbidden(String reason) {
		return new HubAccessDeniedException(403, reason);
	}

	public int status() {
		return status;
	}
}
