package io.tradeport.cloud.organizations;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed catalogue of what a member may do in an organization. {@link #ADMINISTRATOR} implies all others.
 * Permissions that act on trade platforms can be limited to chosen platforms. The codes are stored and put into
 * tokens; never rename one.
 */
public enum Permission {

	ADMINISTRATOR("administrator", "Administrator", "Everything, including members and their permissions", false),
	MANAGE_USERS("manage-users", "Manage users", "Invite and remove members, set their permissions", false),
	MANAGE_PLATFORMS("manage-platforms", "Manage trade platforms", "Add trade platforms and set their credentials", false),
	MANAGE_CLIENTS("manage-clients", "Manage API clients", "Create, rotate, disable and delete API clients", false),
	USE_WEBAPI("use-webapi", "Use the WebAPI", "Call the WebAPI with their own sign-in", true),
	VIEW_ANALYTICS("view-analytics", "View analytics", "Open the dealers' analytics", true),
	USE_MONITORS("use-monitors", "Use monitors", "Margin and quotes monitoring", true),
	MANAGE_PLUGINS("manage-plugins", "Manage plugins", "Change trade-server plugins and their parameters", true),
	APPROVE_CLIENT_AREA_REQUESTS("approve-client-area-requests", "Approve client-area requests",
			"Approve traders' deposits, withdrawals and transfers", true);

	private final String code;
	private final String label;
	private final String description;
	private final boolean platformScoped;

	Permission(String code, String label, String description, boolean platformScoped) {
		this.code = code;
		this.label = label;
		this.description = description;
		this.platformScoped = platformScoped;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	/** Whether a grant of this permission can be limited to chosen trade platforms. */
	public boolean platformScoped() {
		return platformScoped;
	}

	public static Optional<Permission> ofCode(String code) {
		return Arrays.stream(values()).filter(permission -> permission.code.equals(code)).findFirst();
	}
}
