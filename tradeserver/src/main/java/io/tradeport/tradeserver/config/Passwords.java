package io.tradeport.tradeserver.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for managers and client accounts: PBKDF2-HMAC-SHA256 with a random salt, so the
 * in-memory store (and any backup of it) never holds a password in clear.
 */
public final class Passwords {

	// Low on purpose: manager logins are rare, but tests and demo seeding hash many passwords.
	private static final int ITERATIONS = 10_000;
	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	public static String hash(String password) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		Base64.Encoder b64 = Base64.getEncoder();
		return ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(derive(password, salt, ITERATIONS));
	}

	public static boolean matches(String password, String hash) {
		String[] parts = hash.split(":");
		if (parts.length != 3) {
			return false;
		}
		Base64.Decoder b64 = Base64.getDecoder();
		byte[] expected = b64.decode(parts[2]);
		return MessageDigest.isEqual(expected, derive(password, b64.decode(parts[1]), Integer.parseInt(parts[0])));
	}

	/** MT4 refuses passwords shorter than 5 characters. */
	public static boolean isAcceptable(String password) {
		return password.length() >= 5;
	}

	private static byte[] derive(String password, byte[] salt, int iterations) {
		try {
			PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", ex);
		}
	}
}
