package io.tradeport.cloud.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyUnitTests {

	private final PasswordPolicy policy = new PasswordPolicy(new IdentitySettings(null,
			new IdentitySettings.Identity(new IdentitySettings.Tokens(Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofDays(1)),
					new IdentitySettings.Passwords(Duration.ofDays(1), Duration.ofHours(1), 12),
					new IdentitySettings.Lockout(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15), 10),
					new IdentitySettings.Keys(Duration.ofDays(90), Duration.ofHours(1)))));

	@Test
	void aLongPassphraseIsAccepted() {
		assertThat(policy.check("violet tractor sings loudly", "dealer@broker.test")).isEmpty();
	}

	@Test
	void aShortPasswordIsRefusedWithTheMinimumLength() {
		assertThat(policy.check("Sh0rt!pw", "dealer@broker.test")).hasValueSatisfying(m -> assertThat(m).contains("12"));
	}

	@Test
	void aCommonPasswordIsRefusedWhateverItsCase() {
		assertThat(policy.check("Password1234", "dealer@broker.test")).hasValueSatisfying(m -> assertThat(m).contains("common"));
	}

	@Test
	void aPasswordContainingTheEmailIsRefused() {
		assertThat(policy.check("my-dealer-password", "dealer@broker.test")).hasValueSatisfying(m -> assertThat(m).contains("e-mail"));
	}

	@Test
	void aPasswordOfOneRepeatedCharacterIsRefused() {
		assertThat(policy.check("zzzzzzzzzzzzzzzz", "dealer@broker.test")).isPresent();
	}

	@Test
	void passwordsLongerThan128CharactersAreRefused() {
		assertThat(policy.check("a b c d ".repeat(20), "dealer@broker.test")).hasValueSatisfying(m -> assertThat(m).contains("128"));
	}
}
