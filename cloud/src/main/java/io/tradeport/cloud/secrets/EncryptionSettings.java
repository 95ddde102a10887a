package io.tradeport.cloud.secrets;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key base64 of 32 random bytes: encrypts everything written from now on
 * @param previousKeys keys that were current before a rotation; still decrypt what they wrote
 */
@ConfigurationProperties("tradeport.encryption")
record EncryptionSettings(String key, List<String> previousKeys) {

	EncryptionSettings {
		previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
	}
}
