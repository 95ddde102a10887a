/**
 * Organizations (tenants) and their members' permissions. A user belongs to many; registering creates one with
 * the new user as Administrator.
 */
@NullMarked
package io.tradeport.cloud.organizations;

import org.jspecify.annotations.NullMarked;
