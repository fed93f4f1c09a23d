package dev.woes.idempotency.web;

import java.util.Arrays;

import dev.woes.idempotency.Idempotency;
import dev.woes.idempotency.IdempotencyKey;
import dev.woes.shared.ApiFilterOrder;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

@Configuration(proxyBeanMethods = false)
class IdempotencyWebConfiguration {

	@Bean
	FilterRegistrationBean<IdempotentWrites> idempotentWrites(Idempotency idempotency,
			PlatformTransactionManager transactions) {
		FilterRegistrationBean<IdempotentWrites> registration = new FilterRegistrationBean<>(
				new IdempotentWrites(idempotency, transactions));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(ApiFilterOrder.IDEMPOTENCY);
		return registration;
	}

	/**
	 * Documents the header on every POST, PATCH and PUT operation, as the filter honours
	 * it on every such route.
	 */
	@Bean
	OperationCustomizer idempotencyKeyHeader() {
		return (operation, handler) -> {
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
					RequestMapping.class);
			if (mapping != null && Arrays.stream(mapping.method())
				.anyMatch((method) -> method == RequestMethod.POST || method == RequestMethod.PATCH
						|| method == RequestMethod.PUT)) {
				operation.addParametersItem(new HeaderParameter().name(IdempotencyKey.HEADER)
					.required(false)
					.description("1-255 visible ASCII characters. The first 2xx answer is stored and replayed "
							+ "(with Idempotent-Replayed: true) to retries with the same key, method, path and body.")
					.schema(new StringSchema().minLength(1).maxLength(IdempotencyKey.MAX_LENGTH)));
			}
			return operation;
		};
	}

}
