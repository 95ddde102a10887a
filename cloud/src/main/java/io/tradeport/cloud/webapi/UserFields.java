package io.tradeport.cloud.webapi;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.tradeport.gateway.v1.User;

/**
 * The writable fields of an MT4 user record, laid over a gateway {@code User}: each given field is checked first
 * (lengths as MT4's UserRecord stores them), so that a refused change sends nothing to the server.
 */
final class UserFields {

	/** The contract's EnableFlags bits the gateway carries: enabled, may change password, read-only. */
	static final int ENABLED = 0x01;
	static final int CHANGE_PASSWORD = 0x02;
	static final int READ_ONLY = 0x04;

	private UserFields() {
	}

	static int flags(User user) {
		return (user.getEnable() ? ENABLED : 0) | (user.getEnableChangePassword() ? CHANGE_PASSWORD : 0)
				| (user.getEnableReadOnly() ? READ_ONLY : 0);
	}

	static void apply(Mt4UsersController.MT4UserUpdate fields, User.Builder user) {
		if (fields.group() != null) {
			Mt4GroupsController.requireGroupName(fields.group());
			user.setGroup(fields.group());
		}
		text("name", fields.name(), 127, user::setName);
		text("externalId", fields.externalId(), 31, user::setExternalId);
		text("status", fields.status(), 15, user::setStatus);
		text("country", fields.country(), 31, user::setCountry);
		text("city", fields.city(), 31, user::setCity);
		text("state", fields.state(), 31, user::setState);
		text("zipCode", fields.zipCode(), 15, user::setZipCode);
		text("address", fields.address(), 95, user::setAddress);
		text("leadSource", fields.leadSource(), 31, user::setLeadSource);
		text("phone", fields.phone(), 31, user::setPhone);
		text("email", fields.email(), 47, user::setEmail);
		text("comment", fields.comment(), 63, user::setComment);
		if (fields.leverage() != null) {
			if (fields.leverage() < 0) {
				throw ApiException.validation("leverage must not be negative (0: the group's default)");
			}
			user.setLeverage(fields.leverage());
		}
		if (fields.agentAccount() != null) {
			if (fields.agentAccount() < 0) {
				throw ApiException.validation("agentAccount must not be negative");
			}
			user.setAgentAccount(fields.agentAccount());
		}
		// The gateway moves money only by balance and credit operations, which leave an audit trail: a record that
		// echoes the current amounts is fine, a different amount cannot be written.
		unchangedMoney("balance", fields.balance(), user.getBalance());
		unchangedMoney("credit", fields.credit(), user.getCredit());
		if (fields.interestRate() != null) {
			user.setInterestRate(finite("interestRate", fields.interestRate()));
		}
		if (fields.taxes() != null) {
			user.setTaxes(finite("taxes", fields.taxes()));
		}
		if (fields.enableFlags() != null) {
			var flags = fields.enableFlags();
			if ((flags & ~(ENABLED | CHANGE_PASSWORD | READ_ONLY)) != 0) {
				throw ApiException.validation("enableFlags: only 0x01 (enabled), 0x02 (may change password) and 0x04 (read-only) "
						+ "can be set through the gateway; OTP enrolment (0x08) is not supported");
			}
			user.setEnable((flags & ENABLED) != 0).setEnableChangePassword((flags & CHANGE_PASSWORD) != 0)
				.setEnableReadOnly((flags & READ_ONLY) != 0);
		}
		if (fields.sendReports() != null) {
			user.setSendReports(fields.sendReports() != 0);
		}
		if (fields.mqid() != null) {
			if (fields.mqid() < 0 || fields.mqid() > Integer.MAX_VALUE) {
				throw ApiException.validation("mqid must be between 0 and " + Integer.MAX_VALUE);
			}
			user.setMqid(fields.mqid().intValue());
		}
		if (fields.userColor() != null) {
			user.setUserColor(fields.userColor());
		}
	}

	private static void text(String field, @Nullable String value, int maxLength, Consumer<String> setter) {
		if (value == null) {
			return;
		}
		if (value.length() > maxLength) {
			throw ApiException.validation(field + " has at most " + maxLength + " characters");
		}
		setter.accept(value);
	}

	private static void unchangedMoney(String field, @Nullable Double given, double current) {
		if (given != null && Math.abs(given - current) >= 0.005) {
			throw ApiException.validation(field + " changes only through balance and credit operations (TradeTransaction "
					+ "BalanceAdd / CreditAdd); send the current " + field + " or leave it out");
		}
	}

	private static double finite(String field, double value) {
		if (!Double.isFinite(value)) {
			throw ApiException.validation(field + " must be a number");
		}
		return value;
	}
}
