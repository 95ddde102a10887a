package io.tradeport.cloud.organizations;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tradeport.cloud.Mailbox;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.cloud.WebSession;
import io.tradeport.cloud.identity.IdentityFixtures;
import io.tradeport.cloud.identity.UserId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TradeportApplicationTest
class MembershipRulesTests {

	private static final String PASSWORD = "amber walrus reads slowly";

	@LocalServerPort
	int port;

	@Autowired
	IdentityFixtures identity;

	@Autowired
	Organizations organizations;

	@Autowired
	Invitations invitations;

	@Autowired
	JdbcClient jdbc;

	UserId owner;
	String ownerEmail;
	OrganizationId organization;

	@BeforeEach
	void anOrganizationWithItsAdministrator() {
		ownerEmail = IdentityFixtures.uniqueEmail("rules-owner");
		owner = identity.userWithPassword(ownerEmail, PASSWORD);
		organization = organizations.membershipsOf(owner).getFirst().organizationId();
	}

	@Test
	void theLastAdministratorCanNeitherLeaveNorBeRemovedNorDemoted() {
		assertThatThrownBy(() -> organizations.leave(organization, owner)).isInstanceOf(OrganizationRuleViolation.class)
			.hasMessageContaining("last Administrator");
		assertThatThrownBy(() -> organizations.removeMember(organization, owner, owner)).isInstanceOf(OrganizationRuleViolation.class);
		assertThatThrownBy(() -> organizations.setGrants(organization, owner, List.of(Grant.everywhere(Permission.MANAGE_USERS)), owner))
			.isInstanceOf(OrganizationRuleViolation.class);
		assertThat(organizations.membership(owner, organization)).hasValueSatisfying(m -> assertThat(m.isAdministrator()).isTrue());

		var second = member("second-admin", List.of(Grant.everywhere(Permission.ADMINISTRATOR)));
		organizations.leave(organization, owner);
		assertThat(organizations.membership(owner, organization)).isEmpty();
		assertThat(organizations.membership(second, organization)).isPresent();
	}

	@Test
	void aUserManagerCannotMakeAdministratorsNorTouchThem() {
		var manager = member("user-manager", List.of(Grant.everywhere(Permission.MANAGE_USERS)));
		var dealer = member("dealer", List.of());

		assertThatThrownBy(() -> organizations.setGrants(organization, dealer, List.of(Grant.everywhere(Permission.ADMINISTRATOR)), manager))
			.isInstanceOf(OrganizationAccessDenied.class);
		assertThatThrownBy(() -> organizations.removeMember(organization, owner, manager)).isInstanceOf(OrganizationAccessDenied.class);
		assertThatThrownBy(() -> invitations.invite(organization, IdentityFixtures.uniqueEmail("x"), List.of(Grant.everywhere(Permission.ADMINISTRATOR)), manager))
			.isInstanceOf(OrganizationAccessDenied.class);

		organizations.setGrants(organization, dealer, List.of(Grant.everywhere(Permission.USE_MONITORS)), manager);
		assertThat(organizations.membership(dealer, organization).orElseThrow().allows(Permission.USE_MONITORS)).isTrue();
	}

	@Test
	void platformLimitedPermissionsAllowOnlyTheChosenPlatforms() {
		var mt4 = java.util.UUID.randomUUID();
		var mt5 = java.util.UUID.randomUUID();
		var dealer = member("limited", List.of(new Grant(Permission.VIEW_ANALYTICS, Set.of(mt4))));
		var membership = organizations.membership(dealer, organization).orElseThrow();
		assertThat(membership.allows(Permission.VIEW_ANALYTICS, mt4)).isTrue();
		assertThat(membership.allows(Permission.VIEW_ANALYTICS, mt5)).isFalse();
		assertThat(membership.allows(Permission.USE_MONITORS, mt4)).isFalse();
		assertThatThrownBy(() -> new Grant(Permission.MANAGE_USERS, Set.of(mt4))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anInvitationIsForItsEmailOnlyWorksOnceAndAResendKillsTheOldLink() {
		var invitedEmail = IdentityFixtures.uniqueEmail("invited");
		var invited = identity.userWithPassword(invitedEmail, PASSWORD);
		var stranger = identity.userWithPassword(IdentityFixtures.uniqueEmail("stranger"), PASSWORD);
		var id = invitations.invite(organization, invitedEmail, List.of(Grant.everywhere(Permission.USE_MONITORS)), owner);
		var firstLink = token(invitedEmail);
		invitations.resend(organization, id, owner);
		var secondLink = token(invitedEmail);
		assertThat(secondLink).isNotEqualTo(firstLink);

		assertThatThrownBy(() -> invitations.accept(firstLink, invited)).hasMessageContaining("invalid, used, revoked or expired");
		assertThatThrownBy(() -> invitations.accept(secondLink, stranger)).hasMessageContaining("This invitation is for " + invitedEmail);
		assertThat(invitations.accept(secondLink, invited)).isEqualTo(organization);
		assertThat(organizations.membership(invited, organization).orElseThrow().allows(Permission.USE_MONITORS)).isTrue();
		assertThatThrownBy(() -> invitations.accept(secondLink, invited)).isInstanceOf(OrganizationRuleViolation.class);
		assertThatThrownBy(() -> invitations.invite(organization, invitedEmail, List.of(), owner)).hasMessageContaining("already a member");
	}

	@Test
	void revokedAndExpiredInvitationsCannotBeAccepted() {
		var email = IdentityFixtures.uniqueEmail("late-invitee");
		var user = identity.userWithPassword(email, PASSWORD);
		var revoked = invitations.invite(organization, email, List.of(), owner);
		var revokedLink = token(email);
		assertThatThrownBy(() -> invitations.invite(organization, email, List.of(), owner)).hasMessageContaining("already invited");
		invitations.revoke(organization, revoked, owner);
		assertThatThrownBy(() -> invitations.accept(revokedLink, user)).isInstanceOf(OrganizationRuleViolation.class);

		invitations.invite(organization, email, List.of(), owner);
		var expiredLink = token(email);
		jdbc.sql("update invitation set expires_at = now() - interval '1 second' where email = ? and revoked_at is null").param(email).update();
		assertThat(invitations.pending(organization, owner)).anyMatch(p -> p.email().equals(email) && p.expired());
		assertThatThrownBy(() -> invitations.accept(expiredLink, user)).isInstanceOf(OrganizationRuleViolation.class);
		assertThat(new WebSession(port).get("/invitations/" + expiredLink).body()).contains("invalid, used, revoked or expired");
		assertThat(organizations.membership(user, organization)).isEmpty();
	}

	@Test
	void oneSeesOnlyOnesOwnOrganizations() {
		var other = identity.userWithPassword(IdentityFixtures.uniqueEmail("neighbour"), PASSWORD);
		var browser = new WebSession(port);
		browser.signIn(ownerEmail, PASSWORD);
		var page = browser.get("/organizations").body();
		var neighbour = organizations.membershipsOf(other).getFirst();
		assertThat(page).contains(ownerEmail).doesNotContain(neighbour.organizationName());
		assertThat(browser.submit("/organizations", "/organizations/" + neighbour.organizationId() + "/switch").status()).isEqualTo(404);
	}

	private UserId member(String name, List<Grant> grants) {
		var user = identity.userWithPassword(IdentityFixtures.uniqueEmail(name), PASSWORD);
		organizations.addMember(organization, user, grants);
		return user;
	}

	private static String token(String email) {
		return Mailbox.match(Mailbox.latestBody(email, "Invitation to"), "/invitations/(\\S+)");
	}
}
