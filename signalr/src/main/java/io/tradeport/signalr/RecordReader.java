package io.tradeport.signalr;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts incoming text into records at the record separator. A record may span WebSocket messages and fragments, and
 * one message may hold several records (the .NET client batches), so an incomplete tail is carried over. The tail is
 * bounded: a record that grows beyond the limit is refused before more of it is kept.
 */
final class RecordReader {

	private final long maxRecordBytes;
	private final StringBuilder pending = new StringBuilder();
	private long pendingBytes;

	RecordReader(long maxRecordBytes) {
		this.maxRecordBytes = maxRecordBytes;
	}

	/**
	 * @return the records completed by this text, without separators
	 * @throws RecordTooLargeException when a record is larger than the limit
	 */
	List<String> append(CharSequence text) {
		List<String> records = List.of();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == JsonHubProtocol.RECORD_SEPARATOR) {
				take(text, start, i);
				if (records.isEmpty()) {
					records = new ArrayList<>(2);
				}
				records.add(pending.toString());
				pending.setLength(0);
				pendingBytes = 0;
				start = i + 1;
			}
		}
		take(text, start, text.length());
		return records;
	}

	private void take(CharSequence text, int from, int to) {
		if (from == to) {
			return;
		}
		pendingBytes += utf8Length(text, from, to);
		if (pendingBytes > maxRecordBytes) {
			pending.setLength(0);
			throw new RecordTooLargeException(maxRecordBytes);
		}
		pending.append(text, from, to);
	}

	private static long utf8Length(CharSequence text, int from, int to) {
		long bytes = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isSurrogate(c)) {
				bytes += 2; // each half of a pair: four bytes for the pair
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	static final class RecordTooLargeException extends RuntimeException {

		RecordTooLargeException(long limit) {
			super("The maximum message size of " + limit + "B was exceeded.", null, false, false);
		}
	}
}
