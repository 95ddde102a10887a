package io.tradeport.cloud.secrets;

public class SecretUnreadableException extends RuntimeException {

	SecretUnreadableException(String reason) {
		super("Cannot decrypt a stored secret: " + reason);
	}
}
