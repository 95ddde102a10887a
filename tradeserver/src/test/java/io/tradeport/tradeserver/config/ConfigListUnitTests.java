package io.tradeport.tradeserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ConfigListUnitTests {

	private final ConfigList<String> keyed = new ConfigList<>(s -> s.substring(0, 1));

	@Test
	void aNegativePositionReplacesTheRecordWithTheSameKeyOrAppends() {
		keyed.put(-1, "a1");
		keyed.put(-1, "b1");
		keyed.put(-1, "a2");

		assertThat(keyed.all()).containsExactly("a2", "b1");
		assertThat(keyed.find("b")).contains("b1");
	}

	@Test
	void aPositionReplacesOrAppendsButNeverDuplicatesAKey() {
		keyed.put(0, "a1");
		keyed.put(1, "b1");
		keyed.put(1, "b2");

		assertThat(keyed.all()).containsExactly("a1", "b2");
		assertThatIllegalArgumentException().isThrownBy(() -> keyed.put(1, "a3"));
		assertThatIllegalArgumentException().isThrownBy(() -> keyed.put(5, "c1"));
	}

	@Test
	void recordsShiftUpAndDown() {
		ConfigList<String> list = new ConfigList<>(null);
		list.put(-1, "x");
		list.put(-1, "y");
		list.put(-1, "z");

		list.shift(2, -2);
		assertThat(list.all()).containsExactly("z", "x", "y");
		list.shift(0, 1);
		assertThat(list.all()).containsExactly("x", "z", "y");
		assertThatIllegalArgumentException().isThrownBy(() -> list.shift(0, -1));
	}

	@Test
	void deletingABadPositionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> keyed.delete(0));
	}
}
