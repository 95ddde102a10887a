package io.tradeport.cloud.clients;

/** Returned once, when a client is created or its secret rotated: the secret is not stored and cannot be shown again. */
public record IssuedCredentials(String clientId, String clientSecret) {

	@Override
	public String toString() {
		return "IssuedCredentials[clientId=" + clientId + ", clientSecret=<hidden>]";
	}
}
