package dev.woes.idempotency.web;

import dev.woes.idempotency.Idempotency;
import dev.woes.shared.ApiFilterOrder;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

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

}
