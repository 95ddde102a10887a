package io.tradeport.tradeserver.engine;

/**
 * Account money state, shaped like the Manager API's MarginLevel.
 *
 * @param balance balance plus credit, as in MT4's MarginLevel
 * @param volume open market volume in lots
 * @param marginLevel equity / margin * 100; 0 when there is no margin ("n/a" in MT4)
 */
public record MarginLevel(
		Login login,
		String group,
		int leverage,
		double balance,
		double equity,
		double volume,
		double margin,
		double freeMargin,
		double marginLevel,
		GroupConfig.MarginType marginType,
		LevelType levelType) {

	/** MarginLevel.level_type. */
	public enum LevelType { OK, MARGIN_CALL, STOP_OUT }
}
