/**
 * Server-side state that the engine does not hold, kept in memory the way an MT4 server keeps it:
 * configuration sections, manager accounts, client personal data and passwords, journal, mail,
 * news, plugins and backups. Plain Java; every class is safe to use from several threads.
 */
@NullMarked
package io.tradeport.tradeserver.config;

import org.jspecify.annotations.NullMarked;
