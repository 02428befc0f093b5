package com.upcoach.identity.oauth2;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Social and OpenID Connect sign-in ({@code upcoach.identity.oauth2.*}). A provider is on
 * when its client id is set.
 *
 * @param allowedRedirectUris where apps may ask to receive their one-time code, compared
 * exactly
 * @param google Google sign-in
 * @param facebook Facebook sign-in
 * @param apple Sign in with Apple
 * @param oidc any OpenID Connect provider (Keycloak, Entra ID, Okta, ...)
 */
@ConfigurationProperties("upcoach.identity.oauth2")
record OAuth2Settings(@DefaultValue List<String> allowedRedirectUris, @DefaultValue Client google,
		@DefaultValue Client facebook, @DefaultValue Apple apple, @DefaultValue Oidc oidc) {

	/**
	 * @param clientId the OAuth client id
	 * @param clientSecret the OAuth client secret
	 */
	record Client(String clientId, String clientSecret) {

		boolean isOn() {
			return StringUtils.hasText(this.clientId);
		}

	}

	/**
	 * Apple signs clients in with a short-lived JWT made from these instead of a fixed
	 * secret.
	 *
	 * @param clientId the Services ID
	 * @param teamId the Apple developer team id
	 * @param keyId the id of the Sign in with Apple key
	 * @param privateKey the key's PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----})
	 */
	record Apple(String clientId, String teamId, String keyId, String privateKey) {

		boolean isOn() {
			return StringUtils.hasText(this.clientId);
		}

	}

	/**
	 * @param issuerUri the issuer, whose discovery document describes the provider
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @param name the name on the sign-in button
	 */
	record Oidc(String issuerUri, String clientId, String clientSecret, @DefaultValue("Single sign-on") String name) {

		boolean isOn() {
			return StringUtils.hasText(this.clientId);
		}

	}

}
