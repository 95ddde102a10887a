/**
 * Server-side state that the engine does not hold: configuration sections, manager accounts,
 * client personal data and passwords, journal, mail, news, plugins and backups. Every class is
 * safe to use from several threads.
 *
 * <p>With a data directory the stores are durable ({@link io.tradeport.tradeserver.config.ServerStores}):
 * each change is written to its own small file before the store's method returns, by replacing the
 * file atomically (temporary file, fsync, rename, fsync of the directory). This was chosen over an
 * append-only log because these stores change rarely and are small per record: a replaced file needs
 * no replay, no compaction and no torn-tail recovery, and a reader sees either the old or the new
 * file. Records are the protocol's own messages where one fits (configuration sections, backups), and
 * a small versioned binary form where the record holds what the protocol never carries (password
 * hashes of managers and clients); passwords are only ever stored as PBKDF2 hashes
 * ({@link io.tradeport.tradeserver.config.Passwords}). The text journal has its own files; chart
 * history is not here (the feed rebuilds it).
 */
@NullMarked
package io.tradeport.tradeserver.config;

import org.jspecify.annotations.NullMarked;
