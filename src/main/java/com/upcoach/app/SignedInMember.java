package com.upcoach.app;

import java.util.List;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.security.CurrentUser;
import com.upcoach.shared.UserId;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands the app's controllers the signed-in member as a plain {@link UserId} parameter.
 * The security chain lets no one unsigned into the app, so there always is one.
 */
@Configuration(proxyBeanMethods = false)
class SignedInMember implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == UserId.class && !parameter.hasParameterAnnotations()
				&& parameter.getContainingClass().getPackageName().equals(SignedInMember.class.getPackageName());
	}

	@Override
	public UserId resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		return CurrentUser.idOf(SecurityContextHolder.getContext().getAuthentication())
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in first"));
	}

}
