package io.tradeport.cloud.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tradeport.cloud.audit.AuditEvent;
import io.tradeport.cloud.audit.AuditLog;
import io.tradeport.cloud.mail.Mailer;
import io.tradeport.cloud.mail.OutgoingMail;

/**
 * Setting a password (after the temporary one, by choice, or through a reset link). Every new password ends the
 * user's other sessions and their applications' refresh tokens: whoever knew the old one is out.
 */
@Service
class PasswordChanges {

	sealed interface Outcome {
	}

	record Changed() implements Outcome {
	}

	record Refused(String field, String message) implements Outcome {
	}

	private final UserStore users;
	private final PasswordEncoder passwords;
	private final PasswordPolicy policy;
	private final UserSessions sessions;
	private final JdbcClient jdbc;
	private final Mailer mailer;
	private final AuditLog audit;
	private final Throttle throttle;
	private final IdentitySettings settings;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	PasswordChanges(UserStore users, PasswordEncoder userPasswordEncoder, PasswordPolicy policy, UserSessions sessions,
			JdbcClient jdbc, Mailer mailer, AuditLog audit, Throttle throttle, IdentitySettings settings, Clock clock) {
		this.users = users;
		this.passwords = userPasswordEncoder;
		this.policy = policy;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.audit = audit;
		this.throttle = throttle;
		this.settings = settings;
		this.clock = clock;
	}

	/** Replaces the temporary password right after the sign-in that consumed it. */
	@Transactional
	Outcome chooseFirst(UserId user, String password, String confirmation, @Nullable String keepSession, @Nullable String address) {
		var stored = users.findById(user).orElseThrow();
		if (!stored.passwordTemporary()) {
			return new Refused("password", "Your password is already set; change it from your account page.");
		}
		return set(stored, password, confirmation, keepSession, address, "user.password-chosen");
	}

	@Transactional
	Outcome change(UserId user, String current, String password, String confirmation, @Nullable String keepSession,
			@Nullable String address) {
		var stored = users.findById(user).orElseThrow();
		if (stored.passwordHash() == null || !passwords.matches(current, stored.passwordHash())) {
			audit.record(AuditEvent.of("user.password-change-refused", user.toString(), address));
			return new Refused("currentPassword", "This is not your current password.");
		}
		return set(stored, password, confirmation, keepSession, address, "user.password-changed");
	}

	/** Mails a reset link if the e-mail has an account; says nothing either way. */
	@Transactional
	void requestReset(String email, String resetUrlBase, @Nullable String address) {
		var user = users.findByEmail(email);
		if (user.isEmpty()) {
			audit.record(AuditEvent.of("user.password-reset-requested", UserStore.normalize(email), address)
				.withDetails(java.util.Map.of("known", "false")));
			return;
		}
		var bytes = new byte[32];
		random.nextBytes(bytes);
		var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var lifetime = settings.identity().passwords().resetLinkLifetime();
		jdbc.sql("insert into password_reset (token_hash, user_id, expires_at) values (?, ?, ?)")
			.params(ClientSecrets.sha256Hex(token), user.get().id().value(), UserStore.utc(clock.instant().plus(lifetime)))
			.update();
		mailer.send(new OutgoingMail(user.get().email(), "Reset your Tradeport password", """
				Someone, probably you, asked to reset the password of %s at Tradeport.

				Choose a new password here (the link works once, for %d minutes):
				%s?token=%s

				If it was not you, ignore this mail; your password stays as it is.
				""".formatted(user.get().email(), lifetime.toMinutes(), resetUrlBase, token)));
		audit.record(AuditEvent.of("user.password-reset-requested", user.get().id().toString(), address));
	}

	Optional<UserId> validResetToken(String token) {
		return jdbc.sql("select user_id from password_reset where token_hash = ? and used_at is null and expires_at > ?")
			.params(ClientSecrets.sha256Hex(token), UserStore.utc(clock.instant()))
			.query((rs, row) -> new UserId(rs.getObject(1, java.util.UUID.class)))
			.optional();
	}

	@Transactional
	Outcome reset(String token, String password, String confirmation, @Nullable String address) {
		var user = validResetToken(token);
		if (user.isEmpty()) {
			return new Refused("token", "This link is invalid, used or expired. Ask for a new one.");
		}
		var stored = users.findById(user.get()).orElseThrow();
		var outcome = set(stored, password, confirmation, null, address, "user.password-reset");
		if (outcome instanceof Changed) {
			jdbc.sql("update password_reset set used_at = ? where user_id = ? and used_at is null")
				.params(UserStore.utc(clock.instant()), stored.id().value())
				.update();
			throttle.reset(PasswordSignIn.accountKey(stored.email()));
		}
		return outcome;
	}

	private Outcome set(StoredUser user, String password, String confirmation, @Nullable String keepSession,
			@Nullable String address, String auditType) {
		var problem = policy.check(password, user.email());
		if (problem.isPresent()) {
			return new Refused("password", problem.get());
		}
		if (!password.equals(confirmation)) {
			return new Refused("confirmation", "The two passwords differ.");
		}
		users.setPassword(user.id(), passwords.encode(password), clock.instant());
		sessions.endAllExcept(user.id(), keepSession);
		jdbc.sql("delete from oauth2_authorization where principal_name = ?").param(user.id().toString()).update();
		audit.record(AuditEvent.of(auditType, user.id().toString(), address));
		return new Changed();
	}
}
