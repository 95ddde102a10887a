package io.tradeport.cloud.organizations;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tradeport.cloud.audit.AuditEvent;
import io.tradeport.cloud.audit.AuditLog;
import io.tradeport.cloud.identity.UserId;
import io.tradeport.cloud.identity.Users;

/**
 * Organizations and their members. Every method that acts for someone takes who it is and checks their
 * permission here, not in the caller, so no page or API can forget it.
 */
@Service
public class Organizations {

	public static final int NAME_MAX_LENGTH = 100;

	private final JdbcClient jdbc;
	private final Users users;
	private final AuditLog audit;
	private final Clock clock;

	Organizations(JdbcClient jdbc, Users users, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** The user's organizations, by name. */
	public List<Membership> membershipsOf(UserId user) {
		var rows = jdbc.sql("""
				select o.id, o.name, p.permission, p.platform_ids
				from membership m join organization o on o.id = m.organization_id
				left join member_permission p on p.organization_id = m.organization_id and p.user_id = m.user_id
				where m.user_id = ? order by lower(o.name), o.id""")
			.param(user.value())
			.query((rs, row) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), grant(rs) })
			.list();
		var byOrganization = new LinkedHashMap<UUID, List<Grant>>();
		var names = new HashMap<UUID, String>();
		for (var row : rows) {
			var id = (UUID) row[0];
			names.put(id, (String) row[1]);
			var grants = byOrganization.computeIfAbsent(id, key -> new ArrayList<>());
			if (row[2] instanceof Grant grant) {
				grants.add(grant);
			}
		}
		return byOrganization.entrySet().stream()
			.map(entry -> new Membership(new OrganizationId(entry.getKey()), names.get(entry.getKey()), entry.getValue()))
			.toList();
	}

	public Optional<Membership> membership(UserId user, OrganizationId organization) {
		return membershipsOf(user).stream().filter(m -> m.organizationId().equals(organization)).findFirst();
	}

	/**
	 * @throws OrganizationAccessDenied when the user is not a member (answered as "no such organization") or lacks
	 * the permission
	 */
	public Membership require(UserId user, OrganizationId organization, Permission permission) {
		var membership = membership(user, organization).orElseThrow(OrganizationAccessDenied::notAMember);
		if (!membership.allows(permission)) {
			throw OrganizationAccessDenied.lacking(permission);
		}
		return membership;
	}

	/** Creates an organization with {@code founder} as its Administrator. */
	@Transactional
	public OrganizationId create(String name, UserId founder) {
		var id = OrganizationId.random();
		var trimmed = name.strip();
		jdbc.sql("insert into organization (id, name, created_at) values (?, ?, ?)")
			.params(id.value(), trimmed.length() > NAME_MAX_LENGTH ? trimmed.substring(0, NAME_MAX_LENGTH) : trimmed, now())
			.update();
		addMember(id, founder, List.of(Grant.everywhere(Permission.ADMINISTRATOR)));
		audit.record(AuditEvent.of("organization.created", founder.toString(), null).withOrganization(id.value()));
		return id;
	}

	@Transactional
	public void rename(OrganizationId organization, String name, UserId actor) {
		require(actor, organization, Permission.ADMINISTRATOR);
		jdbc.sql("update organization set name = ? where id = ?").params(name.strip(), organization.value()).update();
		audit.record(AuditEvent.of("organization.renamed", actor.toString(), null).withOrganization(organization.value())
			.withDetails(Map.of("name", name.strip())));
	}

	/** Deletes the organization with its members, platforms, clients and invitations. */
	@Transactional
	public void delete(OrganizationId organization, UserId actor) {
		require(actor, organization, Permission.ADMINISTRATOR);
		audit.record(AuditEvent.of("organization.deleted", actor.toString(), null).withOrganization(organization.value()));
		jdbc.sql("""
				delete from oauth2_registered_client where id in
				(select registered_client_id from api_client where organization_id = ?)""").param(organization.value()).update();
		jdbc.sql("delete from organization where id = ?").param(organization.value()).update();
	}

	@Transactional
	public void leave(OrganizationId organization, UserId user) {
		var membership = membership(user, organization).orElseThrow(OrganizationAccessDenied::notAMember);
		if (membership.isAdministrator() && administratorCount(organization) == 1) {
			throw new OrganizationRuleViolation("You are the last Administrator of " + membership.organizationName()
					+ ". Make another member Administrator first, or delete the organization.");
		}
		jdbc.sql("delete from membership where organization_id = ? and user_id = ?").params(organization.value(), user.value()).update();
		audit.record(AuditEvent.of("member.left", user.toString(), null).withOrganization(organization.value()));
	}

	public List<Member> members(OrganizationId organization, UserId actor) {
		require(actor, organization, Permission.MANAGE_USERS);
		var rows = jdbc.sql("""
				select m.user_id, m.joined_at, p.permission, p.platform_ids
				from membership m left join member_permission p on p.organization_id = m.organization_id and p.user_id = m.user_id
				where m.organization_id = ? order by m.joined_at, m.user_id""")
			.param(organization.value())
			.query((rs, row) -> new Object[] { rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), grant(rs) })
			.list();
		var grants = new LinkedHashMap<UUID, List<Grant>>();
		var joined = new HashMap<UUID, Instant>();
		for (var row : rows) {
			var user = (UUID) row[0];
			joined.put(user, (Instant) row[1]);
			var list = grants.computeIfAbsent(user, key -> new ArrayList<>());
			if (row[2] instanceof Grant grant) {
				list.add(grant);
			}
		}
		return grants.entrySet().stream()
			.flatMap(entry -> users.find(new UserId(entry.getKey()))
				.map(account -> new Member(account, entry.getValue(), joined.get(entry.getKey())))
				.stream())
			.toList();
	}

	/** Replaces a member's permissions. The last Administrator cannot lose the role. */
	@Transactional
	public void setGrants(OrganizationId organization, UserId member, List<Grant> grants, UserId actor) {
		var actorMembership = require(actor, organization, Permission.MANAGE_USERS);
		var target = membership(member, organization).orElseThrow(() -> new OrganizationRuleViolation("Not a member"));
		var makesAdministrator = grants.stream().anyMatch(grant -> grant.permission() == Permission.ADMINISTRATOR);
		if (!actorMembership.isAdministrator() && (makesAdministrator || target.isAdministrator())) {
			throw OrganizationAccessDenied.lacking(Permission.ADMINISTRATOR);
		}
		if (target.isAdministrator() && !makesAdministrator && administratorCount(organization) == 1) {
			throw new OrganizationRuleViolation("This is the last Administrator; make someone else Administrator first.");
		}
		jdbc.sql("delete from member_permission where organization_id = ? and user_id = ?")
			.params(organization.value(), member.value()).update();
		insertGrants(organization, member, grants);
		audit.record(AuditEvent.of("member.permissions-changed", actor.toString(), null)
			.withOrganization(organization.value())
			.withDetails(Map.of("member", member.toString(), "permissions", describe(grants))));
	}

	@Transactional
	public void removeMember(OrganizationId organization, UserId member, UserId actor) {
		var actorMembership = require(actor, organization, Permission.MANAGE_USERS);
		var target = membership(member, organization).orElseThrow(() -> new OrganizationRuleViolation("Not a member"));
		if (target.isAdministrator() && !actorMembership.isAdministrator()) {
			throw OrganizationAccessDenied.lacking(Permission.ADMINISTRATOR);
		}
		if (target.isAdministrator() && administratorCount(organization) == 1) {
			throw new OrganizationRuleViolation("The last Administrator cannot be removed.");
		}
		jdbc.sql("delete from membership where organization_id = ? and user_id = ?").params(organization.value(), member.value()).update();
		audit.record(AuditEvent.of("member.removed", actor.toString(), null).withOrganization(organization.value())
			.withDetails(Map.of("member", member.toString())));
	}

	/** Adds a member, or (already a member) keeps their current permissions. Used by invitations. */
	@Transactional
	void addMember(OrganizationId organization, UserId user, List<Grant> grants) {
		var inserted = jdbc.sql("insert into membership (organization_id, user_id, joined_at) values (?, ?, ?) on conflict do nothing")
			.params(organization.value(), user.value(), now())
			.update();
		if (inserted == 1) {
			insertGrants(organization, user, grants);
		}
	}

	public Optional<String> name(OrganizationId organization) {
		return jdbc.sql("select name from organization where id = ?").param(organization.value()).query(String.class).optional();
	}

	private void insertGrants(OrganizationId organization, UserId user, List<Grant> grants) {
		for (var grant : grants) {
			jdbc.sql("insert into member_permission (organization_id, user_id, permission, platform_ids) values (?, ?, ?, ?)")
				.params(organization.value(), user.value(), grant.permission().code(),
						grant.platforms() == null ? null : grant.platforms().toArray(UUID[]::new))
				.update();
		}
	}

	private int administratorCount(OrganizationId organization) {
		return jdbc.sql("select count(*) from member_permission where organization_id = ? and permission = ?")
			.params(organization.value(), Permission.ADMINISTRATOR.code())
			.query(Integer.class)
			.single();
	}

	static String describe(List<Grant> grants) {
		return grants.stream()
			.map(grant -> grant.permission().code() + (grant.platforms() == null ? "" : grant.platforms().toString()))
			.sorted()
			.collect(Collectors.joining(","));
	}

	private java.time.OffsetDateTime now() {
		return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Grant grant(ResultSet rs) throws SQLException {
		var code = rs.getString("permission");
		if (code == null) {
			return null;
		}
		var permission = Permission.ofCode(code);
		if (permission.isEmpty()) {
			return null;
		}
		return new Grant(permission.get(), platforms(rs.getArray("platform_ids")));
	}

	private static @Nullable Set<UUID> platforms(@Nullable Array array) throws SQLException {
		return array == null ? null : Set.of((UUID[]) array.getArray());
	}
}
