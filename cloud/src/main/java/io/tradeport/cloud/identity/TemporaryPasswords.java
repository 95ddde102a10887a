package io.tradeport.cloud.identity;

import java.security.SecureRandom;

/** Generated passwords for the registration mail: 20 characters from 55 unambiguous ones, about 115 bits. */
final class TemporaryPasswords {

	private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private TemporaryPasswords() {
	}

	static String generate() {
		var password = new StringBuilder(24);
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 5 == 0) {
				password.append('-');
			}
			password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return password.toString();
	}
}
