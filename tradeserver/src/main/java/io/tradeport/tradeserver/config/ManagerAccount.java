package io.tradeport.tradeserver.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * A manager account of the MANAGERS section (ConManager): its login signs in through the gateway.
 *
 * @param groups group mask limiting the accounts the manager sees, e.g. {@code "*"} or {@code "demo*,!demovip"}
 * @param infoDepth days of history visible, 0 for unlimited
 * @param passwordHash see {@link Passwords}
 */
public record ManagerAccount(int login, String name, String passwordHash, String groups, String mailbox,
		int infoDepth, Set<ManagerRight> rights) {

	public ManagerAccount {
		if (login <= 0) {
			throw new IllegalArgumentException("manager login must be positive");
		}
		rights = rights.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rights));
	}

	public static ManagerAccount create(int login, String name, String password, String groups, Set<ManagerRight> rights) {
		return new ManagerAccount(login, name, Passwords.hash(password), groups, "", 0, rights);
	}

	public boolean has(ManagerRight right) {
		return rights.contains(right);
	}

	public boolean checkPassword(String password) {
		return Passwords.matches(password, passwordHash);
	}

	public String key() {
		return Integer.toString(login);
	}
}
