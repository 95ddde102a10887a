package io.tradeport.tradeserver.journal;

/**
 * One journal record: the command, its sequence number and the engine clock time it ran at.
 *
 * <p>On disk: {@code int length, int crc32c, payload}, where the payload is
 * {@code long seq, long timeMillis, byte 0xFF, byte format, byte tag, command components} (see
 * {@link RecordCodec}; records of format 1 have no 0xFF and format bytes) and the checksum covers
 * the payload. A record whose length runs past the end of the file or whose
 * checksum does not match ends the readable journal: it is the torn tail of a write that was never
 * acknowledged.
 */
record JournalEntry(long seq, long timeMillis, Command<?> command) {
}
