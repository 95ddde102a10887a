package io.tradeport.cloud.organizations;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tradeport.cloud.audit.AuditEvent;
import io.tradeport.cloud.audit.AuditLog;
import io.tradeport.cloud.identity.ClientSecrets;
import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.identity.Users;
import io.tradeport.cloud.mail.Links;
import io.tradeport.cloud.mail.Mailer;
import io.tradeport.cloud.mail.OutgoingMail;

/**
 * Invitations by e-mail, for people with or without an account. The link is single-use, expires, can be resent
 * (a new link, the old one dies) or revoked, and only the invited e-mail's owner can accept it.
 */
@Service
public class Invitations {

	public static final Duration LIFETIME = Duration.ofDays(7);

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final Users users;
	private final Mailer mailer;
	private final Links links;
	private final AuditLog audit;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();
	private final SecureRandom random = new SecureRandom();

	Invitations(JdbcClient jdbc, Organizations organizations, Users users, Mailer mailer, Links links, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.users = users;
		this.mailer = mailer;
		this.links = links;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public UUID invite(OrganizationId organization, String email, List<Grant> grants, UserId actor) {
		var membership = organizations.require(actor, organization, Permission.MANAGE_USERS);
		if (grants.stream().anyMatch(grant -> grant.permission() == Permission.ADMINISTRATOR) && !membership.isAdministrator()) {
			throw OrganizationAccessDenied.lacking(Permission.ADMINISTRATOR);
		}
		var normalized = email.strip().toLowerCase(Locale.ROOT);
		var existing = users.findByEmail(normalized);
		if (existing.isPresent() && organizations.membership(existing.get().id(), organization).isPresent()) {
			throw new OrganizationRuleViolation(normalized + " is already a member.");
		}
		var pending = jdbc.sql("select count(*) from invitation where organization_id = ? and email = ? and accepted_at is null and revoked_at is null")
			.params(organization.value(), normalized).query(Long.class).single();
		if (pending > 0) {
			throw new OrganizationRuleViolation(normalized + " is already invited; resend the invitation instead.");
		}
		var id = UUID.randomUUID();
		var token = newToken();
		var now = clock.instant();
		jdbc.sql("""
				insert into invitation (id, organization_id, email, grants, token_hash, invited_by, created_at, expires_at)
				values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
			.params(id, organization.value(), normalized, toJson(grants), ClientSecrets.sha256Hex(token), actor.value(),
					utc(now), utc(now.plus(LIFETIME)))
			.update();
		send(organization, normalized, token, actor);
		audit.record(AuditEvent.of("invitation.sent", actor.toString(), null).withOrganization(organization.value())
			.withDetails(Map.of("email", normalized, "permissions", Organizations.describe(grants))));
		return id;
	}

	public List<PendingInvitation> pending(OrganizationId organization, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_USERS);
		var now = clock.instant();
		return jdbc.sql("""
				select id, email, grants::text, created_at, expires_at from invitation
				where organization_id = ? and accepted_at is null and revoked_at is null order by created_at desc""")
			.param(organization.value())
			.query((rs, row) -> {
				var expiresAt = rs.getTimestamp(5).toInstant();
				return new PendingInvitation(rs.getObject(1, UUID.class), rs.getString(2), fromJson(rs.getString(3)),
						rs.getTimestamp(4).toInstant(), expiresAt, !now.isBefore(expiresAt));
			})
			.list();
	}

	/** A new link with a new expiry; the previous link stops working. */
	@Transactional
	public void resend(OrganizationId organization, UUID invitation, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_USERS);
		var email = pendingEmail(organization, invitation);
		var token = newToken();
		var now = clock.instant();
		jdbc.sql("update invitation set token_hash = ?, expires_at = ? where id = ?")
			.params(ClientSecrets.sha256Hex(token), utc(now.plus(LIFETIME)), invitation).update();
		send(organization, email, token, actor);
		audit.record(AuditEvent.of("invitation.resent", actor.toString(), null).withOrganization(organization.value())
			.withDetails(Map.of("email", email)));
	}

	@Transactional
	public void revoke(OrganizationId organization, UUID invitation, UserId actor) {
		organizations.require(actor, organization, Permission.MANAGE_USERS);
		var email = pendingEmail(organization, invitation);
		jdbc.sql("update invitation set revoked_at = ? where id = ?").params(utc(clock.instant()), invitation).update();
		audit.record(AuditEvent.of("invitation.revoked", actor.toString(), null).withOrganization(organization.value())
			.withDetails(Map.of("email", email)));
	}

	public Optional<InvitationView> find(String token) {
		if (token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		var now = clock.instant();
		return jdbc.sql("""
				select o.name, i.email, i.expires_at, i.accepted_at, i.revoked_at
				from invitation i join organization o on o.id = i.organization_id where i.token_hash = ?""")
			.param(ClientSecrets.sha256Hex(token))
			.query((rs, row) -> new InvitationView(rs.getString(1), rs.getString(2),
					rs.getTimestamp(4) == null && rs.getTimestamp(5) == null && now.isBefore(rs.getTimestamp(3).toInstant())))
			.optional();
	}

	/**
	 * @return the organization joined
	 * @throws OrganizationRuleViolation when the link is unusable or the signed-in user is not the invited e-mail
	 */
	@Transactional
	public OrganizationId accept(String token, UserId user) {
		var account = users.find(user).orElseThrow();
		record Row(UUID id, UUID organization, String email, String grants, java.time.Instant expiresAt, boolean open) {
		}
		var row = jdbc.sql("""
				select id, organization_id, email, grants::text, expires_at, accepted_at is null and revoked_at is null
				from invitation where token_hash = ? for update""")
			.param(ClientSecrets.sha256Hex(token))
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getBoolean(6)))
			.optional()
			.filter(found -> found.open() && clock.instant().isBefore(found.expiresAt()))
			.orElseThrow(() -> new OrganizationRuleViolation("This invitation is invalid, used, revoked or expired."));
		if (!row.email().equalsIgnoreCase(account.email())) {
			throw new OrganizationRuleViolation("This invitation is for " + row.email() + ", but you are signed in as "
					+ account.email() + ". Sign in with the invited address.");
		}
		var organization = new OrganizationId(row.organization());
		organizations.addMember(organization, user, fromJson(row.grants()));
		jdbc.sql("update invitation set accepted_at = ?, accepted_by = ? where id = ?")
			.params(utc(clock.instant()), user.value(), row.id()).update();
		audit.record(AuditEvent.of("invitation.accepted", user.toString(), null).withOrganization(organization.value())
			.withDetails(Map.of("email", row.email())));
		return organization;
	}

	private String pendingEmail(OrganizationId organization, UUID invitation) {
		return jdbc.sql("select email from invitation where id = ? and organization_id = ? and accepted_at is null and revoked_at is null")
			.params(invitation, organization.value())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new OrganizationRuleViolation("No such pending invitation."));
	}

	private void send(OrganizationId organization, String email, String token, UserId actor) {
		var organizationName = organizations.name(organization).orElseThrow();
		var inviter = users.find(actor).map(account -> account.nameToShow()).orElse("A member");
		mailer.send(new OutgoingMail(email, "Invitation to " + organizationName + " on Tradeport", """
				%s invites you to join %s on Tradeport.

				Accept the invitation here (the link works once, for %d days):
				%s

				No Tradeport account yet? The link lets you register with this address first.
				If you did not expect this, ignore the mail.
				""".formatted(inviter, organizationName, LIFETIME.toDays(), links.to("/invitations/" + token))));
	}

	private String newToken() {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private String toJson(List<Grant> grants) {
		var list = new ArrayList<Map<String, Object>>();
		for (var grant : grants) {
			var entry = new HashMap<String, Object>();
			entry.put("permission", grant.permission().code());
			entry.put("platforms", grant.platforms() == null ? null : grant.platforms().stream().map(UUID::toString).sorted().toList());
			list.add(entry);
		}
		return json.writeValueAsString(list);
	}

	private List<Grant> fromJson(String text) {
		List<Map<String, Object>> list = json.readValue(text, new TypeReference<>() {
		});
		var grants = new ArrayList<Grant>();
		for (var entry : list) {
			Permission.ofCode((String) entry.get("permission")).ifPresent(permission -> {
				@SuppressWarnings("unchecked")
				var platforms = (List<String>) entry.get("platforms");
				grants.add(new Grant(permission, platforms == null ? null
						: Set.copyOf(platforms.stream().map(UUID::fromString).toList())));
			});
		}
		return grants;
	}

	private static java.time.OffsetDateTime utc(java.time.Instant instant) {
		return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}
}
