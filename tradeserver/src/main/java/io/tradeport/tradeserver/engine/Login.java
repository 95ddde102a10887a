package io.tradeport.tradeserver.engine;

/** MT4 account number. */
public record Login(int value) {

	public Login {
		if (value <= 0) {
			throw new IllegalArgumentException("login must be positive: " + value);
		}
	}

	public static Login of(int value) {
		return new Login(value);
	}

	@Override
	public String toString() {
		return Integer.toString(value);
	}
}
