package io.tradeport.cloud.clients;

/** A change refused by the clients' rules (duplicate name, unknown client, no scope). */
public class ClientRuleViolation extends RuntimeException {

	private final String field;

	ClientRuleViolation(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
