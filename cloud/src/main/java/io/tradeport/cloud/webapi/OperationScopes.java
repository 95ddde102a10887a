package io.tradeport.cloud.webapi;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Every contract operation's {@link OperationScope}, read once from the contract's methods and tags. */
@Component
class OperationScopes {

	private final Map<String, OperationScope> byOperation = new HashMap<>();

	OperationScopes(WebApiContract contract) {
		var paths = contract.paths();
		for (var path : paths.propertyNames()) {
			var item = paths.get(path);
			for (var method : item.propertyNames()) {
				var tags = item.get(method).path("tags");
				var tag = tags.isArray() && !tags.isEmpty() ? tags.get(0).asString() : "";
				byOperation.put(key(method, path), OperationScope.of(method, tag));
			}
		}
	}

	/** The operation's scope; a path outside the contract (our own additions) is judged by its method alone. */
	OperationScope of(String method, String pathPattern) {
		return byOperation.getOrDefault(key(method, pathPattern), OperationScope.of(method, ""));
	}

	private static String key(String method, String path) {
		return method.toUpperCase() + " " + path;
	}
}
