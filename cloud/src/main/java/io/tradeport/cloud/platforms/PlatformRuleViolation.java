package io.tradeport.cloud.platforms;

/** A change refused by the platforms' rules (a duplicate name, a platform that does not exist here). */
public class PlatformRuleViolation extends RuntimeException {

	private final String field;

	PlatformRuleViolation(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The form field the refusal belongs next to. */
	public String field() {
		return field;
	}
}
