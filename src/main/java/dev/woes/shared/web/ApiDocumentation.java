package dev.woes.shared.web;

import java.util.Map;

import dev.woes.shared.ErrorResponse;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The served OpenAPI document ({@code /openapi.json}, browsable at {@code /docs}): the
 * Bearer key scheme and the {@code {code, error}} answers every route can give.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String ERROR_SCHEMA = "#/components/schemas/ErrorResponse";

	private static final Map<String, String> ERRORS = Map.of("400",
			"invalid_request: malformed JSON, unknown field, wrong type, out-of-range value or bad query parameter",
			"401", "unauthorized (missing, unknown or revoked key) or key_expired", "403",
			"insufficient_scope: the key lacks the route's scope", "404",
			"not_found: no such record in the key's workspace, or no such route", "500",
			"internal_error: never a stack trace");

	@Bean
	OpenAPI woesOpenApi() {
		Components components = new Components().addSecuritySchemes("workspaceApiKey",
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A workspace API key: woesk_ followed by 43 letters and digits."));
		return new OpenAPI()
			.info(new Info().title("Woes API")
				.version("v1")
				.description("Conversations and messages of a support workspace. Every call sees only the "
						+ "workspace of its API key."))
			.addServersItem(new Server().url("/"))
			.components(components)
			.addSecurityItem(new SecurityRequirement().addList("workspaceApiKey"));
	}

	@Bean
	OpenApiCustomizer errorAnswers() {
		return (openApi) -> {
			ModelConverters.getInstance().read(ErrorResponse.class).forEach(openApi.getComponents()::addSchemas);
			openApi.getPaths()
				.values()
				.forEach(
						(path) -> path.readOperations()
							.forEach(
									(operation) -> ERRORS.forEach((status, description) -> operation.getResponses()
										.computeIfAbsent(status, (missing) -> new ApiResponse().description(description)
											.content(new Content().addMediaType("application/json",
													new MediaType().schema(new Schema<>().$ref(ERROR_SCHEMA))))))));
		};
	}

}
