package dev.woes.shared.web;

import java.io.IOException;

import dev.woes.shared.ErrorResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat refuses some requests before any application code runs (an encoded NUL or slash
 * in the path, a malformed request line). This valve answers those in the contract's JSON
 * shape instead of Tomcat's HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable failure) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.resetBuffer();
			boolean clientError = status < 500;
			ErrorResponse.write(response.getResponse(), status,
					clientError ? ((status == 404) ? ErrorResponse.NOT_FOUND : ErrorResponse.INVALID_REQUEST)
							: ErrorResponse.INTERNAL_ERROR,
					clientError ? "The request is malformed." : ErrorResponse.UNEXPECTED);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the answer already started; nothing more can be
			// said.
		}
	}

}
