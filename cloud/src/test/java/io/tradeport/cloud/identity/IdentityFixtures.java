package io.tradeport.cloud.identity;

import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Users for tests, created through registration (so they get their organization) with a known password. */
@Component
public class IdentityFixtures {

	private final Registration registration;
	private final UserStore users;
	private final PasswordEncoder passwords;

	IdentityFixtures(Registration registration, UserStore users, PasswordEncoder userPasswordEncoder) {
		this.registration = registration;
		this.users = users;
		this.passwords = userPasswordEncoder;
	}

	public static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@broker.test";
	}

	/** A registered user whose password is set (the temporary one already replaced). */
	public UserId userWithPassword(String email, String password) {
		registration.register(email, null, "http://localhost/login");
		var user = users.findByEmail(email).orElseThrow();
		users.setPassword(user.id(), passwords.encode(password), java.time.Instant.now());
		return user.id();
	}
}
