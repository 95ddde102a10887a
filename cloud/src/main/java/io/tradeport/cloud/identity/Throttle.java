package io.tradeport.cloud.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts events per key (failed sign-ins per account and per address, registrations per address) in the
 * database, so every node sees the same counts. One atomic upsert per event: parallel attempts cannot pass the
 * limit between a read and a write.
 */
@Component
class Throttle {

	record Rule(int limit, Duration window, Duration lockFor) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	Throttle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean isLocked(List<String> keys) {
		return jdbc.sql("select count(*) from login_throttle where throttle_key in (:keys) and locked_until > :now")
			.param("keys", keys)
			.param("now", UserStore.utc(clock.instant()))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Counts one event even when the caller's transaction rolls back (a failed sign-in must count).
	 *
	 * @return true when this event reached the limit and locked the key
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean count(String key, Rule rule) {
		var now = clock.instant();
		var failures = jdbc.sql("""
				insert into login_throttle (throttle_key, failures, window_started_at, locked_until)
				values (:key, 1, :now, case when 1 >= :limit then cast(:lockedUntil as timestamptz) end)
				on conflict (throttle_key) do update set
				  failures = case when login_throttle.window_started_at < :windowStart then 1 else login_throttle.failures + 1 end,
				  window_started_at = case when login_throttle.window_started_at < :windowStart then :now else login_throttle.window_started_at end,
				  locked_until = case
				    when (case when login_throttle.window_started_at < :windowStart then 1 else login_throttle.failures + 1 end) >= :limit
				    then cast(:lockedUntil as timestamptz) else login_throttle.locked_until end
				returning failures""")
			.param("key", key)
			.param("now", UserStore.utc(now))
			.param("limit", rule.limit())
			.param("windowStart", UserStore.utc(now.minus(rule.window())))
			.param("lockedUntil", UserStore.utc(now.plus(rule.lockFor())))
			.query(Integer.class)
			.single();
		return failures == rule.limit();
	}

	void reset(String key) {
		jdbc.sql("delete from login_throttle where throttle_key = ?").param(key).update();
	}

	/** Rows whose window and lock are both over carry no information. */
	int purge(Duration olderThan) {
		var cutoff = UserStore.utc(clock.instant().minus(olderThan));
		return jdbc.sql("delete from login_throttle where window_started_at < :cutoff and (locked_until is null or locked_until < :cutoff)")
			.param("cutoff", cutoff)
			.update();
	}
}
