package com.upcoach.identity.oauth2;

import jakarta.servlet.http.HttpServletRequest;

import com.upcoach.identity.SocialSignIn;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.security.CurrentUser;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Unlinking from the account pages (session and CSRF token); linking starts at the
 * provider's authorization path.
 */
@Controller
class SocialPageController {

	private final SocialSignIn socialSignIn;

	private final SocialProviders providers;

	SocialPageController(SocialSignIn socialSignIn, SocialProviders providers) {
		this.socialSignIn = socialSignIn;
		this.providers = providers;
	}

	@PostMapping("/account/linked-accounts/{provider}/unlink")
	String unlink(@PathVariable String provider, HttpServletRequest request) {
		UserId user = CurrentUser.id().orElseThrow(ApiException::forbidden);
		try {
			this.socialSignIn.unlink(user, provider);
			SocialNotice.put(request, this.providers.nameOf(provider) + " is no longer linked to your account");
		}
		catch (ApiException ex) {
			SocialNotice.put(request, ex.getMessage());
		}
		return "redirect:" + SocialLoginSuccess.SIGNED_IN_PAGE;
	}

}
