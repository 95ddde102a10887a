package io.tradeport.tradeserver.reports;

/**
 * Where and how a broker's analytics tool reaches the report database; what the platform shows
 * under its "DB" button.
 */
public record ReportDatabaseAccess(String host, int port, String database, String login, String password) {

	public String jdbcUrl() {
		return "jdbc:mariadb://" + host + ":" + port + "/" + database;
	}

	/** Without the password, for logs. */
	@Override
	public String toString() {
		return "ReportDatabaseAccess[" + login + "@" + host + ":" + port + "/" + database + "]";
	}
}
