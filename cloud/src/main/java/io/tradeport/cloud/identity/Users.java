package io.tradeport.cloud.identity;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users for other modules. */
@Service
public class Users {

	private final UserStore store;
	private final PasswordEncoder passwords;
	private final PasswordPolicy policy;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Users(UserStore store, PasswordEncoder userPasswordEncoder, PasswordPolicy policy, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.passwords = userPasswordEncoder;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a user whose password is already chosen (no temporary password, no mail), with the organization
	 * every registration gets.
	 *
	 * @throws IllegalArgumentException when the e-mail is taken or the password breaks the policy
	 */
	@Transactional
	public UserId create(String email, String password) {
		policy.check(password, email).ifPresent(problem -> {
			throw new IllegalArgumentException(problem);
		});
		if (store.findByEmail(email).isPresent()) {
			throw new IllegalArgumentException("The e-mail " + email + " already has an account");
		}
		var id = UserId.random();
		var now = clock.instant();
		var hash = passwords.encode(password);
		store.insert(id, email, hash, now, now);
		store.setPassword(id, hash, now);
		events.publishEvent(new UserRegistered(id, UserStore.normalize(email)));
		return id;
	}

	public Optional<UserAccount> find(UserId id) {
		return store.findById(id).map(StoredUser::account);
	}

	public Optional<UserAccount> findByEmail(String email) {
		return store.findByEmail(email).map(StoredUser::account);
	}
}
