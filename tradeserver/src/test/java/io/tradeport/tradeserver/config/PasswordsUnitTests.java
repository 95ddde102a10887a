package io.tradeport.tradeserver.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsUnitTests {

	@Test
	void aHashMatchesOnlyItsPasswordAndIsSalted() {
		String hash = Passwords.hash("Secret123");

		assertThat(Passwords.matches("Secret123", hash)).isTrue();
		assertThat(Passwords.matches("Secret124", hash)).isFalse();
		assertThat(hash).doesNotContain("Secret123").isNotEqualTo(Passwords.hash("Secret123"));
		assertThat(Passwords.matches("Secret123", "garbage")).isFalse();
	}

	@Test
	void passwordsNeedFiveCharacters() {
		assertThat(Passwords.isAcceptable("abcd")).isFalse();
		assertThat(Passwords.isAcceptable("abcde")).isTrue();
	}
}
