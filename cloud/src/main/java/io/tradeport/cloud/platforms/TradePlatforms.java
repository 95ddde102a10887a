package io.tradeport.cloud.platforms;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tradeport.cloud.audit.AuditEvent;
import io.tradeport.cloud.audit.AuditLog;
import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.organizations.OrganizationAccessDenied;
import io.tradeport.cloud.organizations.OrganizationId;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.organizations.Permission;
import io.tradeport.cloud.secrets.SecretBox;

/**
 * The trade platforms of an organization. Every query is filtered by organization: an id from another tenant is
 * answered exactly like an id that does not exist.
 */
@Service
public class TradePlatforms {

	private static final String COLUMNS = """
			id, organization_id, name, type, created_at, manager_address, manager_login, manager_password is not null as manager_password_set,
			db_host, db_port, db_name, db_login, db_password is not null as db_password_set""";

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final SecretBox secrets;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	TradePlatforms(JdbcClient jdbc, Organizations organizations, SecretBox secrets, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
	}

	/** Names and types for any member (to choose platforms for permissions and clients); no credentials. */
	public List<TradePlatform> list(OrganizationId organization, UserId actor) {
		organizations.membership(actor, organization).orElseThrow(OrganizationAccessDenied::notAMember);
		return jdbc.sql("select " + COLUMNS + " from trade_platform where organization_id = ? order by lower(name)")
			.param(organization.value())
			.query(TradePlatforms::map)
			.list();
	}

	/**
	 * An organization's platforms for callers that are not users (API clients), whose organization the caller has
	 * established from a verified token.
	 */
	public List<TradePlatform> ofOrganization(OrganizationId organization) {
		return jdbc.sql("select " + COLUMNS + " from trade_platform where organization_id = ? order by lower(name)")
			.param(organization.value())
			.query(TradePlatforms::map)
			.list();
	}

	/** A platform by id alone, for callers that check its organization themselves. */
	public Optional<TradePlatform> find(TradePlatformId platform) {
		return jdbc.sql("select " + COLUMNS + " from trade_platform where id = ?").param(platform.value()).query(TradePlatforms::map).optional();
	}

	public TradePlatform get(OrganizationId organization, TradePlatformId platform, UserId actor) {
		organizations.membership(actor, organization).orElseThrow(OrganizationAccessDenied::notAMember);
		return find(organization, platform).orElseThrow(() -> new PlatformRuleViolation("platform", "No such trade platform."));
	}

	@Transactional
	public TradePlatformId create(OrganizationId organization, String name, PlatformType type, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_PLATFORMS);
		var id = new TradePlatformId(UUID.randomUUID());
		try {
			jdbc.sql("insert into trade_platform (id, organization_id, name, type, created_at) values (?, ?, ?, ?, ?)")
				.params(id.value(), organization.value(), name.strip(), type.name(),
						clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw duplicateName(name);
		}
		audited("platform.created", organization, actor, id, Map.of("name", name.strip(), "type", type.name()));
		return id;
	}

	@Transactional
	public void edit(OrganizationId organization, TradePlatformId platform, String name, PlatformType type, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_PLATFORMS);
		try {
			requireUpdated(jdbc.sql("update trade_platform set name = ?, type = ? where id = ? and organization_id = ?")
				.params(name.strip(), type.name(), platform.value(), organization.value())
				.update());
		}
		catch (DuplicateKeyException e) {
			throw duplicateName(name);
		}
		audited("platform.edited", organization, actor, platform, Map.of("name", name.strip(), "type", type.name()));
	}

	/** @param password {@code null} or blank keeps the stored one: passwords are write-only */
	@Transactional
	public void setManagerApi(OrganizationId organization, TradePlatformId platform, String address, long login,
			@Nullable String password, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_PLATFORMS);
		requireUpdated(jdbc.sql("""
				update trade_platform set manager_address = ?, manager_login = ?, manager_password = coalesce(?, manager_password)
				where id = ? and organization_id = ?""")
			.params(address.strip(), login, sealed(password), platform.value(), organization.value())
			.update());
		audited("platform.manager-api-set", organization, actor, platform,
				Map.of("address", address.strip(), "login", Long.toString(login), "passwordChanged", Boolean.toString(sealed(password) != null)));
	}

	/** @param password {@code null} or blank keeps the stored one: passwords are write-only */
	@Transactional
	public void setReportDatabase(OrganizationId organization, TradePlatformId platform, String host, int port,
			String database, String login, @Nullable String password, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_PLATFORMS);
		requireUpdated(jdbc.sql("""
				update trade_platform set db_host = ?, db_port = ?, db_name = ?, db_login = ?, db_password = coalesce(?, db_password)
				where id = ? and organization_id = ?""")
			.params(host.strip(), port, database.strip(), login.strip(), sealed(password), platform.value(), organization.value())
			.update());
		audited("platform.report-database-set", organization, actor, platform, Map.of("host", host.strip(),
				"port", Integer.toString(port), "database", database.strip(), "login", login.strip(),
				"passwordChanged", Boolean.toString(sealed(password) != null)));
	}

	@Transactional
	public void delete(OrganizationId organization, TradePlatformId platform, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_PLATFORMS);
		var name = find(organization, platform).map(TradePlatform::name).orElseThrow(() -> new PlatformRuleViolation("platform", "No such trade platform."));
		jdbc.sql("delete from trade_platform where id = ? and organization_id = ?").params(platform.value(), organization.value()).update();
		audited("platform.deleted", organization, actor, platform, Map.of("name", name));
	}

	/** Opens a real JDBC connection to the report database and looks for the MT4 report tables. */
	public ConnectionCheck testReportDatabase(OrganizationId organization, TradePlatformId platform, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_PLATFORMS);
		record Target(@Nullable String host, @Nullable Integer port, @Nullable String database, @Nullable String login,
				@Nullable String password) {
		}
		var target = jdbc.sql("select db_host, db_port, db_name, db_login, db_password from trade_platform where id = ? and organization_id = ?")
			.params(platform.value(), organization.value())
			.query((rs, row) -> new Target(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.optional()
			.orElseThrow(() -> new PlatformRuleViolation("platform", "No such trade platform."));
		if (target.host() == null || target.port() == null || target.database() == null || target.login() == null) {
			return new ConnectionCheck(false, "Enter the report database's host, port, database and login first (DB).");
		}
		var url = "jdbc:mariadb://" + target.host() + ":" + target.port() + "/" + target.database()
				+ "?connectTimeout=5000&socketTimeout=10000";
		var password = target.password() == null ? "" : secrets.open(target.password());
		try (var connection = DriverManager.getConnection(url, target.login(), password);
				var statement = connection.createStatement();
				var version = statement.executeQuery("select version()")) {
			version.next();
			var server = version.getString(1);
			var tables = connection.getMetaData().getTables(target.database(), null, "MT4_USERS", new String[] { "TABLE" });
			var hasReports = tables.next() || connection.getMetaData().getTables(target.database(), null, "mt4_users", null).next();
			return new ConnectionCheck(true, "Connected to " + server + ", database " + target.database()
					+ (hasReports ? ", MT4 report tables found." : ", but it has no MT4_USERS table yet."));
		}
		catch (SQLException e) {
			return new ConnectionCheck(false, "Could not connect: " + firstLine(e.getMessage()));
		}
	}

	/** Signs in to the platform's gateway (the Manager API) with the stored credentials, and out again. */
	public ConnectionCheck testManagerApi(OrganizationId organization, TradePlatformId platform, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_PLATFORMS);
		var found = find(organization, platform).orElseThrow(() -> new PlatformRuleViolation("platform", "No such trade platform."));
		if (!found.managerApiConfigured()) {
			return new ConnectionCheck(false, "Enter the server address, manager login and password first (API).");
		}
		var password = jdbc.sql("select manager_password from trade_platform where id = ? and organization_id = ?")
			.params(platform.value(), organization.value())
			.query(String.class)
			.single();
		return GatewayCheck.check(found.managerAddress(), found.managerLogin(), secrets.open(password), found.type());
	}

	private Optional<TradePlatform> find(OrganizationId organization, TradePlatformId platform) {
		return jdbc.sql("select " + COLUMNS + " from trade_platform where id = ? and organization_id = ?")
			.params(platform.value(), organization.value())
			.query(TradePlatforms::map)
			.optional();
	}

	private @Nullable String sealed(@Nullable String password) {
		return password == null || password.isEmpty() ? null : secrets.seal(password);
	}

	private void requireUpdated(int rows) {
		if (rows != 1) {
			throw new PlatformRuleViolation("platform", "No such trade platform.");
		}
	}

	private void audited(String type, OrganizationId organization, UserId actor, TradePlatformId platform, Map<String, String> details) {
		var all = new java.util.HashMap<>(details);
		all.put("platform", platform.toString());
		audit.record(AuditEvent.of(type, actor.toString(), null).withOrganization(organization.value()).withDetails(all));
		events.publishEvent(new TradePlatformChanged(platform, organization));
	}

	private static PlatformRuleViolation duplicateName(String name) {
		return new PlatformRuleViolation("name", "A trade platform named \"" + name.strip() + "\" exists already.");
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "no answer";
		}
		var line = message.lines().findFirst().orElse(message);
		return line.length() > 300 ? line.substring(0, 300) : line;
	}

	private static TradePlatform map(ResultSet rs, int row) throws SQLException {
		return new TradePlatform(new TradePlatformId(rs.getObject("id", UUID.class)),
				new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("name"),
				PlatformType.valueOf(rs.getString("type")), rs.getTimestamp("created_at").toInstant(),
				rs.getString("manager_address"), (Long) rs.getObject("manager_login"), rs.getBoolean("manager_password_set"),
				rs.getString("db_host"), (Integer) rs.getObject("db_port"), rs.getString("db_name"), rs.getString("db_login"),
				rs.getBoolean("db_password_set"));
	}
}
