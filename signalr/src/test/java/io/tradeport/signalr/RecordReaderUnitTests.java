package io.tradeport.signalr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordReaderUnitTests {

	@Test
	void recordsAreCutAtTheSeparatorAndATailWaitsForTheRest() {
		var reader = new RecordReader(100);

		assertThat(reader.append("{\"a\":1}\u001e{\"b\"")).containsExactly("{\"a\":1}");
		assertThat(reader.append(":2}\u001e\u001e{}\u001e")).containsExactly("{\"b\":2}", "", "{}");
	}

	@Test
	void theLimitCountsUtf8BytesAcrossFragments() {
		var reader = new RecordReader(8);

		assertThat(reader.append("éééé\u001e")).as("8 bytes").containsExactly("éééé");
		reader.append("éééé");
		assertThatThrownBy(() -> reader.append("x")).isInstanceOf(RecordReader.RecordTooLargeException.class)
				.hasMessage("The maximum message size of 8B was exceeded.");
	}
}
