package dev.woes.shared.web;

import java.util.List;
import java.util.stream.Collectors;

import dev.woes.shared.ErrorResponse;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.RecordConflict;
import dev.woes.shared.RecordNotFound;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become the contract's {@code {code, error}} answers.
 * Controllers never catch; domain exceptions are named after the failure and mapped here.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(RecordNotFound.class)
	ResponseEntity<ErrorResponse> notFound(RecordNotFound failure) {
		return answer(HttpStatus.NOT_FOUND, ErrorResponse.NOT_FOUND, failure.getMessage());
	}

	@ExceptionHandler(RecordConflict.class)
	ResponseEntity<ErrorResponse> conflict(RecordConflict failure) {
		return answer(HttpStatus.CONFLICT, ErrorResponse.CONFLICT, failure.getMessage());
	}

	@ExceptionHandler(InvalidRequest.class)
	ResponseEntity<ErrorResponse> invalid(InvalidRequest failure) {
		return invalidRequest(failure.getMessage());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ErrorResponse> invalidFields(MethodArgumentNotValidException failure) {
		String sentence = failure.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.distinct()
			.collect(Collectors.joining("; "));
		return invalidRequest(sentence.isEmpty() ? "The request body is invalid." : sentence + ".");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException failure) {
		return invalidRequest(describe(failure.getCause()));
	}

	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ErrorResponse> undecodableParameter(InvalidParameterException failure) {
		return invalidRequest("A query parameter could not be decoded; percent-encode it as UTF-8.");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorResponse> notJson(HttpMediaTypeNotSupportedException failure) {
		return invalidRequest("The request body must be JSON, sent with Content-Type: application/json.");
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class,
			HttpRequestMethodNotSupportedException.class })
	ResponseEntity<ErrorResponse> noRoute(Exception failure) {
		return answer(HttpStatus.NOT_FOUND, ErrorResponse.NOT_FOUND, ErrorResponse.NO_SUCH_ROUTE);
	}

	/**
	 * The client closed the connection before the answer was written: nobody is left to
	 * answer, and it is not the server's failure.
	 */
	@ExceptionHandler({ AsyncRequestNotUsableException.class, ClientAbortException.class })
	void clientGone(Exception failure) {
		log.debug("The client went away before the answer was written: {}", failure.toString());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ErrorResponse> unexpected(Exception failure) {
		log.error("Unexpected failure while handling a request", failure);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, ErrorResponse.INTERNAL_ERROR, ErrorResponse.UNEXPECTED);
	}

	private static ResponseEntity<ErrorResponse> invalidRequest(String sentence) {
		return answer(HttpStatus.BAD_REQUEST, ErrorResponse.INVALID_REQUEST, sentence);
	}

	private static ResponseEntity<ErrorResponse> answer(HttpStatus status, String code, String sentence) {
		return ResponseEntity.status(status).body(new ErrorResponse(code, sentence));
	}

	/**
	 * Turns a JSON reading failure into a sentence that names the field, without echoing
	 * parser internals.
	 */
	static String describe(Throwable cause) {
		if (cause == null) {
			return "A JSON request body is required.";
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "Unknown field: " + path(unknown.getPath()) + ".";
		}
		if (cause instanceof InvalidNullException nullValue) {
			return path(nullValue.getPath()) + " must not be null.";
		}
		if (cause instanceof MismatchedInputException mismatch) {
			String field = path(mismatch.getPath());
			if (field.isEmpty()) {
				return "The request body must be a JSON object.";
			}
			return field + " must be " + kind(mismatch.getTargetType()) + ".";
		}
		if (cause instanceof StreamReadException) {
			return "The request body is not valid JSON.";
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return path(jackson.getPath()) + " is invalid.";
		}
		return "The request body is not valid JSON.";
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder out = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				out.append('[').append(reference.getIndex()).append(']');
			}
		}
		return out.toString();
	}

	private static String kind(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == String.class) {
			return "a string";
		}
		if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "a boolean";
		}
		if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		return "an object";
	}

}
