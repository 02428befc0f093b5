package com.upcoach.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a controller's {@code @PreAuthorize} before its arguments are bound. Method
 * security runs only once the body is read and validated, so a member calling an admin
 * endpoint with an invalid body would learn the admin's request schema from a 400 instead
 * of getting a 403. Expressions that need the arguments are still checked by method
 * security afterwards; here the arguments are absent.
 */
final class RolesBeforeBinding implements HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

	RolesBeforeBinding(ApplicationContext context) {
		this.preAuthorize.setApplicationContext(context);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			AuthorizationResult result = this.preAuthorize
				.authorize(() -> SecurityContextHolder.getContext().getAuthentication(), new SimpleMethodInvocation(
						method.getBean(), method.getMethod(), new Object[method.getMethodParameters().length]));
			if (result != null && !result.isGranted()) {
				throw new AccessDeniedException("Access denied");
			}
		}
		return true;
	}

}
