package io.tradeport.tradeserver.config;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Personal data and password hashes of the client accounts, by login. A persistent directory (from
 * {@link ServerStores#users}) keeps one file per login and writes it before the change is visible.
 */
public final class UserDirectory {

	private final Map<Integer, UserDetails> users = new ConcurrentHashMap<>();
	private final StoreDir files;

	/** An in-memory directory. */
	public UserDirectory() {
		this(StoreDir.memory());
	}

	UserDirectory(StoreDir files) {
		this.files = files;
		for (String name : files.names()) {
			files.readValue(name, Records.USER).ifPresent(u -> users.put(u.login(), u));
		}
	}

	public Optional<UserDetails> get(int login) {
		return Optional.ofNullable(users.get(login));
	}

	// Synchronized: one writer per file at a time (see StoreDir); reads stay lock-free.
	public synchronized void put(UserDetails details) {
		files.write(fileName(details.login()), Records.USER.encode(details));
		users.put(details.login(), details);
	}

	public synchronized void remove(int login) {
		files.delete(fileName(login));
		users.remove(login);
	}

	private static String fileName(int login) {
		return login + ".user";
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
