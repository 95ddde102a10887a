package io.tradeport.tradeserver.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One ordered configuration section, like MT4's Cfg* lists: records are addressed by position
 * and can be shifted; keyed sections (managers by login, groups by name) also find records by key.
 * Invalid positions and duplicate keys throw {@link IllegalArgumentException}, which callers
 * report as MT4's INVALID_DATA.
 *
 * <p>A persistent list (from {@link ServerStores#list}) stores every change before it takes effect:
 * a change that cannot be written throws and leaves the list as it was.
 */
public final class ConfigList<T> {

	private List<T> records;
	private final @Nullable Function<T, String> key;
	private final Consumer<List<T>> persist;

	/** An in-memory list. @param key the record's key, or null for sections addressed only by position */
	public ConfigList(@Nullable Function<T, String> key) {
		this(key, List.of(), records -> {
		});
	}

	ConfigList(@Nullable Function<T, String> key, List<T> initial, Consumer<List<T>> persist) {
		this.key = key;
		this.records = new ArrayList<>(initial);
		this.persist = persist;
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
		return put(pos, record, (replacing, replaced) -> replacing);
	}

	/**
	 * Like {@link #put(int, Object)}; when a record is replaced, {@code keep} makes the stored one from the new and the
	 * replaced record (write-only fields such as passwords, which clients send empty to leave unchanged).
	 */
	public synchronized int put(int pos, T record, BinaryOperator<T> keep) {
		int sameKey = key == null ? -1 : indexOf(key.apply(record));
		if (pos < 0) {
			pos = sameKey >= 0 ? sameKey : records.size();
		}
		checkPos(pos, records.size());
		if (sameKey >= 0 && sameKey != pos) {
			throw new IllegalArgumentException("another record at " + sameKey + " has the key " + key.apply(record));
		}
		List<T> next = new ArrayList<>(records);
		if (pos == next.size()) {
			next.add(record);
		}
		else {
			next.set(pos, keep.apply(record, next.get(pos)));
		}
		commit(next);
		return pos;
	}

	public synchronized T delete(int pos) {
		checkPos(pos, records.size() - 1);
		List<T> next = new ArrayList<>(records);
		T removed = next.remove(pos);
		commit(next);
		return removed;
	}

	/** Moves the record at {@code pos} by {@code shift} places (negative: towards the top). */
	public synchronized void shift(int pos, int shift) {
		checkPos(pos, records.size() - 1);
		int target = pos + shift;
		checkPos(target, records.size() - 1);
		List<T> next = new ArrayList<>(records);
		next.add(target, next.remove(pos));
		commit(next);
	}

	/** Written first, so that what the caller acknowledges is on disk; a failed write changes nothing. */
	private void commit(List<T> next) {
		persist.accept(List.copyOf(next));
		records = next;
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
