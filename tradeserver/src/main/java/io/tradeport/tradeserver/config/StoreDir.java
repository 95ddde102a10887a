package io.tradeport.tradeserver.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

/**
 * One directory of store files, each replaced atomically: the new content goes to {@code NAME.tmp},
 * which is fsync'ed and renamed over {@code NAME}, and the directory is fsync'ed so the rename
 * survives a power loss. A reader therefore sees the old or the new file, never a torn one. Each
 * file carries a magic number, its length and a CRC32C, so a file damaged on disk stops the start
 * instead of loading wrong data. Without a path (no data directory) every write is a no-op.
 *
 * <p>Writers of one file are serialised by the store that owns it, which is why a fixed temporary
 * name is safe; a temporary file left by a crash is simply overwritten by the next write.
 */
final class StoreDir {

	private static final int MAGIC = 0x54505331; // "TPS1"
	private static final String TEMPORARY = ".tmp";

	private final @Nullable Path path;

	private StoreDir(@Nullable Path path) {
		this.path = path;
	}

	static StoreDir memory() {
		return new StoreDir(null);
	}

	static StoreDir at(Path path) {
		return new StoreDir(path);
	}

	boolean isPersistent() {
		return path != null;
	}

	StoreDir sub(String name) {
		return path == null ? this : new StoreDir(path.resolve(name));
	}

	boolean exists(String name) {
		return path != null && Files.exists(path.resolve(name));
	}

	/** Durably replaces (or creates) the file {@code name}; returns only after the fsyncs. */
	void write(String name, byte[] payload) {
		Path directory = path;
		if (directory == null) {
			return;
		}
		try {
			createDirectories(directory);
			Path temporary = directory.resolve(name + TEMPORARY);
			ByteBuffer header = ByteBuffer.allocate(12).putInt(MAGIC).putInt(payload.length).putInt(crc(payload)).flip();
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer body = ByteBuffer.wrap(payload);
				while (header.hasRemaining() || body.hasRemaining()) {
					channel.write(new ByteBuffer[] { header, body });
				}
				channel.force(true);
			}
			Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			syncDirectory(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + directory.resolve(name), ex);
		}
	}

	/** Durably removes the file {@code name}, if there is one. */
	void delete(String name) {
		Path directory = path;
		if (directory == null) {
			return;
		}
		try {
			if (Files.deleteIfExists(directory.resolve(name))) {
				syncDirectory(directory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete " + directory.resolve(name), ex);
		}
	}

	Optional<byte[]> read(String name) {
		Path directory = path;
		if (directory == null) {
			return Optional.empty();
		}
		Path file = directory.resolve(name);
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
			if (in.available() < 12 || in.readInt() != MAGIC) {
				throw new IOException("not a store file: " + file);
			}
			int length = in.readInt();
			int crc = in.readInt();
			if (length != in.available()) {
				throw new IOException("store file " + file + " has " + in.available() + " bytes, not " + length);
			}
			byte[] payload = in.readNBytes(length);
			if (crc(payload) != crc) {
				throw new IOException("store file " + file + " fails its checksum");
			}
			return Optional.of(payload);
		}
		catch (NoSuchFileException absent) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	/** Names of the store files here (not the temporary ones), sorted. */
	List<String> names() {
		Path directory = path;
		if (directory == null || !Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(TEMPORARY)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + directory, ex);
		}
	}

	<T> void writeList(String name, List<T> records, Codec<T> codec) {
		if (path != null) {
			write(name, encodeList(records, codec));
		}
	}

	<T> Optional<List<T>> readList(String name, Codec<T> codec) {
		return read(name).map(bytes -> {
			try {
				return decodeList(bytes, codec);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot decode " + name, ex);
			}
		});
	}

	<T> Optional<T> readValue(String name, Codec<T> codec) {
		return read(name).map(bytes -> {
			try {
				return codec.decode(bytes);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot decode " + name, ex);
			}
		});
	}

	static <T> byte[] encodeList(List<T> records, Codec<T> codec) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(records.size());
			for (T record : records) {
				byte[] encoded = codec.encode(record);
				out.writeInt(encoded.length);
				out.write(encoded);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static <T> List<T> decodeList(byte[] bytes, Codec<T> codec) throws IOException {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			int count = in.readInt();
			List<T> records = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				records.add(codec.decode(in.readNBytes(in.readInt())));
			}
			return records;
		}
	}

	private static int crc(byte[] payload) {
		CRC32C crc = new CRC32C();
		crc.update(payload);
		return (int) crc.getValue();
	}

	/** Each directory it creates is made durable in its parent, so a new store directory survives a crash too. */
	private static void createDirectories(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		Path parent = directory.getParent();
		if (parent != null) {
			createDirectories(parent);
		}
		try {
			Files.createDirectory(directory);
		}
		catch (FileAlreadyExistsException raced) {
			// Another store created it meanwhile; the parent is synced below all the same.
		}
		syncDirectory(parent);
	}

	/** Makes a created, renamed or deleted entry durable; without it a crash can undo the rename. */
	private static void syncDirectory(@Nullable Path directory) throws IOException {
		if (directory == null) {
			return;
		}
		try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
	}
}
