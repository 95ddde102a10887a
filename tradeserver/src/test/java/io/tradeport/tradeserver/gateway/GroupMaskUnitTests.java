package io.tradeport.tradeserver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupMaskUnitTests {

	@Test
	void aStarMatchesEveryGroup() {
		assertThat(GroupMask.parse("*").matches("demoforex")).isTrue();
		assertThat(GroupMask.ALL.matches("")).isTrue();
	}

	@Test
	void wildcardsMatchPrefixesAndSuffixesCaseInsensitively() {
		GroupMask mask = GroupMask.parse("demo*,*-eur");

		assertThat(mask.matches("DemoForex")).isTrue();
		assertThat(mask.matches("live-eur")).isTrue();
		assertThat(mask.matches("live-usd")).isFalse();
	}

	@Test
	void exclusionsWinOverInclusions() {
		GroupMask mask = GroupMask.parse("demo*, !demopro");

		assertThat(mask.matches("demoforex")).isTrue();
		assertThat(mask.matches("demopro")).isFalse();
	}

	@Test
	void regexCharactersInNamesAreLiteral() {
		assertThat(GroupMask.parse("a.b").matches("axb")).isFalse();
		assertThat(GroupMask.parse("a.b").matches("a.b")).isTrue();
	}

	@Test
	void anEmptyMaskMatchesNothing() {
		assertThat(GroupMask.parse("").matches("demoforex")).isFalse();
	}
}
