package io.tradeport.cloud.organizations;

/**
 * Refusal of an organization-scoped action. For someone who is not a member, the organization is answered as not
 * existing ({@link #hidesExistence()}), so ids of other tenants cannot be probed.
 */
public class OrganizationAccessDenied extends RuntimeException {

	private final boolean hidesExistence;

	OrganizationAccessDenied(String message, boolean hidesExistence) {
		super(message);
		this.hidesExistence = hidesExistence;
	}

	public static OrganizationAccessDenied notAMember() {
		return new OrganizationAccessDenied("No such organization", true);
	}

	public static OrganizationAccessDenied lacking(Permission permission) {
		return new OrganizationAccessDenied("This needs the permission \"" + permission.label() + "\"", false);
	}

	public boolean hidesExistence() {
		return hidesExistence;
	}
}
