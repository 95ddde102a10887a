package io.tradeport.tradeserver.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One ordered configuration section, like MT4's Cfg* lists: records are addressed by position
 * and can be shifted; keyed sections (managers by login, groups by name) also find records by key.
 * Invalid positions and duplicate keys throw {@link IllegalArgumentException}, which callers
 * report as MT4's INVALID_DATA.
 */
public final class ConfigList<T> {

	private final List<T> records = new ArrayList<>();
	private final @Nullable Function<T, String> key;

	/** @param key the record's key, or null for sections addressed only by position */
	public ConfigList(@Nullable Function<T, String> key) {
		this.key = key;
	}

	public synchronized List<T> all() {
		return List.copyOf(records);
	}

	public synchronized int size() {
		return records.size();
	}

	public synchronized Optional<T> find(String wanted) {
		return indexOf(wanted) < 0 ? Optional.empty() : Optional.of(records.get(indexOf(wanted)));
	}

	public synchronized T get(int pos) {
		checkPos(pos, records.size() - 1);
		return records.get(pos);
	}

	/**
	 * Replaces the record at {@code pos}, appends at {@code pos == size()}, or with a negative
	 * {@code pos} replaces the record with the same key (appending when there is none).
	 *
	 * @return the position of the stored record
	 */
	public synchronized int put(int pos, T record) {
		int sameKey = key == null ? -1 : indexOf(key.apply(record));
		if (pos < 0) {
			pos = sameKey >= 0 ? sameKey : records.size();
		}
		checkPos(pos, records.size());
		if (sameKey >= 0 && sameKey != pos) {
			throw new IllegalArgumentException("another record at " + sameKey + " has the key " + key.apply(record));
		}
		if (pos == records.size()) {
			records.add(record);
		}
		else {
			records.set(pos, record);
		}
		return pos;
	}

	public synchronized T delete(int pos) {
		checkPos(pos, records.size() - 1);
		return records.remove(pos);
	}

	/** Moves the record at {@code pos} by {@code shift} places (negative: towards the top). */
	public synchronized void shift(int pos, int shift) {
		checkPos(pos, records.size() - 1);
		int target = pos + shift;
		checkPos(target, records.size() - 1);
		records.add(target, records.remove(pos));
	}

	private int indexOf(String wanted) {
		if (key == null) {
			return -1;
		}
		for (int i = 0; i < records.size(); i++) {
			if (key.apply(records.get(i)).equals(wanted)) {
				return i;
			}
		}
		return -1;
	}

	private static void checkPos(int pos, int max) {
		if (pos < 0 || pos > max) {
			throw new IllegalArgumentException("no record at position " + pos);
		}
	}
}
