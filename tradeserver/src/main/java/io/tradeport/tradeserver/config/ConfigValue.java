package io.tradeport.tradeserver.config;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A configuration section of exactly one record (ConCommon, ConBackup, ConTime). A persistent one
 * (from {@link ServerStores#value}) stores each new record before it takes effect. Callers that
 * read and then set may hold the value's monitor ({@code synchronized (value)}) to do both at once.
 */
public final class ConfigValue<T> {

	private T value;
	private final Consumer<T> persist;

	/** An in-memory value. */
	public ConfigValue(T initial) {
		this(initial, v -> {
		});
	}

	ConfigValue(T initial, Consumer<T> persist) {
		this.value = initial;
		this.persist = persist;
	}

	public synchronized T get() {
		return value;
	}

	public synchronized void set(T next) {
		if (!next.equals(value)) {
			persist.accept(next);
			value = next;
		}
	}

	public synchronized T updateAndGet(UnaryOperator<T> update) {
		set(update.apply(value));
		return value;
	}
}
