package io.tradeport.tradeserver.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One MariaDB per test JVM: starting it takes about 18 s, so every test class shares it. The data
 * directory under target/ survives between runs, which makes later runs start faster; each test
 * drops the MT4 tables first.
 */
final class TestDatabase {

	static final Path DIRECTORY = Path.of("target", "report-db");

	private static EmbeddedReportDatabase database;

	private TestDatabase() {
	}

	static synchronized EmbeddedReportDatabase get() {
		if (database == null) {
			try {
				database = EmbeddedReportDatabase.start(DIRECTORY, 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return database;
	}

	/** Stops and starts the shared server with the same directory, as a machine restart would. */
	static synchronized EmbeddedReportDatabase restart() throws IOException {
		get().close();
		database = EmbeddedReportDatabase.start(DIRECTORY, 0);
		return database;
	}

	static ConnectionFactory writer() {
		return get().writerConnections();
	}

	static void dropTables() throws SQLException {
		try (Connection connection = writer().open(); Statement sql = connection.createStatement()) {
			for (String table : Mt4Schema.TABLES) {
				sql.execute("DROP TABLE IF EXISTS " + table);
			}
		}
	}
}
