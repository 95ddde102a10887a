package io.tradeport.signalr;

import java.security.SecureRandom;
import java.util.Base64;

/** Connection ids and tokens as ASP.NET makes them: 16 random bytes, base64url, because clients append them unencoded. */
final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private Ids() {
	}

	static String next() {
		var bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}
}
