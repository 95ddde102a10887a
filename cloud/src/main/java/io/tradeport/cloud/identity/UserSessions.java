package io.tradeport.cloud.identity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** A user's browser sessions, shared by all nodes through Spring Session JDBC. */
@Component
class UserSessions {

	static final String ADDRESS = "tradeport.address";
	static final String USER_AGENT = "tradeport.user-agent";

	record ActiveSession(String id, Instant createdAt, Instant lastAccessedAt, String address, String userAgent) {
	}

	private final FindByIndexNameSessionRepository<? extends Session> repository;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> repository) {
		this.repository = repository;
	}

	List<ActiveSession> of(UserId user) {
		return repository.findByPrincipalName(user.toString())
			.values()
			.stream()
			.filter(session -> !session.isExpired())
			.map(session -> new ActiveSession(session.getId(), session.getCreationTime(), session.getLastAccessedTime(),
					Objects.requireNonNullElse(session.<String>getAttribute(ADDRESS), "unknown"),
					Objects.requireNonNullElse(session.<String>getAttribute(USER_AGENT), "unknown")))
			.sorted(Comparator.comparing(ActiveSession::lastAccessedAt).reversed())
			.toList();
	}

	/** Only the owner's sessions can be ended this way: the id is checked against the user's own list. */
	boolean end(UserId user, String sessionId) {
		if (!repository.findByPrincipalName(user.toString()).containsKey(sessionId)) {
			return false;
		}
		repository.deleteById(sessionId);
		return true;
	}

	void endAllExcept(UserId user, @Nullable String keep) {
		for (var id : repository.findByPrincipalName(user.toString()).keySet()) {
			if (!id.equals(keep)) {
				repository.deleteById(id);
			}
		}
	}
}
