package io.tradeport.cloud.platforms;

/**
 * The trade server refused the request with an MT4/MT5 return code (the WebAPI's {@code MT4Error}/{@code MT5Error}).
 *
 * @see #returnCode()
 */
public class PlatformRefused extends RuntimeException {

	private final int returnCode;
	private final String returnName;

	PlatformRefused(int returnCode, String returnName, String message) {
		super(message);
		this.returnCode = returnCode;
		this.returnName = returnName;
	}

	/** MT4's numeric return code, e.g. 134 for no money. */
	public int returnCode() {
		return returnCode;
	}

	/** MT4's name without {@code RET_}, e.g. {@code TRADE_NO_MONEY}. */
	public String returnName() {
		return returnName;
	}
}
