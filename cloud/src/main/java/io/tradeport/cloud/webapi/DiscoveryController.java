package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.organizations.OrganizationId;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.TradePlatform;
import io.tradeport.gateway.v1.ManagerSessionGrpc;
import io.tradeport.gateway.v1.PingRequest;

/** What a caller may use: {@code /api/TradePlatforms} and {@code /api/Organizations} (plain JSON arrays, no envelope). */
@RestController
class DiscoveryController {

	record OrganizationView(UUID id, String name, @Nullable Instant created) {
	}

	record PlatformView(UUID id, String name, String type, @Nullable Long login, UUID organizationId,
			OrganizationView organization, Instant created) {
	}

	private final Callers callers;
	private final PlatformAccess access;
	private final Organizations organizations;
	private final PlatformConnections connections;

	DiscoveryController(Callers callers, PlatformAccess access, Organizations organizations, PlatformConnections connections) {
		this.callers = callers;
		this.access = access;
		this.organizations = organizations;
		this.connections = connections;
	}

	@GetMapping("/api/TradePlatforms")
	List<PlatformView> platforms(Authentication authentication) {
		var caller = callers.of(authentication);
		var names = new LinkedHashMap<OrganizationId, OrganizationView>();
		return access.usable(caller).stream().map(platform -> view(platform, names.computeIfAbsent(platform.organizationId(),
				id -> new OrganizationView(id.value(), organizations.name(id).orElse(""), null)))).toList();
	}

	/** Who the token speaks for: a quick check of a token for API developers, and the baseline of bench/webapi. */
	record CallerView(@Nullable String clientId, @Nullable UUID organizationId, @Nullable String userId, List<String> scopes) {
	}

	@GetMapping("/api/Me")
	ApiResponse<CallerView> me(Authentication authentication) {
		var caller = callers.of(authentication);
		return ApiResponse.ok(new CallerView(caller.clientId(), caller.clientOrganization() == null ? null : caller.clientOrganization().value(),
				caller.user() == null ? null : caller.user().toString(), caller.scopes().stream().sorted().toList()));
	}

	@GetMapping("/api/Organizations")
	List<OrganizationView> organizations(Authentication authentication) {
		var caller = callers.of(authentication);
		if (caller.isClient()) {
			var id = caller.clientOrganization();
			return List.of(new OrganizationView(id.value(), organizations.name(id).orElse(""), null));
		}
		return organizations.membershipsOf(caller.user()).stream()
			.map(m -> new OrganizationView(m.organizationId().value(), m.organizationName(), null))
			.toList();
	}

	/** Whether the platform's trade server answers now, and how fast. */
	@GetMapping("/api/TradePlatforms/{tradePlatform}/Ping")
	ApiResponse<Map<String, Object>> ping(@PathVariable String tradePlatform, Authentication authentication, HttpServletRequest request) {
		var caller = callers.of(authentication);
		var platform = access.usable(caller).stream().filter(p -> p.id().value().toString().equals(tradePlatform)).findFirst()
			.orElseThrow(() -> ApiException.forbidden("The trade platform " + tradePlatform + " is not available to this caller"));
		var started = System.nanoTime();
		connections.call(platform.id(), channel -> ManagerSessionGrpc.newBlockingStub(channel)
			.ping(PingRequest.getDefaultInstance()));
		return ApiResponse.ok(Map.of("connected", true, "latencyMs", (System.nanoTime() - started) / 1_000_000), ActivityId.of(request));
	}

	private static PlatformView view(TradePlatform platform, OrganizationView organization) {
		return new PlatformView(platform.id().value(), platform.name(), platform.type().name(), platform.managerLogin(),
				platform.organizationId().value(), organization, platform.createdAt());
	}
}
