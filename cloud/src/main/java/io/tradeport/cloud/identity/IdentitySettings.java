package io.tradeport.cloud.identity;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer public URL of the identity server; when absent it is derived from each request (embedded default)
 */
@ConfigurationProperties("tradeport")
record IdentitySettings(@Nullable String issuer, @DefaultValue Identity identity) {

	record Identity(@DefaultValue Tokens tokens, @DefaultValue Passwords passwords, @DefaultValue Lockout lockout,
			@DefaultValue Keys keys) {
	}

	/**
	 * @param clientAccessToken lifetime of client-credentials tokens (IdentityServer's default, one hour)
	 * @param userAccessToken lifetime of access and ID tokens issued to users' applications
	 * @param refreshToken absolute lifetime of a refresh-token family
	 */
	record Tokens(@DefaultValue("PT1H") Duration clientAccessToken, @DefaultValue("PT15M") Duration userAccessToken,
			@DefaultValue("P1D") Duration refreshToken) {
	}

	/**
	 * @param temporaryLifetime how long the password mailed at registration works (once)
	 * @param resetLinkLifetime how long a "forgot password" link works (once)
	 */
	record Passwords(@DefaultValue("P1D") Duration temporaryLifetime,
			@DefaultValue("PT1H") Duration resetLinkLifetime, @DefaultValue("12") int minimumLength) {
	}

	/**
	 * Failed sign-ins within {@code window} lock the account (or the address) for {@code duration}; unknown
	 * e-mails are counted too, so a lockout reveals nothing about which e-mails exist.
	 */
	record Lockout(@DefaultValue("5") int accountFailures, @DefaultValue("20") int addressFailures,
			@DefaultValue("PT15M") Duration window, @DefaultValue("PT15M") Duration duration,
			@DefaultValue("10") int registrationsPerAddressPerHour) {
	}

	/**
	 * @param rotationPeriod a new signing key is created this long after the current one started signing
	 * @param publishAhead a new key is in the JWKS this long before it signs, so resource servers know it
	 */
	record Keys(@DefaultValue("P90D") Duration rotationPeriod, @DefaultValue("PT1H") Duration publishAhead) {
	}
}
