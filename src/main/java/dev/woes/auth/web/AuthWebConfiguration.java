package dev.woes.auth.web;

import java.util.List;

import dev.woes.auth.KeyVerifier;
import dev.woes.event.Actor;
import dev.woes.shared.ApiFilterOrder;
import dev.woes.workspace.WorkspaceId;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AuthWebConfiguration implements WebMvcConfigurer {

	static {
		// The caller's workspace is resolved from the key, never sent by the client.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(WorkspaceId.class, Actor.class);
	}

	@Bean
	FilterRegistrationBean<BearerAuthentication> bearerAuthentication(KeyVerifier verifier) {
		FilterRegistrationBean<BearerAuthentication> registration = new FilterRegistrationBean<>(
				new BearerAuthentication(verifier));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(ApiFilterOrder.AUTHENTICATION);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ScopeCheck()).addPathPatterns("/api/**").order(-10);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerWorkspace());
	}

}
