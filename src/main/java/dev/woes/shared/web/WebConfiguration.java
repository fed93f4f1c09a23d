package dev.woes.shared.web;

import java.util.List;

import org.apache.catalina.core.StandardHost;

import org.springframework.beans.factory.config.BeanPostProcessor;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<JsonOnlyApi> jsonOnlyApi() {
		FilterRegistrationBean<JsonOnlyApi> registration = new FilterRegistrationBean<>(new JsonOnlyApi());
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorPages() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
		});
	}

	/**
	 * Answers given as a {@code ResponseEntity} leave in one write (see
	 * {@link OneWriteEntities}).
	 */
	@Bean
	static BeanPostProcessor oneWriteEntities() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getReturnValueHandlers() != null) {
					adapter.setReturnValueHandlers(OneWriteEntities.around(adapter.getReturnValueHandlers()));
				}
				return bean;
			}
		};
	}

	/**
	 * Errors answered by exception handlers too.
	 */
	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		for (HandlerExceptionResolver resolver : resolvers) {
			if (resolver instanceof ExceptionHandlerExceptionResolver handlers
					&& handlers.getReturnValueHandlers() != null) {
				handlers
					.setReturnValueHandlers(OneWriteEntities.around(handlers.getReturnValueHandlers().getHandlers()));
			}
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new StrictQueryParameters()).addPathPatterns("/api/**");
	}

}
