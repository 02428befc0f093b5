package com.upcoach.identity.oauth2;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.identity.SocialSignIn;
import com.upcoach.identity.web.PageAuthentication;
import com.upcoach.platform.api.ErrorResponses;
import com.upcoach.platform.security.PageSecurityCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Adds {@code oauth2Login} to the pages' filter chain when at least one provider is
 * configured; without one the chain stays as it is.
 */
@Configuration(proxyBeanMethods = false)
class SocialLoginConfiguration {

	static final String CALLBACK = "/login/oauth2/code/*";

	@Bean
	PageSecurityCustomizer socialLoginOnPages(SocialProviders providers, OAuth2Settings settings,
			SocialSignIn socialSignIn, PageAuthentication pages, ErrorResponses errors) {
		return (http) -> {
			if (providers.isEmpty()) {
				return;
			}
			DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
					providers, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
			resolver.setAuthorizationRequestCustomizer(SocialLoginConfiguration::appleFormPost);
			SocialLoginFailure failure = new SocialLoginFailure(socialSignIn);
			SocialLoginSuccess success = new SocialLoginSuccess(socialSignIn, providers, failure, pages,
					new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
							new HttpSessionSecurityContextRepository()));
			http.oauth2Login((login) -> login.loginPage("/login")
				.clientRegistrationRepository(providers)
				.authorizedClientRepository(new NoAuthorizedClients())
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(resolver))
				.loginProcessingUrl(CALLBACK)
				.successHandler(success)
				.failureHandler(failure))
				.addFilterBefore(new FormPostCallback(), CsrfFilter.class)
				.addFilterBefore(new SocialLoginStart(providers, settings, errors),
						OAuth2AuthorizationRequestRedirectFilter.class);
		};
	}

	/**
	 * Apple returns the code in a form post when it is asked for the name and email.
	 */
	static void appleFormPost(OAuth2AuthorizationRequest.Builder builder) {
		builder.attributes((attributes) -> {
			if ("apple".equals(attributes.get(OAuth2ParameterNames.REGISTRATION_ID))) {
				builder.additionalParameters((parameters) -> parameters.put("response_mode", "form_post"));
			}
		});
	}

	/**
	 * We sign in with the provider and then issue our own tokens; the provider's tokens
	 * are never used again, so they are not kept.
	 */
	private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}
