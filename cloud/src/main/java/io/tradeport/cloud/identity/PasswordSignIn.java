package io.tradeport.cloud.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.tradeport.cloud.audit.AuditEvent;
import io.tradeport.cloud.audit.AuditLog;

/**
 * Checks e-mail and password with brute-force protection per account and per address. Unknown e-mails, wrong
 * passwords and disabled accounts fail alike and cost the same hash; lockouts apply to unknown e-mails too.
 * <p>
 * The principal is Spring's {@link User} named by the user id, a type the authorization server can store.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

	private final UserStore users;
	private final PasswordEncoder passwords;
	private final Throttle throttle;
	private final AuditLog audit;
	private final IdentitySettings settings;
	private final Clock clock;
	private final String unknownUserHash;

	PasswordSignIn(UserStore users, PasswordEncoder userPasswordEncoder, Throttle throttle, AuditLog audit,
			IdentitySettings settings, Clock clock) {
		this.users = users;
		this.passwords = userPasswordEncoder;
		this.throttle = throttle;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.unknownUserHash = userPasswordEncoder.encode(TemporaryPasswords.generate());
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		var email = UserStore.normalize(attempt.getName());
		var password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
		var address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		var keys = new ArrayList<>(List.of(accountKey(email)));
		if (address != null) {
			keys.add(addressKey(address));
		}
		if (throttle.isLocked(keys)) {
			audit.record(AuditEvent.of("user.sign-in-blocked", email, address));
			throw new LockedException("Too many failed sign-ins");
		}
		var user = users.findByEmail(email).orElse(null);
		var hash = user == null || user.passwordHash() == null ? unknownUserHash : user.passwordHash();
		var matches = passwords.matches(password, hash) && user != null && user.passwordHash() != null && !user.disabled();
		if (!matches) {
			recordFailure(email, address, user);
			throw new BadCredentialsException("Invalid e-mail or password");
		}
		if (user.passwordTemporary()) {
			var expiresAt = user.passwordExpiresAt();
			if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
				audit.record(AuditEvent.of("user.temporary-password-expired", user.id().toString(), address));
				throw new CredentialsExpiredException("The temporary password has expired");
			}
			if (!users.consumeTemporaryPassword(user.id(), hash)) {
				recordFailure(email, address, user);
				throw new BadCredentialsException("Invalid e-mail or password");
			}
		}
		throttle.reset(accountKey(email));
		audit.record(AuditEvent.of("user.signed-in", user.id().toString(), address));
		var authority = new SimpleGrantedAuthority(
				user.passwordTemporary() ? SignedInUser.PASSWORD_CHANGE_REQUIRED : SignedInUser.FULLY_SIGNED_IN);
		// The factor and its time become the ID token's auth_time.
		var factor = FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(clock.instant()).build();
		var principal = new User(user.id().toString(), "", List.of(authority, factor));
		var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
		result.setDetails(attempt.getDetails());
		return result;
	}

	private void recordFailure(String email, @Nullable String address, @Nullable StoredUser user) {
		var lockout = settings.identity().lockout();
		var actor = user == null ? email : user.id().toString();
		audit.record(AuditEvent.of("user.sign-in-failed", actor, address).withDetails(Map.of("email", email)));
		if (throttle.count(accountKey(email),
				new Throttle.Rule(lockout.accountFailures(), lockout.window(), lockout.duration()))) {
			audit.record(AuditEvent.of("user.locked-out", actor, address).withDetails(Map.of("email", email)));
		}
		if (address != null && throttle.count(addressKey(address),
				new Throttle.Rule(lockout.addressFailures(), lockout.window(), lockout.duration()))) {
			audit.record(AuditEvent.of("address.locked-out", null, address));
		}
	}

	static String accountKey(String email) {
		return "account:" + email;
	}

	static String addressKey(String address) {
		return "ip:" + address;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
