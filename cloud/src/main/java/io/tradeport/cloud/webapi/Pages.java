package io.tradeport.cloud.webapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * Cursor paging as the contract has it: {@code limit} up to 5000 (none: everything in one page), an opaque
 * {@code cursor} from the previous page's {@code meta.paging.nextCursor}. Items are ordered by a stable key (the
 * ticket or login); the cursor carries the last key returned, so pages stay consistent while items come and go.
 */
final class Pages {

	static final int MAX_LIMIT = 5000;

	record Page<T>(List<T> items, ApiResponse.Paging paging) {
	}

	/** What a gateway list call that pages by key itself answers: at most the asked number, and whether more follow. */
	record Slice<T>(List<T> items, boolean hasMore) {
	}

	/** A gateway call paged on the server: {@code limit} 0 asks for all, {@code after} 0 starts at the first key. */
	@FunctionalInterface
	interface PagedCall<T> {

		Slice<T> fetch(int limit, int after);
	}

	private Pages() {
	}

	static <T> Page<T> of(List<T> all, ToLongFunction<T> key, @Nullable Integer limit, @Nullable String cursor) {
		requireLimit(limit);
		var after = after(cursor);
		var sorted = all.stream().filter(item -> key.applyAsLong(item) > after).sorted(Comparator.comparingLong(key)).toList();
		var size = limit == null ? sorted.size() : Math.min(limit, sorted.size());
		var items = sorted.subList(0, size);
		var hasMore = size < sorted.size();
		return new Page<>(items, new ApiResponse.Paging(hasMore ? encode(key.applyAsLong(items.getLast())) : null, hasMore));
	}

	/**
	 * A page cut by the server (the gateway's {@code GetOpenTrades}, {@code GetHistory}, {@code GetUsers} with
	 * {@code limit} and {@code after_order} / {@code after_login}), so that a page never carries the whole list over
	 * the wire; the cursor is the same as {@link #of}'s. Keys are positive int32 (tickets, logins).
	 */
	static <T> Page<T> ofServer(@Nullable Integer limit, @Nullable String cursor, ToLongFunction<T> key, PagedCall<T> call) {
		requireLimit(limit);
		var after = cursor == null || cursor.isEmpty() ? 0 : decode(cursor);
		if (after < 0 || after > Integer.MAX_VALUE) {
			throw ApiException.validation("cursor is not a cursor this API returned");
		}
		var slice = call.fetch(limit == null ? 0 : limit, (int) after);
		var items = slice.items().stream().sorted(Comparator.comparingLong(key)).toList();
		var hasMore = slice.hasMore() && !items.isEmpty();
		return new Page<>(items, new ApiResponse.Paging(hasMore ? encode(key.applyAsLong(items.getLast())) : null, hasMore));
	}

	/** For lists paged some other way: the limit checked as {@link #of} checks it. */
	static void requireLimit(@Nullable Integer limit) {
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw ApiException.validation("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	/** The last key the cursor's page returned; {@link Long#MIN_VALUE} for the first page. */
	static long after(@Nullable String cursor) {
		return cursor == null || cursor.isEmpty() ? Long.MIN_VALUE : decode(cursor);
	}

	/** The cursor of a page whose last item has this key. */
	static String encode(long key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.US_ASCII));
	}

	private static long decode(String cursor) {
		try {
			var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			if (!text.startsWith("k:")) {
				throw new IllegalArgumentException();
			}
			return Long.parseLong(text.substring(2));
		}
		catch (IllegalArgumentException notOurs) {
			throw ApiException.validation("cursor is not a cursor this API returned");
		}
	}
}
