package io.tradeport.cloud.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tradeport.cloud.audit.AuditEvent;
import io.tradeport.cloud.audit.AuditLog;
import io.tradeport.cloud.mail.Mailer;
import io.tradeport.cloud.mail.OutgoingMail;

/**
 * Registration with an e-mail only: the password is generated and mailed, works once within its lifetime, and
 * must be replaced at the first sign-in. Whether the e-mail was already registered is told only to its owner,
 * by mail; the page answers the same either way.
 */
@Service
class Registration {

	static final class TooManyRegistrations extends RuntimeException {
		TooManyRegistrations() {
			super("Too many registrations from this address; try again later.");
		}
	}

	private final UserStore users;
	private final PasswordEncoder passwords;
	private final Mailer mailer;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Throttle throttle;
	private final IdentitySettings settings;
	private final Clock clock;

	Registration(UserStore users, PasswordEncoder userPasswordEncoder, Mailer mailer, ApplicationEventPublisher events,
			AuditLog audit, Throttle throttle, IdentitySettings settings, Clock clock) {
		this.users = users;
		this.passwords = userPasswordEncoder;
		this.mailer = mailer;
		this.events = events;
		this.audit = audit;
		this.throttle = throttle;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	void register(String email, @Nullable String address, String signInUrl) {
		var lockout = settings.identity().lockout();
		if (address != null) {
			var key = "register:" + address;
			if (throttle.isLocked(List.of(key))) {
				throw new TooManyRegistrations();
			}
			throttle.count(key, new Throttle.Rule(lockout.registrationsPerAddressPerHour(), java.time.Duration.ofHours(1),
					java.time.Duration.ofHours(1)));
		}
		var normalized = UserStore.normalize(email);
		var existing = users.findByEmail(normalized);
		if (existing.isPresent()) {
			// Same cost as a new registration, so timing does not tell either.
			passwords.encode(TemporaryPasswords.generate());
			mailer.send(new OutgoingMail(normalized, "Your Tradeport account", """
					Someone, probably you, tried to register %s at Tradeport.

					This address already has an account. Sign in at %s
					If you forgot your password, use "Forgot password?" on that page.

					If it was not you, you can ignore this mail.
					""".formatted(normalized, signInUrl)));
			audit.record(AuditEvent.of("user.registration-repeated", existing.get().id().toString(), address));
			return;
		}
		var id = UserId.random();
		var password = TemporaryPasswords.generate();
		var now = clock.instant();
		var lifetime = settings.identity().passwords().temporaryLifetime();
		users.insert(id, normalized, passwords.encode(password), now.plus(lifetime), now);
		events.publishEvent(new UserRegistered(id, normalized));
		mailer.send(new OutgoingMail(normalized, "Your Tradeport password", """
				Welcome to Tradeport.

				Your temporary password: %s

				Sign in at %s with your e-mail and this password within %d hours.
				It works once: right after signing in you choose your own password.

				If you did not register, ignore this mail; the password expires by itself.
				""".formatted(password, signInUrl, lifetime.toHours())));
		audit.record(AuditEvent.of("user.registered", id.toString(), address).withDetails(Map.of("email", normalized)));
	}
}
