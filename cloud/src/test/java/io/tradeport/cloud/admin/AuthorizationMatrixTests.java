package io.tradeport.cloud.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.WebSession;
import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.identity.IdentityFixtures;
import io.tradeport.cloud.organizations.Invitations;
import io.tradeport.cloud.organizations.OrganizationId;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatforms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the admin portal × three intruders: a member of the organization without any permission, an
 * Administrator of another organization, and someone not signed in. Each is refused, and the victim
 * organization's data is unchanged afterwards. The routes come from the application's own handler mappings, so
 * a route added later is covered without touching this test.
 */
@TradeportApplicationTest
class AuthorizationMatrixTests {

	private static final String PASSWORD = "granite otter swims upstream";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	IdentityFixtures identity;

	@Autowired
	Organizations organizations;

	@Autowired
	TradePlatforms platforms;

	@Autowired
	Invitations invitations;

	@Autowired
	ApiClients clients;

	@Autowired
	JdbcClient jdbc;

	OrganizationId victim;
	Map<String, String> ids;
	String memberEmail;
	String outsiderEmail;

	@BeforeEach
	void aVictimOrganizationWithOneOfEverything() {
		var ownerEmail = IdentityFixtures.uniqueEmail("victim-owner");
		var owner = identity.userWithPassword(ownerEmail, PASSWORD);
		victim = organizations.membershipsOf(owner).getFirst().organizationId();
		var platform = platforms.create(victim, "Victim MT4", PlatformType.MT4, owner);
		platforms.setManagerApi(victim, platform, "mt4.victim.test:443", 7, "victim-manager-password", owner);
		memberEmail = IdentityFixtures.uniqueEmail("powerless-member");
		var member = identity.userWithPassword(memberEmail, PASSWORD);
		// A member holding no permission at all (what an invitation without permissions leads to).
		jdbc.sql("insert into membership (organization_id, user_id, joined_at) values (?, ?, now())").params(victim.value(), member.value()).update();
		var invitation = invitations.invite(victim, IdentityFixtures.uniqueEmail("invitee"), List.of(), owner);
		var client = clients.register(victim, "Victim robot", Set.of("read"), owner);
		outsiderEmail = IdentityFixtures.uniqueEmail("outsider-admin");
		identity.userWithPassword(outsiderEmail, PASSWORD);

		ids = Map.of("org", victim.toString(), "organization", victim.toString(), "platform", platform.toString(),
				"member", owner.toString(), "invitation", invitation.toString(), "clientId", client.clientId(),
				"what", "db", "state", "disable");
	}

	@Test
	void everyAdminRouteRefusesAMemberWithoutPermissionAnOutsiderAndAnonymousAndChangesNothing() {
		var routes = adminRoutes();
		assertThat(routes).hasSizeGreaterThan(20);
		var before = snapshot();

		var member = signedIn(memberEmail);
		var outsider = signedIn(outsiderEmail);
		var anonymous = new WebSession(port);
		var anonymousToken = csrf(anonymous, "/login");
		var memberToken = csrf(member, "/account");
		var outsiderToken = csrf(outsider, "/account");

		var failures = new ArrayList<String>();
		for (var route : routes) {
			if (!route.ownOnly()) {
				check(failures, "member without permission", member, memberToken, route, route.membersMay() ? Set.of() : Set.of(403, 404));
				check(failures, "Administrator of another organization", outsider, outsiderToken, route, Set.of(404));
			}
			check(failures, "anonymous", anonymous, anonymousToken, route, Set.of(302));
		}

		assertThat(failures).as("routes that did not refuse").isEmpty();
		assertThat(snapshot()).as("the victim organization's data").isEqualTo(before);
	}

	@Test
	void malformedIdsInTheUrlAreNotFoundNotServerErrors() {
		var prober = IdentityFixtures.uniqueEmail("prober");
		identity.userWithPassword(prober, PASSWORD);
		var owner = signedIn(prober);
		for (var path : List.of("/admin/not-a-uuid/platforms", "/admin/" + victim + "/platforms/not-a-uuid/edit",
				"/admin/" + victim + "/users/xyz/permissions", "/organizations/123/delete")) {
			assertThat(owner.get(path).status()).as(path).isIn(400, 404);
		}
	}

	private void check(List<String> failures, String who, WebSession session, String csrf, Route route, Set<Integer> refusals) {
		if (refusals.isEmpty()) {
			return;
		}
		var path = route.path();
		WebSession.Page page = route.method().equals("GET") ? session.get(path) : session.post(path, formFor(csrf));
		var refused = refusals.contains(page.status()) && (page.status() != 302 || page.location().contains("/login"));
		if (!refused) {
			failures.add(who + ": " + route.method() + " " + path + " answered " + page.status() + " " + page.location());
		}
	}

	/** Valid-looking input, so a missing check would show up as a change rather than a validation error. */
	private Map<String, String> formFor(String csrf) {
		var form = new LinkedHashMap<String, String>();
		form.put("_csrf", csrf);
		form.put("name", "Taken over");
		form.put("type", "MT5");
		form.put("address", "evil.test:443");
		form.put("login", "99");
		form.put("password", "attacker-password");
		form.put("host", "evil.test");
		form.put("port", "3306");
		form.put("database", "mt4");
		form.put("email", "attacker@evil.test");
		form.put("permission", "administrator");
		form.put("scope", "admin");
		form.put("confirmation", organizations.name(victim).orElseThrow());
		return form;
	}

	record Route(String method, String path, boolean ownOnly, boolean membersMay) {
	}

	private List<Route> adminRoutes() {
		var routes = new ArrayList<Route>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().equals(AdminPages.class.getPackageName())
					|| handler.getBeanType() == InvitationController.class) {
				return;
			}
			for (var pattern : info.getPathPatternsCondition().getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods().isEmpty() ? Set.of(RequestMethod.GET)
						: info.getMethodsCondition().getMethods()) {
					var path = pattern.replaceAll("\\{state:[^}]+}", ids.get("state"));
					for (var entry : ids.entrySet()) {
						path = path.replace("{" + entry.getKey() + "}", entry.getValue());
					}
					path = path.replace("test-{what}", "test-db");
					var ownOnly = !pattern.contains("{org}") && !pattern.contains("{organization}");
					var membersMay = pattern.endsWith("/switch") || pattern.endsWith("/leave");
					routes.add(new Route(method.name(), path, ownOnly, membersMay));
				}
			}
		});
		return routes;
	}

	private WebSession signedIn(String email) {
		var session = new WebSession(port);
		var page = session.signIn(email, PASSWORD);
		assertThat(page.location()).doesNotContain("error");
		return session;
	}

	private static String csrf(WebSession session, String page) {
		var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(session.get(page).body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private List<Object> snapshot() {
		var org = victim.value();
		return List.of(
				jdbc.sql("select name from organization where id = ?").param(org).query().listOfRows(),
				jdbc.sql("select user_id::text from membership where organization_id = ? order by user_id").param(org).query().listOfRows(),
				jdbc.sql("select user_id::text, permission, platform_ids::text from member_permission where organization_id = ? order by 1, 2").param(org).query().listOfRows(),
				jdbc.sql("select * from trade_platform where organization_id = ? order by id").param(org).query().listOfRows().toString(),
				jdbc.sql("select email, token_hash, expires_at::text, revoked_at::text, accepted_at::text from invitation where organization_id = ? order by id").param(org).query().listOfRows(),
				jdbc.sql("select a.client_id, a.name, a.disabled, r.client_secret from api_client a join oauth2_registered_client r on r.id = a.registered_client_id where a.organization_id = ? order by 1").param(org).query().listOfRows());
	}
}
