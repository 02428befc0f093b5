package com.upcoach.identity.oauth2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import com.upcoach.identity.LinkedAccountView;
import com.upcoach.identity.SocialSignIn;
import com.upcoach.platform.security.CurrentUser;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the {@code identity/fragments/social} templates show, fetched by the fragments
 * themselves ({@code ${@socialLogin.providers()}}) so any page can include them.
 */
@Component("socialLogin")
class SocialFragments {

	private final SocialProviders providers;

	private final SocialSignIn socialSignIn;

	SocialFragments(SocialProviders providers, SocialSignIn socialSignIn) {
		this.providers = providers;
		this.socialSignIn = socialSignIn;
	}

	/**
	 * The sign-in buttons.
	 */
	public List<SocialProviders.Provider> providers() {
		return this.providers.providers();
	}

	/**
	 * Every configured provider with whether the signed-in user linked it, then links to
	 * providers that are no longer offered (which can still be removed).
	 */
	public List<AccountLink> accounts() {
		return CurrentUser.id().map((user) -> {
			Map<String, LinkedAccountView> linked = this.socialSignIn.linkedAccounts(user)
				.stream()
				.collect(Collectors.toMap(LinkedAccountView::provider, Function.identity()));
			List<AccountLink> rows = new ArrayList<>();
			for (SocialProviders.Provider provider : this.providers.providers()) {
				rows.add(new AccountLink(provider.id(), provider.name(), linked.remove(provider.id()),
						provider.authorizationPath()));
			}
			linked.values().forEach((link) -> rows.add(new AccountLink(link.provider(), link.provider(), link, null)));
			return rows;
		}).orElse(List.of());
	}

	/**
	 * The message left by the last round trip or unlink, shown once.
	 */
	public String notice() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		return SocialNotice.take(request.getSession(false));
	}

	/**
	 * A provider on the security page.
	 *
	 * @param id the provider id
	 * @param name its name
	 * @param link the link, if the user has one
	 * @param authorizationPath where linking starts, if the provider is still offered
	 */
	public record AccountLink(String id, String name, LinkedAccountView link, String authorizationPath) {

		public boolean linked() {
			return this.link != null;
		}

	}

}
