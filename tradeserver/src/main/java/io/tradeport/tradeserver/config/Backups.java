package io.tradeport.tradeserver.config;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Full backups of one kind (users or orders): each is a named, timestamped copy of the records at
 * that moment, like MT4's backup files. A persistent one (from {@link ServerStores#backups}) writes
 * each backup to its own file, named as the backup, before listing it, and deletes the files of
 * the backups it drops.
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
	private final StoreDir files;
	private final @Nullable Codec<Backup<T>> codec;
	private int counter;

	/** In memory. @param keep how many backups to keep; older ones are dropped (ConBackup.fullbackup_store) */
	public Backups(String prefix, int keep) {
		this(prefix, keep, StoreDir.memory(), null);
	}

	Backups(String prefix, int keep, StoreDir files, @Nullable Codec<Backup<T>> codec) {
		this.prefix = prefix;
		this.keep = keep;
		this.files = files;
		this.codec = codec;
		if (codec != null) {
			files.names().stream().filter(n -> n.startsWith(prefix + "-"))
				.flatMap(n -> files.readValue(n, codec).stream())
				.sorted(Comparator.comparing(Backup<T>::time).thenComparingInt(b -> number(b.file())))
				.forEach(backups::addLast);
			// A restart continues the numbering, so a new backup never takes an old one's name.
			backups.forEach(b -> counter = Math.max(counter, number(b.file())));
		}
	}

	public synchronized Backup<T> take(Instant time, List<T> records, long size) {
		String file = prefix + "-" + NAME.format(time) + "-" + (counter + 1) + ".bak";
		Backup<T> backup = new Backup<>(file, time, size, records);
		if (codec != null) {
			files.write(file, codec.encode(backup));
		}
		counter++;
		backups.addLast(backup);
		while (backups.size() > keep) {
			files.delete(backups.removeFirst().file());
		}
		return backup;
	}

	public synchronized List<Backup<T>> list() {
		return List.copyOf(backups);
	}

	public synchronized Optional<Backup<T>> get(String file) {
		return backups.stream().filter(b -> b.file().equals(file)).findFirst();
	}

	private static int number(String file) {
		String stem = file.endsWith(".bak") ? file.substring(0, file.length() - 4) : file;
		try {
			return Integer.parseInt(stem.substring(stem.lastIndexOf('-') + 1));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
