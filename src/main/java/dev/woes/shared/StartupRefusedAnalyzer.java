package dev.woes.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a {@link StartupRefused} as its problem and its action.
 */
class StartupRefusedAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
