package io.tradeport.cloud.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserStore {

	private static final String COLUMNS = "id, email, display_name, password_hash, password_temporary, password_expires_at, created_at, disabled";

	private final JdbcClient jdbc;

	UserStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String normalize(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	Optional<StoredUser> findByEmail(String email) {
		return jdbc.sql("select " + COLUMNS + " from app_user where email = ?")
			.param(normalize(email))
			.query(UserStore::map)
			.optional();
	}

	Optional<StoredUser> findById(UserId id) {
		return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id.value()).query(UserStore::map).optional();
	}

	void insert(UserId id, String email, String passwordHash, Instant passwordExpiresAt, Instant now) {
		jdbc.sql("""
				insert into app_user (id, email, password_hash, password_temporary, password_expires_at, created_at)
				values (?, ?, ?, true, ?, ?)""")
			.params(id.value(), normalize(email), passwordHash, utc(passwordExpiresAt), utc(now))
			.update();
	}

	/** A temporary password works once: the sign-in that used it removes it. */
	boolean consumeTemporaryPassword(UserId id, String expectedHash) {
		return jdbc.sql("update app_user set password_hash = null where id = ? and password_temporary and password_hash = ?")
			.params(id.value(), expectedHash)
			.update() == 1;
	}

	void setPassword(UserId id, String passwordHash, Instant now) {
		jdbc.sql("""
				update app_user set password_hash = ?, password_temporary = false, password_expires_at = null,
				password_changed_at = ? where id = ?""")
			.params(passwordHash, utc(now), id.value())
			.update();
	}

	void setDisplayName(UserId id, @Nullable String displayName) {
		jdbc.sql("update app_user set display_name = ? where id = ?").params(displayName, id.value()).update();
	}

	private static StoredUser map(ResultSet rs, int row) throws SQLException {
		return new StoredUser(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
				rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("password_temporary"),
				instant(rs.getTimestamp("password_expires_at")), rs.getTimestamp("created_at").toInstant(),
				rs.getBoolean("disabled"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** PostgreSQL keeps microseconds and rounds the rest; truncating keeps "now" from landing in the future. */
	static java.time.OffsetDateTime utc(Instant instant) {
		return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}
}
