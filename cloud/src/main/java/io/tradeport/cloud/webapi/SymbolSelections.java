package io.tradeport.cloud.webapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.tradeport.cloud.platforms.TradePlatformId;

/**
 * MT4's per-connection symbol selection ({@code SymbolAdd}/{@code SymbolHide}) and its "updated since the last call"
 * ({@code SymbolInfoUpdated}), kept per platform on this node, since this node has one pumping connection per
 * platform shared by all API clients. The pump delivers every symbol, so every symbol starts selected; hiding one
 * takes it out of the cached quote reads of every client of the platform on this node, until it is added again.
 * Nothing is stored: a restarted node starts with every symbol selected and everything not yet delivered.
 */
@Component
class SymbolSelections {

	private static final class Selection {

		final Set<String> hidden = new HashSet<>();
		/** What SymbolInfoUpdated last answered per symbol: a symbol is updated while its state differs. */
		final Map<String, Mt4SymbolInfo> delivered = new HashMap<>();
	}

	private final Map<TradePlatformId, Selection> selections = new ConcurrentHashMap<>();

	boolean selected(TradePlatformId platform, String symbol) {
		var selection = selection(platform);
		synchronized (selection) {
			return !selection.hidden.contains(symbol);
		}
	}

	/** Selects the symbol again; its next SymbolInfoUpdated reports it whether its quote moved or not, as a new subscription. */
	void add(TradePlatformId platform, String symbol) {
		var selection = selection(platform);
		synchronized (selection) {
			selection.hidden.remove(symbol);
			selection.delivered.remove(symbol);
		}
	}

	void hide(TradePlatformId platform, String symbol) {
		var selection = selection(platform);
		synchronized (selection) {
			selection.hidden.add(symbol);
			selection.delivered.remove(symbol);
		}
	}

	/**
	 * The selected symbols whose state changed since SymbolInfoUpdated last answered them, by name, after the cursor's
	 * name; those answered count as delivered. A page leaves the rest for the next pages, and a symbol before the cursor
	 * that changes meanwhile is answered by the next call without cursor, so no change is lost between pages.
	 */
	Pages.Page<Mt4SymbolInfo> updated(TradePlatformId platform, Collection<Mt4SymbolInfo> current, @Nullable Integer limit,
			@Nullable String cursor) {
		if (limit != null && (limit < 1 || limit > Pages.MAX_LIMIT)) {
			throw ApiException.validation("limit must be between 1 and " + Pages.MAX_LIMIT);
		}
		var after = cursor == null || cursor.isEmpty() ? null : decode(cursor);
		var selection = selection(platform);
		synchronized (selection) {
			List<Mt4SymbolInfo> changed = current.stream()
				.filter(info -> !selection.hidden.contains(info.symbol()))
				.filter(info -> after == null || info.symbol().compareTo(after) > 0)
				.filter(info -> !info.equals(selection.delivered.get(info.symbol())))
				.sorted(Comparator.comparing(Mt4SymbolInfo::symbol))
				.toList();
			var size = limit == null ? changed.size() : Math.min(limit, changed.size());
			var page = changed.subList(0, size);
			page.forEach(info -> selection.delivered.put(info.symbol(), info));
			var hasMore = size < changed.size();
			return new Pages.Page<>(page, new ApiResponse.Paging(hasMore ? encode(page.getLast().symbol()) : null, hasMore));
		}
	}

	private Selection selection(TradePlatformId platform) {
		return selections.computeIfAbsent(platform, id -> new Selection());
	}

	private static String encode(String symbol) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("s:" + symbol).getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String cursor) {
		try {
			var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (!text.startsWith("s:")) {
				throw new IllegalArgumentException();
			}
			return text.substring(2);
		}
		catch (IllegalArgumentException notOurs) {
			throw ApiException.validation("cursor is not a cursor this API returned");
		}
	}
}
