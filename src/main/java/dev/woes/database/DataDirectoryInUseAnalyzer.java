package dev.woes.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DataDirectoryInUseAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUse> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUse cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Stop the other server, or give this one its own WOES_DATA_DIR, or point both at one PostgreSQL with WOES_DATABASE_URL.",
				cause);
	}

}
