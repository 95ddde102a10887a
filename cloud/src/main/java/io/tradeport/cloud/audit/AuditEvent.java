package io.tradeport.cloud.audit;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened. {@code type} names it in the past tense (e.g. {@code user.registered}); secrets,
 * passwords and tokens never go into {@code details}.
 */
public record AuditEvent(String type, @Nullable String actor, @Nullable UUID organizationId,
		@Nullable String clientId, @Nullable String ip, Map<String, String> details) {

	public AuditEvent {
		details = Map.copyOf(details);
	}

	public static AuditEvent of(String type, @Nullable String actor, @Nullable String ip) {
		return new AuditEvent(type, actor, null, null, ip, Map.of());
	}

	public AuditEvent withOrganization(UUID organization) {
		return new AuditEvent(type, actor, organization, clientId, ip, details);
	}

	public AuditEvent withClient(String client) {
		return new AuditEvent(type, actor, organizationId, client, ip, details);
	}

	public AuditEvent withDetails(Map<String, String> more) {
		var merged = new java.util.HashMap<>(details);
		merged.putAll(more);
		return new AuditEvent(type, actor, organizationId, clientId, ip, merged);
	}
}
