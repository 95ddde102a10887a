package io.tradeport.tradeserver.config;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * Full backups of one kind (users or orders), kept in memory: each is a named, timestamped copy
 * of the records at that moment, like MT4's backup files.
 */
public final class Backups<T> {

	public record Backup<T>(String file, Instant time, long size, List<T> records) {

		public Backup {
			records = List.copyOf(records);
		}
	}

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private final String prefix;
	private final int keep;
	private final ArrayDeque<Backup<T>> backups = new ArrayDeque<>();
	private int counter;

	/** @param keep how many backups to keep; older ones are dropped (ConBackup.fullbackup_store) */
	public Backups(String prefix, int keep) {
		this.prefix = prefix;
		this.keep = keep;
	}

	public synchronized Backup<T> take(Instant time, List<T> records, long size) {
		String file = prefix + "-" + NAME.format(time) + "-" + (++counter) + ".bak";
		Backup<T> backup = new Backup<>(file, time, size, records);
		backups.addLast(backup);
		while (backups.size() > keep) {
			backups.removeFirst();
		}
		return backup;
	}

	public synchronized List<Backup<T>> list() {
		return List.copyOf(backups);
	}

	public synchronized Optional<Backup<T>> get(String file) {
		return backups.stream().filter(b -> b.file().equals(file)).findFirst();
	}
}
