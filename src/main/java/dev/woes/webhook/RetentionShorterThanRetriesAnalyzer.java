package dev.woes.webhook;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an event retention shorter than the webhook retry period as one clear sentence
 * instead of a stack trace.
 */
class RetentionShorterThanRetriesAnalyzer extends AbstractFailureAnalyzer<RetentionShorterThanRetries> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RetentionShorterThanRetries cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set WOES_EVENTS_RETENTION to at least WOES_WEBHOOKS_RETRY_FOR, or shorten WOES_WEBHOOKS_RETRY_FOR.",
				cause);
	}

}
