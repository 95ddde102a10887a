package io.tradeport.cloud.webapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The contract, served as is ({@code /api-reference/webapi-v2.json}), and a reference page listing its operations,
 * each marked with whether this version answers it: the mark comes from the application's own handler mappings,
 * so it cannot drift from the code.
 */
@Controller
class ApiReference {

	record Operation(String method, String path, String summary, boolean available) {
	}

	private final byte[] document;
	private final Map<String, List<Operation>> byTag = new LinkedHashMap<>();

	ApiReference(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings, WebApiContract contract) {
		document = contract.document();
		var mapped = new java.util.HashSet<String>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType() != UnknownOperations.class && info.getPathPatternsCondition() != null) {
				for (var pattern : info.getPathPatternsCondition().getPatternValues()) {
					info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method.name() + " " + pattern));
				}
			}
		});
		JsonNode paths = contract.paths();
		for (var path : paths.propertyNames()) {
			var item = paths.get(path);
			for (var method : item.propertyNames()) {
				var operation = item.get(method);
				var tag = operation.has("tags") ? operation.get("tags").get(0).asString() : "Other";
				byTag.computeIfAbsent(tag, key -> new ArrayList<>()).add(new Operation(method.toUpperCase(), path,
						operation.has("summary") ? operation.get("summary").asString() : "", mapped.contains(method.toUpperCase() + " " + path)));
			}
		}
	}

	@GetMapping(value = "/api-reference/webapi-v2.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	byte[] document() {
		return document;
	}

	@GetMapping("/api-reference")
	String page(Model model) {
		model.addAttribute("tags", byTag);
		model.addAttribute("total", byTag.values().stream().mapToLong(List::size).sum());
		model.addAttribute("available", byTag.values().stream().flatMap(List::stream).filter(Operation::available).count());
		return "webapi/reference";
	}
}
