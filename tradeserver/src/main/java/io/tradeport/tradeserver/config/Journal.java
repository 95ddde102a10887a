package io.tradeport.tradeserver.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The server journal: what MT4 writes to its logs (logins, trades, errors, configuration
 * changes). Keeps the latest {@code capacity} entries in memory and, when given a directory,
 * also appends them to a file per day ({@code yyyyMMdd.log}) like MT4's logs folder.
 */
public final class Journal implements AutoCloseable {

	/** MT4 journal entry kinds. */
	public enum Type { STANDARD, LOGINS, TRADES, ERRORS }

	public record Entry(Instant time, Type type, String ip, String message) {
	}

	private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
	private static final DateTimeFormatter LINE_TIME = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss.SSS");

	private final Clock clock;
	private final ZoneId zone;
	private final int capacity;
	private final @Nullable Path directory;
	private final ArrayDeque<Entry> entries = new ArrayDeque<>();
	/** File writes leave the caller's thread: the engine thread journals trades and must not wait on a disk. */
	private final @Nullable ExecutorService writer;

	public Journal(Clock clock, ZoneId serverZone, int capacity, @Nullable Path directory) {
		this.clock = clock;
		this.zone = serverZone;
		this.capacity = capacity;
		this.directory = directory;
		this.writer = directory == null ? null : Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "journal-writer");
			thread.setDaemon(true);
			return thread;
		});
	}

	public void write(Type type, String ip, String message) {
		Entry entry = new Entry(clock.instant(), type, ip, message);
		synchronized (entries) {
			entries.addLast(entry);
			while (entries.size() > capacity) {
				entries.removeFirst();
			}
		}
		if (writer != null) {
			try {
				writer.execute(() -> append(entry));
			}
			catch (RejectedExecutionException closed) {
				// Written after close (server stopping): the in-memory journal has it.
			}
		}
	}

	/** Entries with time in [from, to] of the given type (null: all), whose message contains {@code filter}. */
	public List<Entry> read(Instant from, Instant to, @Nullable Type type, String filter) {
		List<Entry> result = new ArrayList<>();
		synchronized (entries) {
			for (Entry entry : entries) {
				if (!entry.time().isBefore(from) && !entry.time().isAfter(to) && (type == null || entry.type() == type)
						&& entry.message().contains(filter)) {
					result.add(entry);
				}
			}
		}
		return result;
	}

	/** Waits for pending file writes. */
	@Override
	public void close() throws InterruptedException {
		if (writer != null) {
			writer.shutdown();
			writer.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	private void append(Entry entry) {
		Path directory = this.directory;
		if (directory == null) {
			return;
		}
		var local = entry.time().atZone(zone);
		String line = LINE_TIME.format(local) + '\t' + entry.type() + '\t' + entry.ip() + '\t' + entry.message() + '\n';
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve(FILE_DAY.format(local) + ".log"), line, StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			// The in-memory journal still has the entry; a full disk must not stop trading.
			System.getLogger(Journal.class.getName()).log(System.Logger.Level.WARNING, "journal: cannot write " + directory, ex);
		}
	}
}
