package io.tradeport.tradeserver.engine;

import java.util.Arrays;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Open-addressing map from positive int keys to objects. A {@code HashMap<Integer, V>} costs
 * two extra objects per entry, which is about 50 MB at a million open trades.
 */
final class IntMap<V> {

	private static final int FREE = 0;

	private int[] keys;
	private @Nullable Object[] values;
	private int size;
	private int mask;

	IntMap(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		keys = new int[capacity];
		values = new Object[capacity];
		mask = capacity - 1;
	}

	int size() {
		return size;
	}

	@SuppressWarnings("unchecked")
	@Nullable V get(int key) {
		int i = slot(key);
		while (true) {
			int k = keys[i];
			if (k == key) {
				return (V) values[i];
			}
			if (k == FREE) {
				return null;
			}
			i = (i + 1) & mask;
		}
	}

	void put(int key, V value) {
		if (key == FREE) {
			throw new IllegalArgumentException("key 0 is reserved");
		}
		if ((size + 1) * 2 > keys.length) {
			grow();
		}
		int i = slot(key);
		while (keys[i] != FREE && keys[i] != key) {
			i = (i + 1) & mask;
		}
		if (keys[i] == FREE) {
			size++;
		}
		keys[i] = key;
		values[i] = value;
	}

	/** Backward-shift deletion keeps probe chains intact without tombstones. */
	void remove(int key) {
		int i = slot(key);
		while (keys[i] != key) {
			if (keys[i] == FREE) {
				return;
			}
			i = (i + 1) & mask;
		}
		size--;
		int gap = i;
		int j = i;
		while (true) {
			j = (j + 1) & mask;
			int k = keys[j];
			if (k == FREE) {
				break;
			}
			int home = slot(k);
			boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
			if (movable) {
				keys[gap] = k;
				values[gap] = values[j];
				gap = j;
			}
		}
		keys[gap] = FREE;
		values[gap] = null;
	}

	@SuppressWarnings("unchecked")
	void forEach(Consumer<V> action) {
		for (int i = 0; i < keys.length; i++) {
			if (keys[i] != FREE) {
				action.accept((V) values[i]);
			}
		}
	}

	private int slot(int key) {
		return (key * 0x9E3779B9 >>> 7) & mask;
	}

	@SuppressWarnings("unchecked")
	private void grow() {
		int[] oldKeys = keys;
		Object[] oldValues = values;
		keys = new int[oldKeys.length * 2];
		values = new Object[oldKeys.length * 2];
		mask = keys.length - 1;
		size = 0;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != FREE) {
				put(oldKeys[i], (V) oldValues[i]);
			}
		}
		Arrays.fill(oldKeys, FREE);
	}
}
