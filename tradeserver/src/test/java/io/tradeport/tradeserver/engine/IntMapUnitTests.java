package io.tradeport.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IntMapUnitTests {

	@Test
	void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
		IntMap<String> map = new IntMap<>(4);
		Map<Integer, String> reference = new HashMap<>();
		Random random = new Random(7);
		for (int i = 0; i < 200_000; i++) {
			int key = 1 + random.nextInt(5_000);
			if (random.nextInt(3) == 0) {
				map.remove(key);
				reference.remove(key);
			}
			else {
				map.put(key, "v" + i);
				reference.put(key, "v" + i);
			}
		}
		assertThat(map.size()).isEqualTo(reference.size());
		for (int key = 1; key <= 5_000; key++) {
			assertThat(map.get(key)).isEqualTo(reference.get(key));
		}
		Map<String, Boolean> seen = new HashMap<>();
		map.forEach(v -> seen.put(v, true));
		assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(reference.values());
	}

	@Test
	void sequentialTicketsThatCollideAfterGrowthStayReachable() {
		IntMap<Integer> map = new IntMap<>(16);
		for (int i = 1; i <= 100_000; i++) {
			map.put(i, i);
		}
		for (int i = 1; i <= 100_000; i += 2) {
			map.remove(i);
		}
		assertThat(map.size()).isEqualTo(50_000);
		assertThat(map.get(2)).isEqualTo(2);
		assertThat(map.get(3)).isNull();
		assertThat(map.get(100_000)).isEqualTo(100_000);
	}
}
