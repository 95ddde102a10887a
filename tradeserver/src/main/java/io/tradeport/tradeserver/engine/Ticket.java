package io.tradeport.tradeserver.engine;

/** MT4 order ticket; one number for positions, pending orders and balance/credit records. */
public record Ticket(int value) {

	public Ticket {
		if (value <= 0) {
			throw new IllegalArgumentException("ticket must be positive: " + value);
		}
	}

	public static Ticket of(int value) {
		return new Ticket(value);
	}

	@Override
	public String toString() {
		return "#" + value;
	}
}
