package io.tradeport.tradeserver.config;

/** The rights of an MT4 manager account (ConManager flags). */
public enum ManagerRight {
	/** Create, change and delete accounts. */
	MANAGER,
	/** Balance and credit operations. */
	MONEY,
	/** See who is online. */
	ONLINE,
	RISK_MAN,
	/** Dealer: trade on clients' behalf. */
	BROKER,
	/** Server configuration, backups. */
	ADMIN,
	/** Server journal. */
	LOGS,
	REPORTS,
	TRADES,
	MARKET_WATCH,
	EMAIL,
	USER_DETAILS,
	SEE_TRADES,
	NEWS,
	PLUGINS,
	/** Send quotes into the feed. */
	MARKET,
	NOTIFICATIONS,
	SERVER_REPORTS,
	TECH_SUPPORT
}
