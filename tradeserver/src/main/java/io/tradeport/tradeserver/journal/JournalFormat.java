package io.tradeport.tradeserver.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/** Encoding and scanning of journal records; see {@link JournalEntry} for the layout. */
final class JournalFormat {

	static final int HEADER = 8;
	/** Far above any real command; a larger length is garbage from a torn write. */
	static final int MAX_PAYLOAD = 16 << 20;

	private JournalFormat() {
	}

	/**
	 * In place of a command tag: a record in an explicit {@link RecordCodec} format, whose number and
	 * then the real tag follow. Records of the first builds start with the tag itself (format 1);
	 * tags never come near this value.
	 */
	static final int VERSIONED = 0xFF;

	static byte[] encode(long seq, long timeMillis, Command<?> command) {
		return encode(seq, timeMillis, command, RecordCodec.FORMAT);
	}

	/** In an older {@code format}: for tests that need records as an earlier build wrote them. */
	static byte[] encode(long seq, long timeMillis, Command<?> command, int format) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeInt(0);
			out.writeInt(0);
			out.writeLong(seq);
			out.writeLong(timeMillis);
			if (format > 1) {
				out.writeByte(VERSIONED);
				out.writeByte(format);
			}
			out.writeByte(command.tag());
			RecordCodec.write(out, (Record) command, format);
			out.flush();
			byte[] record = bytes.toByteArray();
			int length = record.length - HEADER;
			CRC32C crc = new CRC32C();
			crc.update(record, HEADER, length);
			ByteBuffer header = ByteBuffer.wrap(record, 0, HEADER).order(ByteOrder.BIG_ENDIAN);
			header.putInt(length);
			header.putInt((int) crc.getValue());
			return record;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The valid records of a segment and the file position just after the last of them; anything
	 * after it is a torn or never-completed write.
	 */
	record Scan(List<JournalEntry> entries, long validLength, long fileLength) {

		boolean torn() {
			return validLength < fileLength;
		}
	}

	static Scan scan(Path segment) throws IOException {
		byte[] data;
		try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
			long size = channel.size();
			if (size > Integer.MAX_VALUE - 8) {
				throw new IOException("segment too large: " + segment);
			}
			ByteBuffer buffer = ByteBuffer.allocate((int) size);
			while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
				// read fully
			}
			data = buffer.array();
		}
		return scan(data);
	}

	static Scan scan(byte[] data) throws IOException {
		List<JournalEntry> entries = new ArrayList<>();
		ByteBuffer buffer = ByteBuffer.wrap(data);
		int position = 0;
		while (data.length - position >= HEADER) {
			int length = buffer.getInt(position);
			int checksum = buffer.getInt(position + 4);
			if (length < 17 || length > MAX_PAYLOAD || data.length - position - HEADER < length) {
				break;
			}
			CRC32C crc = new CRC32C();
			crc.update(data, position + HEADER, length);
			if ((int) crc.getValue() != checksum) {
				break;
			}
			DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, position + HEADER, length));
			long seq = in.readLong();
			long time = in.readLong();
			int tag = in.readUnsignedByte();
			int format = 1;
			if (tag == VERSIONED) {
				format = in.readUnsignedByte();
				tag = in.readUnsignedByte();
			}
			if (tag >= Command.TYPES.size()) {
				// The checksum matched, so this is not a torn write but a newer format or a bug.
				throw new IOException("unknown command tag " + tag + " at seq " + seq);
			}
			Command<?> command = (Command<?>) RecordCodec.read(in, Command.TYPES.get(tag).asSubclass(Record.class), format);
			entries.add(new JournalEntry(seq, time, command));
			position += HEADER + length;
		}
		return new Scan(entries, position, data.length);
	}
}
