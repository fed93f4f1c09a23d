package dev.woes.limits.web;

import java.time.Duration;

import dev.woes.auth.KeyVerifier;
import dev.woes.limits.RateLimits;
import dev.woes.shared.ApiFilterOrder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class LimitsWebConfiguration {

	@Bean
	FilterRegistrationBean<FailedAuthenticationLimit> failedAuthenticationLimit(RateLimits limits,
			KeyVerifier verifier) {
		return api(new FailedAuthenticationLimit(limits, verifier), ApiFilterOrder.FAILED_AUTHENTICATION_LIMIT);
	}

	@Bean
	FilterRegistrationBean<KeyRateLimit> keyRateLimit(RateLimits limits) {
		return api(new KeyRateLimit(limits), ApiFilterOrder.RATE_LIMIT);
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
			@Value("${woes.limits.max-request-body:1MB}") DataSize maxBody,
			@Value("${woes.limits.request-body-timeout:30s}") Duration bodyTimeout) {
		return api(new RequestBodyLimit(maxBody.toBytes(), bodyTimeout), ApiFilterOrder.BODY_LIMIT);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodyDiscard() {
		return (factory) -> factory.addContextValves(new UnreadBodyDiscard());
	}

	private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> api(F filter, int order) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/api/*");
		registration.setOrder(order);
		return registration;
	}

}
