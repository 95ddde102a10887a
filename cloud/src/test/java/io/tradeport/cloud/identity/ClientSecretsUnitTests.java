package io.tradeport.cloud.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSecretsUnitTests {

	@Test
	void generatedSecretsCarry256BitsAndDiffer() {
		var secret = ClientSecrets.generate();
		assertThat(secret).hasSize(43).isNotEqualTo(ClientSecrets.generate());
	}

	@Test
	void theStoredFormIsASha256HashThatMatchesOnlyTheSecret() {
		var secret = ClientSecrets.generate();
		var stored = ClientSecrets.INSTANCE.encode(secret);
		assertThat(stored).startsWith("{sha256}").hasSize("{sha256}".length() + 64).doesNotContain(secret);
		assertThat(ClientSecrets.INSTANCE.matches(secret, stored)).isTrue();
		assertThat(ClientSecrets.INSTANCE.matches(secret + "x", stored)).isFalse();
		assertThat(ClientSecrets.INSTANCE.matches(secret, "{bcrypt}whatever")).isFalse();
	}

	@Test
	void storedHashesAreNeverUpgradedToASlowHash() {
		assertThat(ClientSecrets.INSTANCE.upgradeEncoding(ClientSecrets.INSTANCE.encode("x"))).isFalse();
	}
}
