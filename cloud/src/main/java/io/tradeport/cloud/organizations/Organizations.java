package io.tradeport.cloud.organizations;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tradeport.cloud.identity.UserId;

@Service
public class Organizations {

	static final int NAME_MAX_LENGTH = 100;

	private final JdbcClient jdbc;
	private final Clock clock;

	Organizations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The user's organizations, by name. */
	public List<Membership> membershipsOf(UserId user) {
		return jdbc.sql("""
				select o.id, o.name, m.permissions from membership m join organization o on o.id = m.organization_id
				where m.user_id = ? order by lower(o.name), o.id""")
			.param(user.value())
			.query((rs, row) -> new Membership(new OrganizationId(rs.getObject(1, UUID.class)), rs.getString(2),
					permissions(rs.getArray(3))))
			.list();
	}

	/** Creates an organization with {@code founder} as its Administrator. */
	@Transactional
	public OrganizationId create(String name, UserId founder) {
		var id = OrganizationId.random();
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		var trimmed = name.strip();
		jdbc.sql("insert into organization (id, name, created_at) values (?, ?, ?)")
			.params(id.value(), trimmed.length() > NAME_MAX_LENGTH ? trimmed.substring(0, NAME_MAX_LENGTH) : trimmed, now)
			.update();
		jdbc.sql("insert into membership (organization_id, user_id, permissions, joined_at) values (?, ?, ?, ?)")
			.params(id.value(), founder.value(), new String[] { Permission.ADMINISTRATOR.code() }, now)
			.update();
		return id;
	}

	private static Set<Permission> permissions(Array array) throws SQLException {
		var codes = (String[]) array.getArray();
		var permissions = EnumSet.noneOf(Permission.class);
		Arrays.stream(codes).map(Permission::ofCode).flatMap(java.util.Optional::stream).forEach(permissions::add);
		return permissions;
	}

	static List<String> codes(Set<Permission> permissions) {
		return permissions.stream().map(Permission::code).sorted().collect(Collectors.toList());
	}
}
