package io.tradeport.cloud.organizations;

/** What the person following an invitation link may see before accepting. */
public record InvitationView(String organizationName, String email, boolean usable) {
}
