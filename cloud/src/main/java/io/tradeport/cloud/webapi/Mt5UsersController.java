package io.tradeport.cloud.webapi;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.User;

/** {@code MT5 v2 :: Users}: a user from the pumping cache ({@code UserGet}), changed on the server ({@code UserRecord}). */
@RestController
class Mt5UsersController {

	/**
	 * The contract's MT5User. What the gateway's user record does not carry (company, document id, language, the
	 * separate name parts, lead campaign, CRM id, last IP and password change, commission totals) is null or 0, as
	 * for a record that never had it. {@code rights} is one value, not a set: {@code None} for a disabled account,
	 * {@code TradeDisabled} for an enabled read-only one, {@code Enabled} otherwise.
	 */
	record MT5User(long login, @Nullable String group, @Nullable String name, @Nullable String company, @Nullable String country,
			@Nullable String city, @Nullable String state, @Nullable String zipCode, @Nullable String phone, @Nullable String eMail,
			@Nullable String comment, int color, int leverage, @Nullable String account, int language, @Nullable String address,
			@Nullable String id, @Nullable String status, long agent, @Nullable String leadCampaign, @Nullable String leadSource,
			long clientID, @Nullable String firstName, @Nullable String lastName, @Nullable String middleName, String rights,
			long certSerialNumber, @Nullable Instant registration, @Nullable Instant lastAccess, @Nullable Instant lastPassChange,
			@Nullable String lastIP, double balance, double credit, double interestRate, double commissionDaily, double commissionMonthly,
			double commissionAgentDaily, double commissionAgentMonthly, double balancePrevDay, double balancePrevMonth,
			double equityPrevDay, double equityPrevMonth) {

		static MT5User of(User u) {
			return new MT5User(u.getLogin(), u.getGroup(), u.getName(), null, u.getCountry(),
					u.getCity(), u.getState(), u.getZipCode(), u.getPhone(), u.getEmail(),
					u.getComment(), u.getUserColor(), u.getLeverage(), u.getExternalId(), 0, u.getAddress(),
					null, u.getStatus(), u.getAgentAccount(), null, u.getLeadSource(),
					0, null, null, null, rights(u),
					0, instant(u.getRegistrationTime()), instant(u.getLastTime()), null,
					null, u.getBalance(), u.getCredit(), u.getInterestRate(), 0, 0,
					0, 0, u.getPrevBalance(), u.getPrevMonthBalance(),
					u.getPrevEquity(), u.getPrevMonthEquity());
		}

		private static String rights(User user) {
			if (!user.getEnable()) {
				return "None";
			}
			return user.getEnableReadOnly() ? "TradeDisabled" : "Enabled";
		}

		private static @Nullable Instant instant(long epochMillis) {
			return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
		}
	}

	/** What the gateway's user record keeps and {@code UpdateUser} changes; balance and credit change only by deals. */
	private static final Set<String> WRITABLE = Set.of("group", "name", "country", "city", "state", "zipCode", "phone", "eMail",
			"comment", "leverage", "account", "address", "status", "agent", "leadSource", "rights");

	private final PlatformPumps pumps;
	private final PlatformConnections connections;

	Mt5UsersController(PlatformPumps pumps, PlatformConnections connections) {
		this.pumps = pumps;
		this.connections = connections;
	}

	@GetMapping("/api/v2/MT5/{tradePlatform}/UserGet/{login}")
	ApiResponse<MT5User> userGet(CalledPlatform platform, @PathVariable long login) {
		var user = pumps.cache(platform.id()).user(login(login)).orElseThrow(() -> noUser(login));
		return ApiResponse.ok(MT5User.of(user));
	}

	/** Read and written on the server, so the patch applies to the record as it is there, not as the cache last saw it. */
	@PatchMapping("/api/v2/MT5/{tradePlatform}/UserRecord/{login}")
	ApiResponse<MT5User> userRecord(CalledPlatform platform, @PathVariable long login, @RequestBody JsonNode patch) {
		var ref = LoginRef.newBuilder().setLogin(login(login)).build();
		var current = connections.call(platform.id(), channel -> GatewayLookups.unlessNotFound(() -> AccountsGrpc.newBlockingStub(channel)
			.getUser(ref))).orElseThrow(() -> noUser(login));
		var changes = MergePatch.of(patch, MT5User.of(current), WRITABLE);
		if (changes.isEmpty()) {
			return ApiResponse.ok(MT5User.of(current));
		}
		var updated = apply(changes, current.toBuilder()).build();
		var stored = connections.call(platform.id(), channel -> AccountsGrpc.newBlockingStub(channel).updateUser(updated));
		return ApiResponse.ok(MT5User.of(stored));
	}

	private static User.Builder apply(MergePatch changes, User.Builder user) {
		if (changes.changes("group")) {
			user.setGroup(nonBlank("group", changes.text("group", 64)));
		}
		if (changes.changes("name")) {
			user.setName(changes.text("name", 128));
		}
		if (changes.changes("country")) {
			user.setCountry(changes.text("country", 32));
		}
		if (changes.changes("city")) {
			user.setCity(changes.text("city", 32));
		}
		if (changes.changes("state")) {
			user.setState(changes.text("state", 32));
		}
		if (changes.changes("zipCode")) {
			user.setZipCode(changes.text("zipCode", 16));
		}
		if (changes.changes("phone")) {
			user.setPhone(changes.text("phone", 32));
		}
		if (changes.changes("eMail")) {
			user.setEmail(changes.text("eMail", 64));
		}
		if (changes.changes("comment")) {
			user.setComment(changes.text("comment", 64));
		}
		if (changes.changes("leverage")) {
			user.setLeverage(changes.integer("leverage", 1, 10_000));
		}
		if (changes.changes("account")) {
			user.setExternalId(changes.text("account", 32));
		}
		if (changes.changes("address")) {
			user.setAddress(changes.text("address", 128));
		}
		if (changes.changes("status")) {
			user.setStatus(changes.text("status", 16));
		}
		if (changes.changes("agent")) {
			user.setAgentAccount(changes.integer("agent", 0, Integer.MAX_VALUE));
		}
		if (changes.changes("leadSource")) {
			user.setLeadSource(changes.text("leadSource", 32));
		}
		if (changes.changes("rights")) {
			switch (changes.oneOf("rights", Set.of("None", "Enabled", "TradeDisabled"))) {
				case "None" -> user.setEnable(false);
				case "TradeDisabled" -> user.setEnable(true).setEnableReadOnly(true);
				default -> user.setEnable(true).setEnableReadOnly(false);
			}
		}
		return user;
	}

	private static String nonBlank(String field, String value) {
		if (value.isBlank()) {
			throw ApiException.validation(field + " must not be empty");
		}
		return value;
	}

	/** MT5 logins are 64-bit; the gateway's, as MT4's, fit in 32 bits. */
	static int login(long login) {
		if (login <= 0 || login > Integer.MAX_VALUE) {
			throw ApiException.validation("login must be a positive number up to " + Integer.MAX_VALUE);
		}
		return (int) login;
	}

	private static ApiException noUser(long login) {
		return new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No account " + login, null);
	}
}
