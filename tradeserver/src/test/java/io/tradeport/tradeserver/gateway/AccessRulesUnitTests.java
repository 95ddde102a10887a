package io.tradeport.tradeserver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradeport.gateway.v1.ConAccess;

class AccessRulesUnitTests {

	private static ConAccess rule(ConAccess.Action action, String from, String to) {
		return ConAccess.newBuilder().setAction(action).setIpFrom(from).setIpTo(to).build();
	}

	@Test
	void anEmptyListAdmitsEverybody() {
		assertThat(AccessRules.allows(List.of(), "10.0.0.1")).isTrue();
	}

	@Test
	void theFirstMatchingRuleDecides() {
		var rules = List.of(rule(ConAccess.Action.ALLOW, "10.0.0.5", ""), rule(ConAccess.Action.DENY, "10.0.0.0", "10.0.0.255"));

		assertThat(AccessRules.allows(rules, "10.0.0.5")).isTrue();
		assertThat(AccessRules.allows(rules, "10.0.0.6")).isFalse();
		assertThat(AccessRules.allows(rules, "10.0.1.6")).isTrue();
	}

	@Test
	void rulesWithoutAValidAddressAreSkipped() {
		assertThat(AccessRules.allows(List.of(rule(ConAccess.Action.DENY, "example.com", "")), "10.0.0.1")).isTrue();
	}
}
