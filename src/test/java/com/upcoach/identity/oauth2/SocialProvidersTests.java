package com.upcoach.identity.oauth2;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SocialProvidersTests {

	@Test
	void shouldOfferNothingWhenNoClientIdIsSet() {
		SocialProviders providers = new SocialProviders(settings(null, null, null), Clock.systemUTC());
		assertThat(providers.isEmpty()).isTrue();
		assertThat(providers.providers()).isEmpty();
		assertThat(providers.findByRegistrationId("google")).isNull();
	}

	@Test
	void shouldOfferEachProviderWhoseClientIdIsSet() throws Exception {
		SocialProviders providers = new SocialProviders(settings("google-id", "facebook-id", "com.upcoach.web"),
				Clock.systemUTC());
		assertThat(providers.providers()).containsExactly(
				new SocialProviders.Provider("google", "Google", "/oauth2/authorization/google"),
				new SocialProviders.Provider("apple", "Apple", "/oauth2/authorization/apple"),
				new SocialProviders.Provider("facebook", "Facebook", "/oauth2/authorization/facebook"));
		assertThat(providers.findByRegistrationId("facebook").getProviderDetails().getUserInfoEndpoint().getUri())
			.contains("email");
		String appleSecret = providers.findByRegistrationId("apple").getClientSecret();
		assertThat(SignedJWT.parse(appleSecret).getJWTClaimsSet().getSubject()).isEqualTo("com.upcoach.web");
	}

	@Test
	void shouldAskAppleAloneToPostItsAnswer() throws Exception {
		SocialProviders providers = new SocialProviders(settings("google-id", null, "com.upcoach.web"),
				Clock.systemUTC());
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(providers,
				"/oauth2/authorization");
		resolver.setAuthorizationRequestCustomizer(SocialLoginConfiguration::appleFormPost);
		assertThat(authorize(resolver, "apple").getAdditionalParameters()).containsEntry("response_mode", "form_post");
		assertThat(authorize(resolver, "google").getAdditionalParameters()).doesNotContainKey("response_mode");
	}

	private static OAuth2AuthorizationRequest authorize(DefaultOAuth2AuthorizationRequestResolver resolver,
			String provider) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/" + provider);
		request.setServletPath("/oauth2/authorization/" + provider);
		return resolver.resolve(request);
	}

	private static OAuth2Settings settings(String google, String facebook, String apple) {
		return new OAuth2Settings(List.of(), new OAuth2Settings.Client(google, "secret"),
				new OAuth2Settings.Client(facebook, "secret"),
				new OAuth2Settings.Apple(apple, "TEAM", "KEY", (apple != null) ? privateKey() : null),
				new OAuth2Settings.Oidc(null, null, null, "SSO"));
	}

	private static String privateKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n";
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
