package com.upcoach.app;

import jakarta.servlet.http.HttpServletRequest;

import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.security.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every app page's layout needs: the signed-in member, whose id keeps their offline
 * queue apart from anyone else's on the device and whose zone and day start date the
 * check-ins made offline.
 */
@ControllerAdvice(basePackageClasses = AppPageModel.class)
class AppPageModel {

	private final AccountManagement accounts;

	AppPageModel(AccountManagement accounts) {
		this.accounts = accounts;
	}

	/** Which screen this is, for the navigation. */
	@ModelAttribute("path")
	String path(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ModelAttribute("member")
	UserView member(Authentication authentication) {
		return CurrentUser.idOf(authentication).map(this.accounts::profile).orElse(null);
	}

}
