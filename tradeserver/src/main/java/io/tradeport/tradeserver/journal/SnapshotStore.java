package io.tradeport.tradeserver.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import io.tradeport.tradeserver.engine.EngineState;

/**
 * Snapshot files {@code snapshot-<seq>.bin}: the engine state after journal record {@code seq}.
 * Layout: {@code int magic, int version, long seq, int length, int crc32c, payload} with the
 * payload an {@link EngineState} in {@link RecordCodec} encoding; the version is the codec's
 * format. Written to a temporary file, fsync'ed, then renamed, so a snapshot is either complete
 * or absent.
 */
final class SnapshotStore {

	private static final int MAGIC = 0x54505331; // "TPS1"
	/** The snapshot version is the {@link RecordCodec} format of its payload. */
	private static final int VERSION = RecordCodec.FORMAT;
	private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{19})\\.bin");
	private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{19})\\.log");

	record Snapshot(long seq, EngineState state) {
	}

	private final Path directory;

	SnapshotStore(Path directory) {
		this.directory = directory;
	}

	void write(long seq, EngineState state) throws IOException {
		write(seq, state, VERSION);
	}

	/** In an older {@code version}: for tests that need a snapshot as an earlier build wrote it. */
	void write(long seq, EngineState state, int version) throws IOException {
		ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
		DataOutputStream out = new DataOutputStream(payload);
		RecordCodec.write(out, state, version);
		out.flush();
		byte[] bytes = payload.toByteArray();
		CRC32C crc = new CRC32C();
		crc.update(bytes);
		ByteBuffer header = ByteBuffer.allocate(24);
		header.putInt(MAGIC).putInt(version).putLong(seq).putInt(bytes.length).putInt((int) crc.getValue()).flip();

		Path temporary = directory.resolve(name(seq) + ".tmp");
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			while (header.hasRemaining()) {
				channel.write(header);
			}
			ByteBuffer body = ByteBuffer.wrap(bytes);
			while (body.hasRemaining()) {
				channel.write(body);
			}
			channel.force(true);
		}
		Files.move(temporary, directory.resolve(name(seq)), StandardCopyOption.ATOMIC_MOVE);
		Durability.syncDirectory(directory);
	}

	/** The newest snapshot; an unreadable newest snapshot is an error, not a reason to go back silently. */
	Optional<Snapshot> latest() throws IOException {
		List<Long> seqs = numbered(SNAPSHOT);
		if (seqs.isEmpty()) {
			return Optional.empty();
		}
		long seq = seqs.getLast();
		byte[] data = Files.readAllBytes(directory.resolve(name(seq)));
		ByteBuffer header = ByteBuffer.wrap(data);
		if (data.length < 24 || header.getInt() != MAGIC) {
			throw new IOException("bad snapshot header: " + name(seq));
		}
		int version = header.getInt();
		if (version < 1 || version > VERSION || header.getLong() != seq) {
			throw new IOException("bad snapshot header (version " + version + "): " + name(seq));
		}
		int length = header.getInt();
		int checksum = header.getInt();
		CRC32C crc = new CRC32C();
		if (length != data.length - 24) {
			throw new IOException("bad snapshot length: " + name(seq));
		}
		crc.update(data, 24, length);
		if ((int) crc.getValue() != checksum) {
			throw new IOException("snapshot checksum mismatch: " + name(seq));
		}
		EngineState state = RecordCodec.read(new DataInputStream(new ByteArrayInputStream(data, 24, length)),
				EngineState.class, version);
		return Optional.of(new Snapshot(seq, state));
	}

	/** First sequence numbers of the journal segments, ascending. */
	List<Long> segments() throws IOException {
		return numbered(SEGMENT);
	}

	/**
	 * Deletes older snapshots and the segments a snapshot at {@code seq} makes redundant: those
	 * followed by a segment that starts at or before {@code seq + 1}.
	 */
	void prune(long seq) throws IOException {
		for (long older : numbered(SNAPSHOT)) {
			if (older < seq) {
				Files.deleteIfExists(directory.resolve(name(older)));
			}
		}
		List<Long> segments = segments();
		for (int i = 0; i + 1 < segments.size(); i++) {
			if (segments.get(i + 1) <= seq + 1) {
				Files.deleteIfExists(JournalWriter.segmentPath(directory, segments.get(i)));
			}
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path path : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
				Files.deleteIfExists(path);
			}
		}
		Durability.syncDirectory(directory);
	}

	private List<Long> numbered(Pattern pattern) throws IOException {
		List<Long> result = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			files.forEach(path -> {
				Matcher matcher = pattern.matcher(path.getFileName().toString());
				if (matcher.matches()) {
					result.add(Long.parseLong(matcher.group(1)));
				}
			});
		}
		result.sort(null);
		return result;
	}

	private static String name(long seq) {
		return String.format("snapshot-%019d.bin", seq);
	}
}
