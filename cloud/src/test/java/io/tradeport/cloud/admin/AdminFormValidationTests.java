package io.tradeport.cloud.admin;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.WebSession;
import io.tradeport.cloud.identity.IdentityFixtures;
import io.tradeport.cloud.organizations.OrganizationId;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatformId;
import io.tradeport.cloud.platforms.TradePlatforms;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input on every admin form: the form comes back with a message next to the field, nothing is saved, no 500. */
@TradeportApplicationTest
class AdminFormValidationTests {

	private static final String PASSWORD = "bright lemon kayak drifts";
	private static final String LONG = "x".repeat(101);

	@LocalServerPort
	int port;

	@Autowired
	IdentityFixtures identity;

	@Autowired
	Organizations organizations;

	@Autowired
	TradePlatforms platforms;

	@Autowired
	JdbcClient jdbc;

	WebSession browser;
	OrganizationId organization;
	TradePlatformId platform;
	String admin;

	@BeforeEach
	void anAdministratorWithAPlatform() {
		var email = IdentityFixtures.uniqueEmail("validator");
		var owner = identity.userWithPassword(email, PASSWORD);
		organization = organizations.membershipsOf(owner).getFirst().organizationId();
		platform = platforms.create(organization, "Existing MT4", PlatformType.MT4, owner);
		platforms.create(organization, "Other MT5", PlatformType.MT5, owner);
		browser = new WebSession(port);
		browser.signIn(email, PASSWORD);
		admin = "/admin/" + organization;
	}

	@Test
	void organizationForms() {
		refused("/organizations", "/organizations", "Enter a name.", "name", "");
		refused("/organizations", "/organizations", "Use at most 100 characters.", "name", LONG);
		var own = organizations.name(organization).orElseThrow();
		refused("/organizations", "/organizations", "You already have an organization with this name.", "name", own.toUpperCase());
		refused("/organizations", "/organizations/" + organization + "/rename", "Enter a name.", "name", " ");
		refused("/organizations", "/organizations/" + organization + "/rename", "Use at most 100 characters.", "name", LONG);
		refused("/organizations/" + organization + "/delete", "/organizations/" + organization + "/delete",
				"Type the organization&#39;s name exactly", "confirmation", "nope");
		assertThat(organizations.name(organization)).contains(own);
	}

	@Test
	void platformNameAndType() {
		var list = admin + "/platforms";
		refused(list, list, "Enter a name.", "name", "", "type", "MT4");
		refused(list, list, "Use at most 100 characters.", "name", LONG, "type", "MT4");
		refused(list, list, "Choose MT4 or MT5.", "name", "New one", "type", "MT6");
		refused(list, list, "Choose MT4 or MT5.", "name", "New one", "type", "");
		refused(list, list, "exists already", "name", "existing mt4", "type", "MT4");
		var edit = admin + "/platforms/" + platform + "/edit";
		refused(edit, edit, "exists already", "name", "Other MT5", "type", "MT4");
		refused(edit, edit, "Choose MT4 or MT5.", "name", "Renamed", "type", "MT4;drop");
		assertThat(platformCount()).isEqualTo(2);
		assertThat(jdbc.sql("select name from trade_platform where id = ?").param(platform.value()).query(String.class).single()).isEqualTo("Existing MT4");
	}

	@Test
	void managerApiForm() {
		var api = admin + "/platforms/" + platform + "/api";
		refused(api, api, "Enter the server address.", "address", "", "login", "1", "password", "secret");
		refused(api, api, "Enter host or host:port", "address", "not a host!", "login", "1", "password", "secret");
		refused(api, api, "Use at most 255 characters.", "address", "a".repeat(256), "login", "1", "password", "secret");
		refused(api, api, "The login is a positive number.", "address", "mt4.test", "login", "abc", "password", "secret");
		refused(api, api, "The login is a positive number.", "address", "mt4.test", "login", "-5", "password", "secret");
		refused(api, api, "Enter the manager login.", "address", "mt4.test", "login", "", "password", "secret");
		refused(api, api, "Enter the manager password.", "address", "mt4.test", "login", "1", "password", "");
		refused(api, api, "Use at most 128 characters.", "address", "mt4.test", "login", "1", "password", "p".repeat(129));
		assertThat(jdbc.sql("select manager_address from trade_platform where id = ?").param(platform.value()).query().singleRow().get("manager_address")).isNull();
	}

	@Test
	void reportDatabaseForm() {
		var db = admin + "/platforms/" + platform + "/db";
		refused(db, db, "The port is between 1 and 65535.", "host", "db.test", "port", "0", "database", "mt4", "login", "r");
		refused(db, db, "The port is between 1 and 65535.", "host", "db.test", "port", "70000", "database", "mt4", "login", "r");
		refused(db, db, "Enter the port as a number", "host", "db.test", "port", "http", "database", "mt4", "login", "r");
		refused(db, db, "Enter the host.", "host", "", "port", "3306", "database", "mt4", "login", "r");
		refused(db, db, "Use letters, digits, _ and $ only.", "host", "db.test", "port", "3306", "database", "mt4; drop table x", "login", "r");
		refused(db, db, "Enter the login.", "host", "db.test", "port", "3306", "database", "mt4", "login", "");
		refused(db, db, "Use at most 100 characters.", "host", "db.test", "port", "3306", "database", "mt4", "login", LONG);
		assertThat(jdbc.sql("select db_host from trade_platform where id = ?").param(platform.value()).query().singleRow().get("db_host")).isNull();
	}

	@Test
	void invitationForm() {
		var users = admin + "/users";
		var invite = users + "/invite";
		refused(users, invite, "Enter an e-mail address.", "email", "");
		refused(users, invite, "This is not an e-mail address.", "email", "nobody");
		refused(users, invite, "Use at most 254 characters.", "email", "x".repeat(250) + "@b.test");
		refused(users, invite, "Unknown permission", "email", "new@broker.test", "permission", "god-mode");
		refused(users, invite, "Unknown trade platform.", "email", "new@broker.test", "permission", "view-analytics",
				"scope.view-analytics", "chosen", "platforms.view-analytics", UUID.randomUUID().toString());
		refused(users, invite, "Unknown trade platform.", "email", "new@broker.test", "permission", "view-analytics",
				"scope.view-analytics", "chosen", "platforms.view-analytics", "not-an-id");
		refused(users, invite, "Choose at least one platform", "email", "new@broker.test", "permission", "view-analytics",
				"scope.view-analytics", "chosen");
		assertThat(jdbc.sql("select count(*) from invitation where organization_id = ?").param(organization.value()).query(Long.class).single()).isZero();
	}

	@Test
	void permissionsForm() {
		var member = jdbc.sql("select user_id from membership where organization_id = ?").param(organization.value()).query(UUID.class).single();
		var form = admin + "/users/" + member + "/permissions";
		refused(form, form, "Unknown permission", "permission", "root");
		refused(form, form, "Choose at least one platform", "permission", "administrator", "permission", "use-monitors",
				"scope.use-monitors", "chosen");
		refused(form, form, "last Administrator", "permission", "use-monitors");
		assertThat(jdbc.sql("select permission from member_permission where organization_id = ?").param(organization.value())
			.query(String.class).list()).containsExactly("administrator");
	}

	@Test
	void clientForm() {
		var clients = admin + "/clients";
		refused(clients, clients, "Enter a name.", "name", "", "scope", "read");
		refused(clients, clients, "Use at most 100 characters.", "name", LONG, "scope", "read");
		refused(clients, clients, "Choose at least one scope.", "name", "Robot");
		refused(clients, clients, "Unknown scope", "name", "Robot", "scope", "superuser");
		refused(clients, clients, "Choose at least one platform", "name", "Robot", "scope", "read", "platformScope", "chosen");
		refused(clients, clients, "Unknown trade platform.", "name", "Robot", "scope", "read", "platformScope", "chosen",
				"platform", UUID.randomUUID().toString());
		assertThat(browser.submit(clients, clients, "name", "Robot", "scope", "read").status()).isEqualTo(200);
		refused(clients, clients, "exists already", "name", "robot", "scope", "read");
		assertThat(jdbc.sql("select count(*) from api_client where organization_id = ?").param(organization.value()).query(Long.class).single()).isEqualTo(1);
	}

	private void refused(String formPage, String action, String message, String... fields) {
		var page = browser.submit(formPage, action, fields);
		assertThat(page.status()).as(action + " " + String.join(",", fields)).isEqualTo(200);
		assertThat(page.body()).as(action + " " + String.join(",", fields)).contains(message);
	}

	private long platformCount() {
		return jdbc.sql("select count(*) from trade_platform where organization_id = ?").param(organization.value()).query(Long.class).single();
	}
}
