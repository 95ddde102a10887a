package io.tradeport.cloud.platforms;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.gateway.v1.PumpStart;
import io.tradeport.gateway.v1.TransType;
import io.tradeport.gateway.v1.User;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache's record of when users changed, which an incremental replica (UsersSyncRead) follows. */
class PlatformCacheTests {

	private final PlatformCache cache = new PlatformCache();

	@Test
	void eachChangeIsListedOnceAfterTheVersionItWasReadUpTo() {
		user(1001, TransType.TRANS_SNAPSHOT, 1_000);
		user(1002, TransType.TRANS_SNAPSHOT, 1_000);
		var first = cache.userChangesAfter(0);
		assertThat(logins(first)).containsExactly(1001, 1002);
		assertThat(first.items().getFirst().at()).isEqualTo(Instant.ofEpochMilli(1_000));

		user(1002, TransType.TRANS_UPDATE, 2_000);
		user(1003, TransType.TRANS_ADD, 3_000);
		var second = cache.userChangesAfter(first.upTo());
		assertThat(logins(second)).as("oldest change first").containsExactly(1002, 1003);
		assertThat(logins(cache.userChangesAfter(second.upTo()))).isEmpty();
		assertThat(cache.userChangesAfter(second.upTo()).upTo()).isEqualTo(second.upTo());
	}

	@Test
	void aRecordChangedTwiceIsListedAtItsLastChangeAndADeletedOneNotAtAll() {
		user(1001, TransType.TRANS_SNAPSHOT, 1_000);
		user(1002, TransType.TRANS_SNAPSHOT, 1_000);
		var read = cache.userChangesAfter(0).upTo();
		user(1001, TransType.TRANS_UPDATE, 2_000);
		user(1002, TransType.TRANS_UPDATE, 3_000);
		user(1001, TransType.TRANS_UPDATE, 4_000);
		user(1002, TransType.TRANS_DELETE, 5_000);

		var changes = cache.userChangesAfter(read);
		assertThat(logins(changes)).containsExactly(1001);
		assertThat(changes.items().getFirst().at()).isEqualTo(Instant.ofEpochMilli(4_000));
	}

	@Test
	void afterAReconnectEveryRecordComesAgainWithNewerVersions() {
		user(1001, TransType.TRANS_SNAPSHOT, 1_000);
		var read = cache.userChangesAfter(0).upTo();
		// What the pump does when a new stream starts: the old state goes, the new snapshot follows.
		cache.clear();
		cache.apply(PumpEvent.newBuilder().setStart(PumpStart.getDefaultInstance()).build());
		user(1001, TransType.TRANS_SNAPSHOT, 9_000);

		assertThat(logins(cache.userChangesAfter(read))).containsExactly(1001);
		assertThat(cache.user(1001)).isPresent();
		assertThat(cache.users()).hasSize(1);
	}

	private void user(int login, TransType trans, long time) {
		cache.apply(PumpEvent.newBuilder().setTrans(trans).setTime(time).setUser(User.newBuilder().setLogin(login)).build());
	}

	private static List<Integer> logins(PlatformCache.Changes<User> changes) {
		return changes.items().stream().map(changed -> changed.value().getLogin()).toList();
	}
}
