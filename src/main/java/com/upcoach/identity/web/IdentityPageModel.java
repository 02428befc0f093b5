package com.upcoach.identity.web;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared page layout needs on every identity page: who is signed in, for the
 * navigation.
 */
@ControllerAdvice(assignableTypes = { SignInPageController.class, SignUpPageController.class,
		PasswordResetPageController.class, AccountSecurityPageController.class })
class IdentityPageModel {

	private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	@ModelAttribute("signedInAs")
	String signedInAs(Authentication authentication) {
		return (authentication != null && !trustResolver.isAnonymous(authentication)) ? authentication.getName() : null;
	}

}
