package io.tradeport.cloud.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B: length rather than composition rules, long passphrases allowed, and no password that is
 * common or derived from the e-mail.
 */
@Component
class PasswordPolicy {

	static final int MAXIMUM_LENGTH = 128;

	private final int minimumLength;
	private final Set<String> common;

	PasswordPolicy(IdentitySettings settings) {
		this.minimumLength = settings.identity().passwords().minimumLength();
		this.common = loadCommonPasswords();
	}

	/** @return why the password is refused, in words for the person choosing it */
	Optional<String> check(String password, String email) {
		var length = password.codePointCount(0, password.length());
		if (length < minimumLength) {
			return Optional.of("Use at least " + minimumLength + " characters; a few unrelated words make a good password.");
		}
		if (length > MAXIMUM_LENGTH) {
			return Optional.of("Use at most " + MAXIMUM_LENGTH + " characters.");
		}
		var lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower)) {
			return Optional.of("This password is among the most common ones; choose another.");
		}
		if (password.codePoints().distinct().count() < 4) {
			return Optional.of("This password repeats too few characters; choose another.");
		}
		var localPart = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
		if (localPart.length() >= 4 && lower.contains(localPart)) {
			return Optional.of("The password must not contain your e-mail address.");
		}
		return Optional.empty();
	}

	private static Set<String> loadCommonPasswords() {
		var passwords = new HashSet<String>();
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().map(String::strip).filter(line -> !line.isEmpty()).map(l -> l.toLowerCase(Locale.ROOT)).forEach(passwords::add);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(passwords);
	}
}
