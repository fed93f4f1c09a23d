package dev.woes.shared.web;

import dev.woes.shared.ErrorResponse;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers failures that happen outside any controller (the servlet container's own 400s
 * and 404s, a filter that threw) in the same {@code {code, error}} shape, never a stack
 * trace.
 */
@Hidden
@RestController
class JsonErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ErrorResponse> error(HttpServletRequest request) {
		Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (attribute instanceof Integer code) ? code : 500;
		ErrorResponse body = switch (status) {
			case 400, 413, 414, 431 -> new ErrorResponse(ErrorResponse.INVALID_REQUEST, "The request is malformed.");
			case 401 -> new ErrorResponse(ErrorResponse.UNAUTHORIZED, "A valid workspace API key is required.");
			case 404, 405 -> new ErrorResponse(ErrorResponse.NOT_FOUND, ErrorResponse.NO_SUCH_ROUTE);
			default -> new ErrorResponse(ErrorResponse.INTERNAL_ERROR, ErrorResponse.UNEXPECTED);
		};
		HttpStatus answer = switch (status) {
			case 405 -> HttpStatus.NOT_FOUND;
			case 400, 401, 404, 413, 414, 431 -> HttpStatus.valueOf(status);
			default -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
		return ResponseEntity.status(answer).body(body);
	}

}
