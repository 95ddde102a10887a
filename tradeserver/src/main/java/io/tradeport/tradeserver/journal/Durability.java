package io.tradeport.tradeserver.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

final class Durability {

	private Durability() {
	}

	/**
	 * Makes a created, renamed or deleted directory entry durable. Without it a crash can lose a
	 * new segment or snapshot even though its content was fsync'ed.
	 */
	static void syncDirectory(Path directory) throws IOException {
		try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
	}
}
