package io.tradeport.tradeserver.gateway;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Keyset paging for the list calls: records in key order (login or ticket), those after the
 * cursor, at most {@code limit}. A key cursor stays correct while records are added or removed
 * between pages, which an offset would not.
 */
final class Paging {

	/** Upper bound of one page, like the WebAPI's limit. */
	static final int MAX_LIMIT = 5000;

	record Page<T>(List<T> items, boolean hasMore) {
	}

	private Paging() {
	}

	static <T> Page<T> page(List<T> records, ToIntFunction<T> key, int after, int limit) {
		if (limit < 0 || after < 0) {
			throw MtException.of(Ret.INVALID_DATA, "limit and cursor must not be negative");
		}
		if (limit == 0 && after == 0) {
			return new Page<>(records, false);
		}
		List<T> sorted = records.stream().filter(r -> key.applyAsInt(r) > after).sorted(Comparator.comparingInt(key)).toList();
		int size = limit == 0 ? sorted.size() : Math.min(limit, MAX_LIMIT);
		return sorted.size() <= size ? new Page<>(sorted, false) : new Page<>(sorted.subList(0, size), true);
	}
}
