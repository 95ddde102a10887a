package io.tradeport.cloud.runtime;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MissingProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSettingsException cause) {
		var list = cause.problems().stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
		return new FailureAnalysis("Tradeport refuses to start in production mode:\n" + list,
				"Set the listed environment variables (see README, \"Production configuration\"),"
						+ " or run without SPRING_PROFILES_ACTIVE=production to use the embedded defaults.",
				cause);
	}
}
