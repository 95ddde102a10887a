package io.tradeport.cloud.webapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.organizations.Permission;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatform;
import io.tradeport.cloud.platforms.TradePlatformChanged;
import io.tradeport.cloud.platforms.TradePlatforms;

/**
 * Which platforms a caller may use: an API client those of its organization it is allowed for; a user those of
 * their organizations where they may use the WebAPI (on that platform). Anything else, including platforms of
 * other organizations, is {@code Forbidden}, indistinguishable from a platform that does not exist.
 */
@Component
class PlatformAccess {

	private static final Duration CACHED = Duration.ofSeconds(5);

	private record Cached(List<TradePlatform> platforms, Instant at) {
	}

	private final ConcurrentHashMap<String, Cached> usableByCaller = new ConcurrentHashMap<>();
	private final Clock clock;
	private final TradePlatforms platforms;
	private final Organizations organizations;
	private final Callers callers;

	PlatformAccess(TradePlatforms platforms, Organizations organizations, Callers callers, Clock clock) {
		this.clock = clock;
		this.platforms = platforms;
		this.organizations = organizations;
		this.callers = callers;
	}

	/**
	 * Kept for {@link #CACHED} per caller, so that a read from the pumping cache needs no database query. A changed
	 * platform clears it at once; a revoked permission or client platform limit applies within that time, as a
	 * disabled client does in {@link Callers}.
	 */
	List<TradePlatform> usable(ApiCaller caller) {
		var key = caller.isClient() ? "client:" + caller.clientId() : "user:" + caller.user();
		var now = clock.instant();
		var cached = usableByCaller.get(key);
		if (cached == null || cached.at().plus(CACHED).isBefore(now)) {
			cached = new Cached(lookUpUsable(caller), now);
			usableByCaller.put(key, cached);
		}
		return cached.platforms();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TradePlatformChanged changed) {
		usableByCaller.clear();
	}

	private List<TradePlatform> lookUpUsable(ApiCaller caller) {
		if (caller.isClient()) {
			var client = callers.activeClient(caller.clientId()).orElseThrow(() -> ApiException.forbidden("This API client is disabled"));
			return platforms.ofOrganization(caller.clientOrganization()).stream().filter(p -> client.mayUse(p.id().value())).toList();
		}
		return organizations.membershipsOf(caller.user()).stream()
			.filter(membership -> membership.allows(Permission.USE_WEBAPI))
			.flatMap(membership -> platforms.ofOrganization(membership.organizationId()).stream()
				.filter(platform -> membership.allows(Permission.USE_WEBAPI, platform.id().value())))
			.toList();
	}

	/**
	 * The platform named in the path, if the caller may use it as the given type for an operation of the given scope:
	 * an API client needs the scope itself; a user needs "Manage trade platforms" in the platform's organization for
	 * {@link OperationScope#ADMIN} operations (reads and trading come with "Use the WebAPI").
	 */
	TradePlatform require(ApiCaller caller, String tradePlatform, PlatformType type, OperationScope scope) {
		if (caller.isClient() && !caller.scopes().contains(scope.code())) {
			throw ApiException.forbidden("This operation needs the \"" + scope.code() + "\" scope");
		}
		UUID id;
		try {
			id = UUID.fromString(tradePlatform);
		}
		catch (IllegalArgumentException notAGuid) {
			throw ApiException.validation("tradePlatform must be a GUID");
		}
		var platform = usable(caller).stream().filter(allowed -> allowed.id().value().equals(id)).findFirst()
			.orElseThrow(() -> ApiException.forbidden("The trade platform " + tradePlatform + " is not available to this caller"));
		if (!caller.isClient() && scope == OperationScope.ADMIN && organizations.membership(caller.user(), platform.organizationId())
			.filter(membership -> membership.allows(Permission.MANAGE_PLATFORMS)).isEmpty()) {
			throw ApiException.forbidden("This operation needs the \"Manage trade platforms\" permission");
		}
		if (platform.type() != type) {
			throw ApiException.validation("The trade platform " + tradePlatform + " is an " + platform.type() + " platform");
		}
		return platform;
	}
}
