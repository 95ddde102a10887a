package io.tradeport.tradeserver.engine;

/**
 * Account settings the manager controls (UserRecord subset). Balance and credit are not here:
 * as in MT4 they change only through balance and credit operations.
 *
 * @param leverage 1:N; 0 takes the group's default leverage
 */
public record AccountConfig(Login login, String group, int leverage, boolean enabled, boolean readOnly) {

	public AccountConfig {
		if (leverage < 0) {
			throw new IllegalArgumentException("leverage must not be negative");
		}
	}

	public static AccountConfig of(int login, String group) {
		return new AccountConfig(Login.of(login), group, 0, true, false);
	}

	public AccountConfig withLeverage(int leverage) {
		return new AccountConfig(login, group, leverage, enabled, readOnly);
	}

	public AccountConfig withEnabled(boolean enabled) {
		return new AccountConfig(login, group, leverage, enabled, readOnly);
	}

	public AccountConfig withReadOnly(boolean readOnly) {
		return new AccountConfig(login, group, leverage, enabled, readOnly);
	}
}
