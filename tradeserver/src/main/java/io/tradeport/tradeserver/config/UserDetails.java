package io.tradeport.tradeserver.config;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The parts of an MT4 UserRecord that the engine does not hold: personal data, passwords and
 * registration times.
 *
 * @param investorPasswordHash null when no investor (read-only) password is set
 */
public record UserDetails(
		int login,
		String name,
		String email,
		String phone,
		String country,
		String city,
		String state,
		String zipCode,
		String address,
		String comment,
		String externalId,
		String status,
		String leadSource,
		int agentAccount,
		boolean sendReports,
		boolean enableChangePassword,
		String passwordHash,
		@Nullable String investorPasswordHash,
		Instant registered,
		Instant lastChange) {

	public static UserDetails named(int login, String name, String email, String password, Instant now) {
		return new UserDetails(login, name, email, "", "", "", "", "", "", "", "", "", "", 0, true, true,
				Passwords.hash(password), null, now, now);
	}

	public UserDetails withPasswordHash(String hash, Instant now) {
		return new UserDetails(login, name, email, phone, country, city, state, zipCode, address, comment, externalId,
				status, leadSource, agentAccount, sendReports, enableChangePassword, hash, investorPasswordHash, registered, now);
	}

	public UserDetails withInvestorPasswordHash(String hash, Instant now) {
		return new UserDetails(login, name, email, phone, country, city, state, zipCode, address, comment, externalId,
				status, leadSource, agentAccount, sendReports, enableChangePassword, passwordHash, hash, registered, now);
	}
}
