package io.tradeport.cloud.organizations;

/** A change that would break an organization's rules, e.g. removing its last Administrator. */
public class OrganizationRuleViolation extends RuntimeException {

	public OrganizationRuleViolation(String message) {
		super(message);
	}
}
