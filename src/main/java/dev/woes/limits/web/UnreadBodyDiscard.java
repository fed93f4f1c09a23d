package dev.woes.limits.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After a body was refused as too large (413) or too slow (408), closes the connection
 * without reading the rest of the body. Tomcat would otherwise drain it (up to
 * {@code server.tomcat.max-swallow-size}) at whatever pace the client sends it, which is
 * exactly what a slow client wants.
 */
class UnreadBodyDiscard extends ValveBase {

	UnreadBodyDiscard() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		int status = response.getStatus();
		if (status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
				|| status == HttpServletResponse.SC_REQUEST_TIMEOUT) {
			// The answer goes out first: closing marks the exchange as failed, and an
			// uncommitted answer would then be replaced by a generic error page.
			response.flushBuffer();
			request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}
	}

}
