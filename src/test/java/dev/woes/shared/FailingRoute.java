package dev.woes.shared;

import org.apache.catalina.connector.ClientAbortException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A route that fails the way a bug would, so tests can see what a client gets from a 500.
 * It exists only in the test classpath.
 */
@RestController
class FailingRoute {

	static final String PATH = "/test-only/failure";

	static final String CLIENT_GONE = "/test-only/client-gone";

	@GetMapping(PATH)
	String fail() {
		throw new IllegalStateException("SELECT secret FROM api_keys WHERE key_hash = 'deadbeef'");
	}

	@GetMapping(CLIENT_GONE)
	String clientGone() throws ClientAbortException {
		throw new ClientAbortException(new java.io.IOException("Broken pipe"));
	}

}
