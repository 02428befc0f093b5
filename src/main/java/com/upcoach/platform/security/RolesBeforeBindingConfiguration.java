package com.upcoach.platform.security;

import com.upcoach.platform.api.ApiPaths;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RolesBeforeBindingConfiguration implements WebMvcConfigurer {

	private final ApplicationContext context;

	RolesBeforeBindingConfiguration(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// After the rate limiter, which counts refused calls too.
		registry.addInterceptor(new RolesBeforeBinding(this.context)).addPathPatterns(ApiPaths.PREFIX + "**").order(10);
	}

}
