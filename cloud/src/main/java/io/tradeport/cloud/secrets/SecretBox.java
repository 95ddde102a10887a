package io.tradeport.cloud.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts short secrets with AES-256-GCM. A sealed value reads {@code v1:<key id>:<base64(nonce | ciphertext)>};
 * the key id is the start of the key's SHA-256, so values written under a previous key stay readable after a
 * rotation (configure it under {@code tradeport.encryption.previous-keys}) and {@link #needsResealing} finds them.
 */
@Component
@EnableConfigurationProperties(EncryptionSettings.class)
public class SecretBox {

	private static final String VERSION = "v1";
	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();
	private final String currentKeyId;
	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	SecretBox(EncryptionSettings settings) {
		if (settings.key() == null || settings.key().isBlank()) {
			throw new IllegalStateException("tradeport.encryption.key is not set (TRADEPORT_ENCRYPTION_KEY)");
		}
		var current = toKey(settings.key(), "tradeport.encryption.key");
		currentKeyId = keyId(current);
		keys.put(currentKeyId, current);
		for (int i = 0; i < settings.previousKeys().size(); i++) {
			var previous = toKey(settings.previousKeys().get(i), "tradeport.encryption.previous-keys[" + i + "]");
			keys.putIfAbsent(keyId(previous), previous);
		}
	}

	public String seal(String plaintext) {
		var nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.US_ASCII));
			var ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			var sealed = ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
			return VERSION + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(sealed);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is unavailable", e);
		}
	}

	/** @throws SecretUnreadableException when the value was sealed with a key that is not configured, or tampered with */
	public String open(String sealed) {
		var parts = sealed.split(":", 3);
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new SecretUnreadableException("not a sealed value");
		}
		var key = keys.get(parts[1]);
		if (key == null) {
			throw new SecretUnreadableException("sealed with key " + parts[1]
					+ ", which is neither tradeport.encryption.key nor one of tradeport.encryption.previous-keys");
		}
		try {
			var bytes = Base64.getDecoder().decode(parts[2]);
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(parts[1].getBytes(StandardCharsets.US_ASCII));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new SecretUnreadableException("integrity check failed");
		}
	}

	/** True for values sealed under a previous key: re-seal them so the previous key can be retired. */
	public boolean needsResealing(String sealed) {
		return !sealed.startsWith(VERSION + ":" + currentKeyId + ":");
	}

	private static SecretKeySpec toKey(String base64, String property) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(property + " is not base64");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(property + " must be 32 bytes (AES-256), is " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static String keyId(SecretKeySpec key) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
