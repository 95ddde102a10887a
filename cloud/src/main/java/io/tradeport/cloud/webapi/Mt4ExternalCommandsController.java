package io.tradeport.cloud.webapi;

import java.nio.charset.StandardCharsets;

import com.google.protobuf.ByteString;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.tradeport.cloud.platforms.PlatformConnections;
import io.tradeport.gateway.v1.ExternalCommandRequest;
import io.tradeport.gateway.v1.ServerAdminGrpc;

/**
 * {@code MT4 v2 :: Plugins} ({@code ExternalCommandJSON}) and {@code Sidecar - ExternalCommand}
 * ({@code ExternalCommandBinary}): a payload passed to the server's plugins as it is, the first plugin's answer
 * passed back. A server without plugins that take commands refuses (the built-in one: 2 ERROR), passed on as
 * {@code MT4Error}.
 */
@RestController
class Mt4ExternalCommandsController {

	record MT4ExternalCommandBinaryRequest(byte @Nullable [] data) {
	}

	record MT4ExternalCommandBinaryResponse(byte @Nullable [] data) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PlatformConnections connections;

	Mt4ExternalCommandsController(PlatformConnections connections) {
		this.connections = connections;
	}

	/**
	 * The body goes to the plugin verbatim (it only has to be JSON), and the plugin's answer comes back as the
	 * payload; an answer that is not JSON comes back as a JSON string of its text.
	 */
	@PostMapping("/api/v2/MT4/{tradePlatform}/ExternalCommandJSON")
	ApiResponse<JsonNode> externalCommandJson(CalledPlatform platform, @RequestBody String body) {
		try {
			JSON.readTree(body);
		}
		catch (JacksonException notJson) {
			throw ApiException.validation("The request body must be JSON");
		}
		var reply = connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel)
			.externalCommand(ExternalCommandRequest.newBuilder().setData(ByteString.copyFromUtf8(body)).setJson(true).build()));
		var answer = reply.getData().toString(StandardCharsets.UTF_8);
		try {
			return ApiResponse.ok(JSON.readTree(answer));
		}
		catch (JacksonException notJson) {
			return ApiResponse.ok(JSON.getNodeFactory().stringNode(answer));
		}
	}

	/** Base64 both ways, as JSON carries bytes. */
	@PostMapping("/api/v2/MT4/{tradePlatform}/ExternalCommandBinary")
	ApiResponse<MT4ExternalCommandBinaryResponse> externalCommandBinary(CalledPlatform platform,
			@RequestBody MT4ExternalCommandBinaryRequest body) {
		if (body.data() == null || body.data().length == 0) {
			throw ApiException.validation("data must be a non-empty base64 payload");
		}
		var reply = connections.call(platform.id(), channel -> ServerAdminGrpc.newBlockingStub(channel)
			.externalCommand(ExternalCommandRequest.newBuilder().setData(ByteString.copyFrom(body.data())).build()));
		return ApiResponse.ok(new MT4ExternalCommandBinaryResponse(reply.getData().toByteArray()));
	}
}
