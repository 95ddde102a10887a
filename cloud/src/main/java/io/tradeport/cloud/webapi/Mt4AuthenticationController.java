package io.tradeport.cloud.webapi;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.AccountsGrpc;
import io.tradeport.gateway.v1.CheckPasswordRequest;
import io.tradeport.gateway.v1.SetPasswordRequest;

/**
 * {@code MT4 v2 :: Authentication}: an account's password checked or set on the server. The body is the password
 * as a JSON string; it is never answered, logged or stored here.
 */
@RestController
class Mt4AuthenticationController {

	/** Longer than any MT4 password; only bounds what is sent on. */
	private static final int MAX_PASSWORD = 64;

	private final PlatformConnections connections;

	Mt4AuthenticationController(PlatformConnections connections) {
		this.connections = connections;
	}

	/**
	 * True when the password is the account's (master) password. Otherwise, as the contract has it, an
	 * {@code MT4Error} with {@code BadAccountInfo}, which the SDK raises; the investor password does not count.
	 */
	@PostMapping("/api/v2/MT4/{tradePlatform}/UserPasswordCheck/{login}")
	ApiResponse<Boolean> userPasswordCheck(CalledPlatform platform, @PathVariable int login, @RequestBody JsonNode body) {
		Mt4UsersController.requirePositive(login);
		var password = password(body);
		var answer = connections.call(platform.id(), channel -> AccountsGrpc.newBlockingStub(channel)
			.checkPassword(CheckPasswordRequest.newBuilder().setLogin(login).setPassword(password).build()));
		if (!answer.getValid() || answer.getInvestor()) {
			throw new ApiException(ApiResponse.Code.MT4Error, HttpStatus.BAD_REQUEST,
					answer.getInvestor() ? "That is the account's investor (read-only) password, not its password"
							: "The password does not match", ResultCodes.of("BAD_ACCOUNT_INFO", 65));
		}
		return ApiResponse.ok(true);
	}

	/** {@code cleanPubkey} is refused: the gateway has no public keys of accounts to reset. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/UserPasswordSet/{login}")
	ApiResponse<Boolean> userPasswordSet(CalledPlatform platform, @PathVariable int login, @RequestBody JsonNode body,
			@RequestParam(defaultValue = "false") boolean changeInvestor, @RequestParam(defaultValue = "false") boolean cleanPubkey) {
		Mt4UsersController.requirePositive(login);
		var password = password(body);
		if (cleanPubkey) {
			throw ApiException.validation("cleanPubkey is not supported: the gateway keeps no public keys of accounts");
		}
		connections.call(platform.id(), channel -> AccountsGrpc.newBlockingStub(channel)
			.setPassword(SetPasswordRequest.newBuilder().setLogin(login).setPassword(password).setInvestor(changeInvestor).build()));
		return ApiResponse.ok(true);
	}

	private static String password(JsonNode body) {
		if (!body.isString() || body.asString().isEmpty()) {
			throw ApiException.validation("The body is the password as a JSON string, e.g. \"secret123\"");
		}
		var password = body.asString();
		if (password.length() > MAX_PASSWORD) {
			throw ApiException.validation("The password has at most " + MAX_PASSWORD + " characters");
		}
		return password;
	}
}
