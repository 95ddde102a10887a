package io.tradeport.cloud.webapi;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.cloud.platforms.PlatformPumps;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.LoginRef;
import io.tradeport.gateway.v1.User;

/** {@code MT4 v2 :: Users}: a user record from the pumping cache ({@code Get}) or from the server ({@code Request}). */
@RestController
class Mt4UsersController {

	/** The contract's MT4User: field names and types as the SDK expects them. */
	record MT4User(int login, String group, String name, @Nullable Instant registrationDate, @Nullable Instant lastDate,
			String externalId, String status, String country, String city, String state, String zipCode, String address,
			String leadSource, String phone, String email, String comment, int leverage, int agentAccount, int lastIP,
			double balance, double credit, double prevMonthBalance, double prevBalance, double prevMonthEquity,
			double prevEquity, double interestRate, double taxes, int enableFlags, int sendReports, long mqid, int userColor) {

		static MT4User of(User user) {
			var flags = (user.getEnable() ? 0x01 : 0) | (user.getEnableChangePassword() ? 0x02 : 0) | (user.getEnableReadOnly() ? 0x04 : 0);
			return new MT4User(user.getLogin(), user.getGroup(), user.getName(), instant(user.getRegistrationTime()),
					instant(user.getLastTime()), user.getExternalId(), user.getStatus(), user.getCountry(), user.getCity(),
					user.getState(), user.getZipCode(), user.getAddress(), user.getLeadSource(), user.getPhone(), user.getEmail(),
					user.getComment(), user.getLeverage(), user.getAgentAccount(), 0, user.getBalance(), user.getCredit(),
					user.getPrevMonthBalance(), user.getPrevBalance(), user.getPrevMonthEquity(), user.getPrevEquity(),
					user.getInterestRate(), user.getTaxes(), flags, user.getSendReports() ? 1 : 0, user.getMqid(), user.getUserColor());
		}

		private static @Nullable Instant instant(long epochMillis) {
			return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
		}
	}

	private final PlatformPumps pumps;
	private final PlatformConnections connections;

	Mt4UsersController(PlatformPumps pumps, PlatformConnections connections) {
		this.pumps = pumps;
		this.connections = connections;
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/UserRecordGet/{login}")
	ApiResponse<MT4User> userRecordGet(CalledPlatform platform, @PathVariable int login) {
		requirePositive(login);
		var user = pumps.cache(platform.id()).user(login)
			.orElseThrow(() -> new ApiException(ApiResponse.Code.NotFound, HttpStatus.NOT_FOUND, "No account " + login, null));
		return ApiResponse.ok(MT4User.of(user));
	}

	@GetMapping("/api/v2/MT4/{tradePlatform}/UserRecordRequest/{login}")
	ApiResponse<MT4User> userRecordRequest(CalledPlatform platform, @PathVariable int login) {
		requirePositive(login);
		var user = connections.call(platform.id(), channel -> AccountsGrpc.newBlockingStub(channel)
			.getUser(LoginRef.newBuilder().setLogin(login).build()));
		return ApiResponse.ok(MT4User.of(user));
	}

	static void requirePositive(int login) {
		if (login <= 0) {
			throw ApiException.validation("login must be a positive number");
		}
	}
}
