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
	void aReplacedRecordCanHandItsWriteOnlyPartsToTheNewOneButAnAppendedOneCannot() {
		// Records "k:secret"; an empty secret in an update means "keep the stored one".
		var secrets = new ConfigList<String>(s -> s.substring(0, 1));
		java.util.function.BinaryOperator<String> keepSecret = (replacing, replaced) -> replacing.endsWith(":")
				? replacing + replaced.substring(replaced.indexOf(':') + 1) : replacing;
		secrets.put(-1, "a:one", keepSecret);
		secrets.put(-1, "a:", keepSecret);
		assertThat(secrets.all()).as("replaced by key").containsExactly("a:one");
		secrets.put(0, "a:", keepSecret);
		assertThat(secrets.all()).as("replaced by position").containsExactly("a:one");
		secrets.put(-1, "b:", keepSecret);
		secrets.put(-1, "a:two", keepSecret);
		assertThat(secrets.all()).as("appended without a secret; a new secret replaces the old").containsExactly("a:two", "b:");
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
