package io.tradeport.tradeserver.config;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Personal data and passwords of the client accounts, by login. */
public final class UserDirectory {

	private final Map<Integer, UserDetails> users = new ConcurrentHashMap<>();

	public Optional<UserDetails> get(int login) {
		return Optional.ofNullable(users.get(login));
	}

	public void put(UserDetails details) {
		users.put(details.login(), details);
	}

	public void remove(int login) {
		users.remove(login);
	}

	/** Which password matched: the master, the investor one, or none. */
	public enum PasswordMatch { MASTER, INVESTOR, NONE }

	public PasswordMatch check(int login, String password) {
		UserDetails details = users.get(login);
		if (details == null) {
			return PasswordMatch.NONE;
		}
		if (Passwords.matches(password, details.passwordHash())) {
			return PasswordMatch.MASTER;
		}
		String investor = details.investorPasswordHash();
		return investor != null && Passwords.matches(password, investor) ? PasswordMatch.INVESTOR : PasswordMatch.NONE;
	}
}
