package io.tradeport.cloud.platforms;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tradeport.cloud.TestInfrastructure;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.WebSession;
import io.tradeport.cloud.identity.IdentityFixtures;
import io.tradeport.cloud.organizations.Organizations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manager API and report-database passwords entered through the pages are nowhere in clear afterwards: not in a
 * dump of every table, not in PostgreSQL's files on disk (tables and write-ahead log), not in the logs, not in
 * the pages that edit them.
 */
@TradeportApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class CredentialsEncryptedAtRestTests {

	private static final String PASSWORD = "pale violet tractor hums";

	@LocalServerPort
	int port;

	@Autowired
	IdentityFixtures identity;

	@Autowired
	Organizations organizations;

	@Autowired
	TradePlatforms platforms;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void platformPasswordsAreSealedInTheDatabaseOnDiskInLogsAndInPages(CapturedOutput output) throws Exception {
		var email = IdentityFixtures.uniqueEmail("sealer");
		var owner = identity.userWithPassword(email, PASSWORD);
		var organization = organizations.membershipsOf(owner).getFirst().organizationId();
		var visibleName = "Sealed MT4 " + System.nanoTime();
		var platform = platforms.create(organization, visibleName, PlatformType.MT4, owner);
		var managerPassword = "Mgr-" + System.nanoTime() + "-clear";
		var databasePassword = "Db-" + System.nanoTime() + "-clear";
		var browser = new WebSession(port);
		browser.signIn(email, PASSWORD);
		var base = "/admin/" + organization + "/platforms/" + platform;
		assertThat(browser.submit(base + "/api", base + "/api", "address", "mt4.broker.test:443", "login", "5",
				"password", managerPassword).status()).isEqualTo(302);
		assertThat(browser.submit(base + "/db", base + "/db", "host", "db.broker.test", "port", "3306", "database", "mt4",
				"login", "reports", "password", databasePassword).status()).isEqualTo(302);

		var stored = jdbc.sql("select manager_password, db_password from trade_platform where id = ?").param(platform.value()).query().singleRow();
		assertThat(stored.get("manager_password").toString()).startsWith("v1:");
		assertThat(stored.get("db_password").toString()).startsWith("v1:");

		var dump = dumpEveryTable();
		assertThat(dump).contains(visibleName).doesNotContain(managerPassword).doesNotContain(databasePassword);

		jdbc.sql("checkpoint").update();
		var files = postgresFiles();
		var foundVisibleName = false;
		for (var file : files) {
			var bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
			assertThat(bytes).as(file.toString()).doesNotContain(managerPassword).doesNotContain(databasePassword);
			foundVisibleName |= bytes.contains(visibleName);
		}
		assertThat(foundVisibleName).as("the scan reads the files where rows are: it finds the clear platform name").isTrue();

		assertThat(browser.get(base + "/api").body()).doesNotContain(managerPassword).contains("stored; leave empty to keep it");
		assertThat(browser.get(base + "/db").body()).doesNotContain(databasePassword);
		assertThat(output.getAll()).doesNotContain(managerPassword).doesNotContain(databasePassword);

		var keptOnEmpty = browser.submit(base + "/api", base + "/api", "address", "mt4.broker.test:444", "login", "5", "password", "");
		assertThat(keptOnEmpty.status()).isEqualTo(302);
		assertThat(jdbc.sql("select manager_password from trade_platform where id = ?").param(platform.value()).query(String.class).single())
			.as("an empty password field keeps the stored password").isEqualTo(stored.get("manager_password"));
	}

	/** What pg_dump writes for data: COPY of every table, as text. */
	private String dumpEveryTable() throws SQLException, IOException {
		var tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public'").query(String.class).list();
		var dump = new StringWriter();
		try (var connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (var table : tables) {
				dump.write("-- " + table + "\n");
				copy.copyOut("copy public.\"" + table + "\" to stdout", dump);
			}
		}
		return dump.toString();
	}

	private static List<Path> postgresFiles() throws IOException {
		try (var walk = Files.walk(TestInfrastructure.dataDirectory().resolve("postgres"))) {
			return walk.filter(Files::isRegularFile)
				.filter(path -> path.toString().contains("/base/") || path.toString().contains("/pg_wal/") || path.toString().contains("/global/"))
				.toList();
		}
	}
}
