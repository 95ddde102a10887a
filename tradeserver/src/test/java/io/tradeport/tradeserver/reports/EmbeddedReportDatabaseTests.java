package io.tradeport.tradeserver.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The demo database keeps its data, port and passwords across restarts, as a broker's saved settings need. */
class EmbeddedReportDatabaseTests {

	@Test
	void dataPortAndPasswordsSurviveARestart() throws Exception {
		EmbeddedReportDatabase before = TestDatabase.get();
		ReportDatabaseAccess access = before.reportAccess();
		try (Connection connection = before.writerConnections().open(); Statement sql = connection.createStatement()) {
			Mt4Schema.create(connection);
			sql.execute("REPLACE INTO MT4_CONFIG (CONFIG, VALUE_STR) VALUES (99, 'kept')");
			// The writer's sessions do not autocommit (the replicator commits per batch); without this the row
			// was never written, and the test passed only on a data directory left over from an earlier run.
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}

		EmbeddedReportDatabase after = TestDatabase.restart();

		assertThat(after.reportAccess()).isEqualTo(access);
		String url = "jdbc:mariadb://127.0.0.1:" + access.port() + "/" + access.database();
		try (Connection report = DriverManager.getConnection(url, access.login(), access.password());
				Statement sql = report.createStatement();
				ResultSet rows = sql.executeQuery("SELECT VALUE_STR FROM mt4_config WHERE CONFIG = 99")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("kept");
		}
		assertThat(TestDatabase.DIRECTORY.resolve("access.properties")).satisfies(file ->
			assertThat(java.nio.file.Files.getPosixFilePermissions(file)).isEqualTo(
				Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
						java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
	}
}
