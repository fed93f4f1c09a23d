package dev.woes.auth;

import dev.woes.shared.StartupRefused;

/**
 * {@code WOES_BOOTSTRAP_API_KEY} is set to something that is not an API key; the server
 * refuses to start rather than run without the key its operator expects.
 */
class InvalidBootstrapKey extends StartupRefused {

	InvalidBootstrapKey() {
		super("WOES_BOOTSTRAP_API_KEY is not a well-formed API key: it must be 'woesk_' followed by at least 43 letters and digits.",
				"Unset WOES_BOOTSTRAP_API_KEY, or set it to a key such as one printed by 'java -jar target/woes.jar keys create'.");
	}

}
