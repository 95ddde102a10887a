package io.tradeport.cloud.organizations;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed catalogue of what a member may do in an organization. {@link #ADMINISTRATOR} implies all others.
 * The codes are stored and put into tokens; never rename one.
 */
public enum Permission {

	ADMINISTRATOR("administrator", "Administrator: everything, including managing members and their permissions"),
	MANAGE_USERS("manage-users", "Invite and remove members, set their permissions"),
	MANAGE_PLATFORMS("manage-platforms", "Add and configure trade platforms and their credentials"),
	MANAGE_CLIENTS("manage-clients", "Create, rotate and delete API clients"),
	USE_WEBAPI("use-webapi", "Call the WebAPI with their own sign-in"),
	VIEW_ANALYTICS("view-analytics", "Open the analytics"),
	USE_MONITORS("use-monitors", "Use margin and quotes monitoring"),
	MANAGE_PLUGINS("manage-plugins", "Change trade-server plugins and their parameters"),
	APPROVE_CLIENT_AREA_REQUESTS("approve-client-area-requests", "Approve traders' deposits, withdrawals and transfers");

	private final String code;
	private final String description;

	Permission(String code, String description) {
		this.code = code;
		this.description = description;
	}

	public String code() {
		return code;
	}

	public String description() {
		return description;
	}

	public static Optional<Permission> ofCode(String code) {
		return Arrays.stream(values()).filter(permission -> permission.code.equals(code)).findFirst();
	}
}
