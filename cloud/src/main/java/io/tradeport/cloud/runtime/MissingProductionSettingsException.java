package io.tradeport.cloud.runtime;

import java.util.List;

class MissingProductionSettingsException extends RuntimeException {

	private final List<String> problems;

	MissingProductionSettingsException(List<String> problems) {
		super("Tradeport cannot start in production mode: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return problems;
	}
}
