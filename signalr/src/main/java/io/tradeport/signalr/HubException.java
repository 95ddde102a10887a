package io.tradeport.signalr;

/**
 * A deliberate failure of a hub method or stream whose message is sent to the client. The client sees it after
 * ASP.NET's prefix, e.g. {@code An unexpected error occurred invoking 'Subscribe' on the server. HubException: <message>};
 * clients written against ASP.NET strip that prefix. Other exceptions reach the client without their message.
 */
public class HubException extends RuntimeException {

	public HubException(String message) {
		super(message);
	}

	public HubException(String message, Throwable cause) {
		super(message, cause);
	}
}
