package io.tradeport.cloud.realtime;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.tradeport.gateway.v1.LevelType;
import io.tradeport.gateway.v1.MarginLevel;

/**
 * The level each account was last seen at by one margin-call stream, so that the stream tells accounts at a
 * margin call or stop-out, and the moment they are back to normal, but not the steady stream of healthy ones.
 * Used on the pump's thread only.
 */
final class MarginLevelStates {

	/** A change of an account's level: from {@code previous} (null: not seen before) to {@code current}. */
	record Change(int login, @Nullable LevelType previous, LevelType current) {
	}

	private final Map<Integer, LevelType> levels = new HashMap<>();

	/** MT4's margin-call stream: every update of an account in trouble, and its return to normal. */
	boolean worthTelling(MarginLevel level) {
		var previous = levels.put(level.getLogin(), level.getLevelType());
		return level.getLevelType() != LevelType.LEVEL_OK || (previous != null && previous != LevelType.LEVEL_OK);
	}

	/** MT5's margin-call stream: only the changes of level, or null when the level stayed where it was. */
	@Nullable Change change(MarginLevel level) {
		var previous = levels.put(level.getLogin(), level.getLevelType());
		if (previous == level.getLevelType() || (previous == null && level.getLevelType() == LevelType.LEVEL_OK)) {
			return null;
		}
		return new Change(level.getLogin(), previous, level.getLevelType());
	}
}
