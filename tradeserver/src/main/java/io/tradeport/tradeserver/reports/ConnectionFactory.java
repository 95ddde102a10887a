package io.tradeport.tradeserver.reports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens a new connection to the report database. The replicator calls it again after a failure,
 * so a connection is never reused once it has thrown.
 */
@FunctionalInterface
public interface ConnectionFactory {

	Connection open() throws SQLException;

	/** Plain JDBC, e.g. {@code jdbc:mariadb://host:3306/mt4}; no pool needed for one writer. */
	static ConnectionFactory of(String jdbcUrl, String user, String password) {
		return () -> DriverManager.getConnection(jdbcUrl, user, password);
	}
}
