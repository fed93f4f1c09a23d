package dev.woes.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a malformed bootstrap key as one clear sentence instead of a stack trace.
 */
class InvalidBootstrapKeyAnalyzer extends AbstractFailureAnalyzer<InvalidBootstrapKey> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidBootstrapKey cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Unset WOES_BOOTSTRAP_API_KEY, or set it to a key such as one printed by 'java -jar target/woes.jar keys create'.",
				cause);
	}

}
