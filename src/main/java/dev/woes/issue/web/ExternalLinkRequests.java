package dev.woes.issue.web;

/**
 * The rules external link requests share.
 */
final class ExternalLinkRequests {

	/**
	 * A provider is a lowercase token: {@code linear}, {@code jira}, {@code github},
	 * {@code gitlab}, {@code azure-devops}, ...
	 */
	static final String PROVIDER_PATTERN = "[a-z0-9][a-z0-9._-]{0,39}";

	static final String PROVIDER_RULE = "must be 1-40 lowercase letters, digits, '.', '_' or '-', "
			+ "starting with a letter or digit";

	private ExternalLinkRequests() {
	}

}
