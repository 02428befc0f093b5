package com.upcoach.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.identity.ClientInfo;
import com.upcoach.identity.PageSessions;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ends a page sign-in whose session has ended elsewhere (signed out from the session
 * list, by a password change or "sign out everywhere"), and keeps a live one listed for
 * as long as its HTTP session lasts.
 */
@Configuration(proxyBeanMethods = false)
class PageSessionCheck implements WebMvcConfigurer {

	private final PageSessions pageSessions;

	private final PageAuthentication pages;

	PageSessionCheck(PageSessions pageSessions, PageAuthentication pages) {
		this.pageSessions = pageSessions;
		this.pages = pages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Interceptor())
			.excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/error", "/favicon.ico");
	}

	private final class Interceptor implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws Exception {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !(authentication.getDetails() instanceof PageSessions.Session session)
					|| PageSessionCheck.this.pageSessions.stillLive(session.id(), ClientInfo.of(request, null, null),
							PageAuthentication.idleTimeout(request))) {
				return true;
			}
			PageSessionCheck.this.pages.forget(request);
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return false;
		}

	}

}
