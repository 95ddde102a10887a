package io.tradeport.cloud.secrets;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxUnitTests {

	private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
	private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	@Test
	void sealedValuesOpenToTheOriginalAndDoNotContainIt() {
		var box = new SecretBox(new EncryptionSettings(KEY_A, List.of()));
		var sealed = box.seal("manager-password-123");
		assertThat(sealed).doesNotContain("manager-password-123").startsWith("v1:");
		assertThat(box.open(sealed)).isEqualTo("manager-password-123");
	}

	@Test
	void sealingTheSameValueTwiceGivesDifferentCiphertexts() {
		var box = new SecretBox(new EncryptionSettings(KEY_A, List.of()));
		assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
	}

	@Test
	void aTamperedValueIsRefused() {
		var box = new SecretBox(new EncryptionSettings(KEY_A, List.of()));
		var sealed = box.seal("secret");
		var bytes = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
		bytes[bytes.length - 1] ^= 1;
		var tampered = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(bytes);
		assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(SecretUnreadableException.class);
	}

	@Test
	void afterARotationValuesSealedWithThePreviousKeyStillOpenAndAreMarkedForResealing() {
		var before = new SecretBox(new EncryptionSettings(KEY_A, List.of()));
		var old = before.seal("secret");
		var after = new SecretBox(new EncryptionSettings(KEY_B, List.of(KEY_A)));
		assertThat(after.open(old)).isEqualTo("secret");
		assertThat(after.needsResealing(old)).isTrue();
		assertThat(after.needsResealing(after.seal("secret"))).isFalse();
	}

	@Test
	void withoutThePreviousKeyOldValuesCannotBeOpenedAndTheErrorSaysWhy() {
		var old = new SecretBox(new EncryptionSettings(KEY_A, List.of())).seal("secret");
		var other = new SecretBox(new EncryptionSettings(KEY_B, List.of()));
		assertThatThrownBy(() -> other.open(old)).hasMessageContaining("previous-keys");
	}

	@Test
	void aKeyOfTheWrongSizeIsRefusedAtStart() {
		assertThatThrownBy(() -> new SecretBox(new EncryptionSettings(Base64.getEncoder().encodeToString(new byte[16]), List.of())))
			.hasMessageContaining("32 bytes");
	}
}
