/**
 * The admin portal's pages: managing one's organizations, and per organization its trade platforms, members and
 * invitations, API clients and audit log. Rules and permission checks live in the modules behind the pages
 * (organizations, platforms, clients); the pages only translate forms and refusals.
 */
@NullMarked
package io.tradeport.cloud.admin;

import org.jspecify.annotations.NullMarked;
