package com.upcoach.identity.oauth2;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * The configured providers, in the order their buttons appear. Discovery of the generic
 * OpenID Connect issuer happens once, at startup.
 */
@Component
class SocialProviders implements ClientRegistrationRepository {

	static final String AUTHORIZATION_PATH = "/oauth2/authorization/";

	private static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

	private final Map<String, ClientRegistration> registrations;

	private final AppleClientSecret appleSecret;

	private final Clock clock;

	SocialProviders(OAuth2Settings settings, Clock clock) {
		this.clock = clock;
		Map<String, ClientRegistration> registrations = new LinkedHashMap<>();
		if (settings.google().isOn()) {
			registrations.put("google",
					CommonOAuth2Provider.GOOGLE.getBuilder("google")
						.clientId(settings.google().clientId())
						.clientSecret(settings.google().clientSecret())
						.build());
		}
		if (settings.apple().isOn()) {
			registrations.put("apple", apple(settings.apple().clientId()));
		}
		if (settings.facebook().isOn()) {
			registrations.put("facebook",
					CommonOAuth2Provider.FACEBOOK.getBuilder("facebook")
						.clientId(settings.facebook().clientId())
						.clientSecret(settings.facebook().clientSecret())
						.build());
		}
		if (settings.oidc().isOn()) {
			registrations.put("oidc",
					ClientRegistrations.fromIssuerLocation(settings.oidc().issuerUri())
						.registrationId("oidc")
						.clientId(settings.oidc().clientId())
						.clientSecret(settings.oidc().clientSecret())
						.clientName(settings.oidc().name())
						.redirectUri(REDIRECT_URI)
						.scope("openid", "profile", "email")
						.userNameAttributeName(IdTokenClaimNames.SUB)
						.build());
		}
		this.registrations = Collections.unmodifiableMap(registrations);
		this.appleSecret = settings.apple().isOn() ? new AppleClientSecret(settings.apple()) : null;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		ClientRegistration registration = this.registrations.get(registrationId);
		if (registration != null && "apple".equals(registrationId)) {
			return ClientRegistration.withClientRegistration(registration)
				.clientSecret(this.appleSecret.create(this.clock.instant()))
				.build();
		}
		return registration;
	}

	boolean has(String id) {
		return this.registrations.containsKey(id);
	}

	boolean isEmpty() {
		return this.registrations.isEmpty();
	}

	List<Provider> providers() {
		List<Provider> providers = new ArrayList<>();
		this.registrations.forEach((id, registration) -> providers
			.add(new Provider(id, registration.getClientName(), AUTHORIZATION_PATH + id)));
		return providers;
	}

	String nameOf(String id) {
		ClientRegistration registration = this.registrations.get(id);
		return (registration != null) ? registration.getClientName() : id;
	}

	private static ClientRegistration apple(String clientId) {
		return ClientRegistration.withRegistrationId("apple")
			.clientId(clientId)
			// A placeholder: every lookup signs a fresh secret.
			.clientSecret("signed-per-request")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(REDIRECT_URI)
			.scope("openid", "name", "email")
			.authorizationUri("https://appleid.apple.com/auth/authorize")
			.tokenUri("https://appleid.apple.com/auth/token")
			.jwkSetUri("https://appleid.apple.com/auth/keys")
			.issuerUri(AppleClientSecret.AUDIENCE)
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.clientName("Apple")
			.build();
	}

	/**
	 * A sign-in option as clients show it.
	 *
	 * @param id the provider id
	 * @param name the name on the button
	 * @param authorizationPath where a browser starts signing in; apps add
	 * {@code ?redirect_uri=}
	 */
	record Provider(String id, String name, String authorizationPath) {
	}

}
